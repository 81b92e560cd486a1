package org.secheaders.platform.config;

import java.io.PrintStream;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
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

    /**
     * Reads the usual forms ({@code --flag value}, {@code --flag=value}, {@code -h}/{@code --help}) itself and
     * leaves anything else (errors, {@code @files}, values that look like options) to picocli, for its exact
     * behaviour and messages. Picocli cost every server start ~110 ms of CPU on its main thread and, being
     * compiled for Java 5, cannot go into a class-data archive (BENCHMARKS.md, "Cold start").
     */
    public static Parsed parse(String... args) {
        return parsePlain(args).orElseGet(() -> parseWithPicocli(args));
    }

    /** {@code args} when every one is a plain form that picocli would read the same way; otherwise empty. */
    static Optional<Parsed> parsePlain(String... args) {
        Map<String, ConfigKey> byFlag = new HashMap<>();
        for (ConfigKey key : ConfigKey.values()) {
            byFlag.put(key.flag(), key);
        }
        Map<ConfigKey, ConfigValue> values = new EnumMap<>(ConfigKey.class);
        Optional<String> configFile = Optional.empty();
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                help = true;
                continue;
            }
            int equals = arg.indexOf('=');
            String flag = equals < 0 ? arg : arg.substring(0, equals);
            ConfigKey key = byFlag.get(flag);
            if (key == null && !flag.equals(CONFIG_FLAG)) {
                return Optional.empty();
            }
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                return Optional.empty();
            }
            if (value.isEmpty() || value.startsWith("-") || value.startsWith("@")) {
                return Optional.empty();
            }
            if (key == null) {
                if (configFile.isPresent()) {
                    return Optional.empty();
                }
                configFile = Optional.of(value);
            } else if (!values.containsKey(key)) {
                values.put(key, new ConfigValue(key, value, new ConfigOrigin.Flag(flag)));
            } else if (key.list()) {
                values.put(key, new ConfigValue(key, values.get(key).raw() + "," + value, new ConfigOrigin.Flag(flag)));
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(new Parsed(values, configFile, help));
    }

    static Parsed parseWithPicocli(String... args) {
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
