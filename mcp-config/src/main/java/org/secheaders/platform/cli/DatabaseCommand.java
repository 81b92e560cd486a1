package org.secheaders.platform.cli;

import java.util.Set;
import java.util.concurrent.Callable;
import org.secheaders.platform.config.ConfigKey;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A subcommand working on the configured database ({@code db …}, {@code token …}): what they all
 * take is declared once here: the database settings, {@code --format}, and the CLI context.
 */
abstract class DatabaseCommand implements Callable<Integer>, ConfiguredCommand {

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    final CliContext context;

    DatabaseCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public final Set<ConfigKey> settings() {
        return PlatformSettings.DATABASE;
    }
}
