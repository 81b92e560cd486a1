package org.secheaders.platform.cli;

import picocli.CommandLine.Command;

/** {@code secheaders compliance}: scheduled compliance checks and their events. Runs only through its subcommands. */
@Command(name = "compliance", description = "Run due compliance checks (for cron) and list non-compliance events.")
final class ComplianceCommand {
}
