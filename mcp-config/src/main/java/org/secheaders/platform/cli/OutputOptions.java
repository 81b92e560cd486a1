package org.secheaders.platform.cli;

import picocli.CommandLine.Option;

/** {@code --format}, on every command that prints data. */
final class OutputOptions {

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (aligned tables, the default) or json (one document for scripts)")
    OutputFormat format;

    boolean json() {
        return format == OutputFormat.JSON;
    }
}
