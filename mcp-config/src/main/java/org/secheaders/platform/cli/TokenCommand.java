package org.secheaders.platform.cli;

import picocli.CommandLine.Command;

/** {@code secheaders token}: bearer tokens for the HTTP transports. Runs only through its subcommands. */
@Command(name = "token", description = "Create, list and revoke bearer tokens for the HTTP transports.")
final class TokenCommand {
}
