package org.secheaders.platform.config;

import java.io.PrintStream;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The command-line layer of the configuration. Options are generated from {@link ConfigKey},
 * so flags, environment variables and file keys cannot drift apart; values stay raw strings
 * here and are validated with the other layers in {@link PlatformConfigLoader}.
 */
public final class CommandLineFlags {

    public static final String CONFIG_FLAG = "--config";

    /** What the command line said. */
    public record Parsed(Map<ConfigKey, ConfigValue> values, Optional<String> configFile, boolean helpRequested) {
        public Parsed {
            values = Map.copyOf(values);
        }
    }

    private CommandLineFlags() {
    }

    public static Parsed parse(String... args) {
        CommandLine commandLine = new CommandLine(spec("server"));
        ParseResult result;
        try {
            result = commandLine.parseArgs(args);
        } catch (ParameterException e) {
            throw new ConfigException(e.getMessage() + " (see --help)");
        }
        return parsed(result);
    }

    /** The settings of a command line parsed by a command that has the options of {@link #addOptions}. */
    public static Parsed parsed(ParseResult result) {
        Map<ConfigKey, ConfigValue> values = new EnumMap<>(ConfigKey.class);
        for (ConfigKey key : ConfigKey.values()) {
            if (result.hasMatchedOption(key.flag())) {
                Object given = result.matchedOptionValue(key.flag(), null);
                String raw = given instanceof List<?> items ? String.join(",", items.stream().map(String::valueOf).toList())
                        : String.valueOf(given);
                values.put(key, new ConfigValue(key, raw, new ConfigOrigin.Flag(key.flag())));
            }
        }
        return new Parsed(values, Optional.ofNullable(result.matchedOptionValue(CONFIG_FLAG, null)),
                result.isUsageHelpRequested());
    }

    /** Usage goes wherever the caller says; servers pass stderr because stdout may be the protocol. */
    public static void printUsage(String commandName, PrintStream out) {
        new CommandLine(spec(commandName)).usage(out);
    }

    private static CommandSpec spec(String commandName) {
        CommandSpec spec = CommandSpec.create().name(commandName);
        spec.usageMessage().description(
                "Settings are taken from flags, then SECHEADERS_* environment variables, then the config file, then defaults.");
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help.").build());
        addOptions(spec, EnumSet.allOf(ConfigKey.class), Map.of());
        return spec;
    }

    /**
     * Adds {@code --config} and one option per key to a command, so every command that reads
     * settings spells and documents them alike; read them back with {@link #parsed}.
     *
     * @param commandDefaults the command's own defaults where they differ (see {@link PlatformConfigLoader#load}),
     *                        shown in its usage instead of the platform's
     */
    public static void addOptions(CommandSpec spec, Set<ConfigKey> keys, Map<ConfigKey, String> commandDefaults) {
        spec.addOption(OptionSpec.builder(CONFIG_FLAG).paramLabel("FILE").type(String.class)
                .description("Config file (.properties, .json, .yaml); also SECHEADERS_CONFIG.").build());
        for (ConfigKey key : keys) {
            OptionSpec.Builder option = OptionSpec.builder(key.flag())
                    .paramLabel(key.paramLabel())
                    .description(key.description() + Optional.ofNullable(commandDefaults.get(key)).or(key::defaultValue)
                            .filter(d -> !d.isEmpty()).map(d -> " (default: " + d + ")").orElse(""));
            // List settings may repeat their flag; picocli rejects any other flag given twice.
            spec.addOption(key.list() ? option.type(List.class).auxiliaryTypes(String.class).build()
                    : option.type(String.class).build());
        }
    }
}
