package org.secheaders.platform.cli;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.secheaders.platform.config.CommandLineFlags;
import org.secheaders.platform.config.ConfigKey;
import org.secheaders.platform.config.PlatformConfig;
import org.secheaders.platform.config.PlatformConfigLoader;
import org.secheaders.platform.observability.LoggingSetup;
import picocli.CommandLine.Model.CommandSpec;

/** Loads a command's {@link PlatformConfig}: flags &gt; {@code SECHEADERS_*} &gt; config file &gt; command defaults &gt; defaults. */
final class PlatformSettings {

    /** What every command touching the database accepts. */
    static final Set<ConfigKey> DATABASE = EnumSet.of(ConfigKey.DATA_DIR, ConfigKey.DB_URL, ConfigKey.DB_USER,
            ConfigKey.DB_PASSWORD, ConfigKey.DB_POOL_SIZE, ConfigKey.LOG_LEVEL, ConfigKey.LOG_FILE);

    /**
     * Commands that do their work and exit print their results; logs would only be noise beside
     * them, and one command needs no more than two connections.
     */
    static final Map<ConfigKey, String> OPERATOR_DEFAULTS = Map.of(
            ConfigKey.LOG_LEVEL, "warn",
            ConfigKey.DB_POOL_SIZE, "2");

    private PlatformSettings() {
    }

    /** Also applies the configured log level and log file. */
    static PlatformConfig load(CommandSpec spec, CliContext context, ConfiguredCommand command) {
        PlatformConfig config = PlatformConfigLoader.load(CommandLineFlags.parsed(spec.commandLine().getParseResult()),
                context.env(), command.settingDefaults());
        LoggingSetup.apply(config.logLevel(), config.logFile());
        return config;
    }
}
