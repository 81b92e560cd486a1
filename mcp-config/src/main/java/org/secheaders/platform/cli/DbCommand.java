package org.secheaders.platform.cli;

import picocli.CommandLine.Command;

/** {@code secheaders db}: the schema. Runs only through its subcommands. */
@Command(name = "db", description = "Apply, revert and list the database migrations.")
final class DbCommand {
}
