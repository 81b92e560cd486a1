package org.secheaders.platform.cli;

import picocli.CommandLine.Command;

/** {@code secheaders cds}: class-data archives for faster server starts. Runs only through its subcommands. */
@Command(name = "cds", description = "Class-data (AppCDS) archives that make stdio server starts about 40 % shorter.")
final class CdsCommand {
}
