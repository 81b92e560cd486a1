package org.secheaders.platform.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.secheaders.domain.compliance.schedule.ScheduledTarget;
import org.secheaders.domain.compliance.schedule.WebhookSettings;
import org.secheaders.domain.db.DatabaseConfig;
import org.secheaders.domain.model.Role;
import org.secheaders.domain.model.WireEnums;
import org.secheaders.domain.scan.PrivateAddresses;
import org.secheaders.platform.auth.Identity;
import org.secheaders.platform.auth.StaticToken;

/**
 * Builds a {@link PlatformConfig} with the precedence flags &gt; {@code SECHEADERS_*} environment &gt;
 * config file ({@code --config} or {@code SECHEADERS_CONFIG}) &gt; defaults, and validates every value
 * at load time. Errors name the flag, variable or file key and the bad value (secrets masked).
 */
public final class PlatformConfigLoader {

    public static final String CONFIG_ENV = "SECHEADERS_CONFIG";

    /** Always allowed, so local tools and the Inspector work without configuration. */
    public static final List<String> DEFAULT_ORIGINS = List.of("http://localhost:*", "http://127.0.0.1:*");
    public static final List<String> DEFAULT_HOSTS = List.of("localhost:*", "127.0.0.1:*");

    private static final String HOST = "(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?)";
    private static final String PORT_PATTERN = "(:([0-9]{1,5}|\\*))?";
    private static final Pattern ORIGIN = Pattern.compile("https?://" + HOST + PORT_PATTERN);
    private static final Pattern HOST_PORT = Pattern.compile(HOST + PORT_PATTERN);
    private static final Pattern BIND = Pattern.compile("[0-9A-Fa-f:.]+|" + HOST);

    private PlatformConfigLoader() {
    }

    /** Loads from a command line and an environment (pass {@code System.getenv()} in production). */
    public static PlatformConfig load(String[] args, Map<String, String> env) {
        return load(CommandLineFlags.parse(args), env);
    }

    public static PlatformConfig load(CommandLineFlags.Parsed flags, Map<String, String> env) {
        return load(flags, env, Map.of());
    }

    /**
     * @param commandDefaults defaults of one command that differ from the platform's (e.g. a CLI
     *                        command that logs only warnings); every other layer still overrides them
     */
    public static PlatformConfig load(CommandLineFlags.Parsed flags, Map<String, String> env,
            Map<ConfigKey, String> commandDefaults) {
        Map<ConfigKey, ConfigValue> fromEnv = fromEnvironment(env);
        Map<ConfigKey, ConfigValue> fromFile = configFile(flags, env)
                .map(source -> ConfigFile.read(source.path(), source.origin()))
                .orElse(Map.of());
        Map<ConfigKey, ConfigValue> overriddenDefaults = new EnumMap<>(ConfigKey.class);
        commandDefaults.forEach((key, raw) -> overriddenDefaults.put(key, defaultValue(key, raw)));
        LayeredSettings settings = LayeredSettings.merge(
                List.of(defaults(), overriddenDefaults, fromFile, fromEnv, flags.values()));
        return build(settings);
    }

    private static PlatformConfig build(LayeredSettings settings) {
        String bind = settings.get(ConfigKey.BIND, PlatformConfigLoader::bindAddress);
        Path dataDir = settings.get(ConfigKey.DATA_DIR, PlatformConfigLoader::path);
        DatabaseSettings database = new DatabaseSettings(
                settings.optional(ConfigKey.DB_URL, PlatformConfigLoader::jdbcUrl)
                        .orElseGet(() -> DatabaseConfig.h2(dataDir).url()),
                settings.get(ConfigKey.DB_USER, ConfigValue::raw),
                settings.get(ConfigKey.DB_PASSWORD, ConfigValue::raw),
                settings.get(ConfigKey.DB_POOL_SIZE, PlatformConfigLoader::poolSize),
                settings.get(ConfigKey.DB_MIGRATE, PlatformConfigLoader::bool));
        return new PlatformConfig(
                settings.get(ConfigKey.TRANSPORT, v -> enumValue(v, TransportKind.class)),
                bind,
                settings.get(ConfigKey.PORT, PlatformConfigLoader::port),
                union(DEFAULT_ORIGINS, settings.optional(ConfigKey.ALLOWED_ORIGINS, v -> patterns(v, ORIGIN,
                        "scheme://host[:port|:*], e.g. https://console.example.com"))),
                union(defaultHosts(bind), settings.optional(ConfigKey.ALLOWED_HOSTS, v -> patterns(v, HOST_PORT,
                        "host[:port|:*], e.g. mcp.example.com:443"))),
                dataDir,
                database,
                localIdentity(settings),
                settings.optional(ConfigKey.TOKENS, PlatformConfigLoader::tokens).orElse(List.of()),
                settings.get(ConfigKey.LOG_LEVEL, v -> enumValue(v, LogLevel.class)),
                settings.optional(ConfigKey.LOG_FILE, PlatformConfigLoader::path),
                compliance(settings));
    }

    private static ComplianceSettings compliance(LayeredSettings settings) {
        Optional<String> secret = settings.optional(ConfigKey.COMPLIANCE_WEBHOOK_SECRET, ConfigValue::raw)
                .filter(raw -> !raw.isEmpty());
        Optional<URI> url = settings.value(ConfigKey.COMPLIANCE_WEBHOOK_URL).filter(value -> !value.raw().isBlank())
                .map(PlatformConfigLoader::webhookUrl);
        if (secret.isPresent() && url.isEmpty()) {
            throw settings.value(ConfigKey.COMPLIANCE_WEBHOOK_SECRET).orElseThrow()
                    .invalid("signs webhook posts, but no webhook is set: set " + ConfigKey.COMPLIANCE_WEBHOOK_URL.spellings());
        }
        return new ComplianceSettings(
                settings.get(ConfigKey.COMPLIANCE_SCHEDULER_ENABLED, PlatformConfigLoader::bool),
                settings.get(ConfigKey.COMPLIANCE_SCHEDULER_INTERVAL, PlatformConfigLoader::interval),
                settings.get(ConfigKey.COMPLIANCE_SCHEDULER_TARGET, v -> enumValue(v, ScheduledTarget.class)),
                url.map(u -> WebhookSettings.of(u, secret)),
                settings.get(ConfigKey.COMPLIANCE_SCANNER_PRIVATE_ADDRESSES, v -> enumValue(v, PrivateAddresses.class)));
    }

    private static URI webhookUrl(ConfigValue value) {
        try {
            URI url = new URI(value.raw().trim());
            WebhookSettings.of(url, Optional.empty());
            return url;
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw value.invalid("is not an absolute http:// or https:// URL");
        }
    }

    /** {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d} or an ISO-8601 duration such as {@code PT5M}. */
    private static Duration interval(ConfigValue value) {
        String raw = value.raw().trim().toLowerCase(Locale.ROOT);
        Duration interval;
        try {
            interval = raw.startsWith("p") ? Duration.parse(raw.toUpperCase(Locale.ROOT)) : shortDuration(raw);
        } catch (RuntimeException e) {
            throw value.invalid("is not a duration such as 30s, 5m, 1h or PT5M");
        }
        if (interval.compareTo(ComplianceSettings.MIN_INTERVAL) < 0 || interval.compareTo(ComplianceSettings.MAX_INTERVAL) > 0) {
            throw value.invalid("is outside 10s-1d");
        }
        return interval;
    }

    private static Duration shortDuration(String raw) {
        long amount = Long.parseLong(raw.substring(0, raw.length() - 1));
        return switch (raw.charAt(raw.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            case 'd' -> Duration.ofDays(amount);
            default -> throw new IllegalArgumentException("no unit");
        };
    }

    private static Map<ConfigKey, ConfigValue> defaults() {
        Map<ConfigKey, ConfigValue> values = new EnumMap<>(ConfigKey.class);
        for (ConfigKey key : ConfigKey.values()) {
            key.defaultValue().ifPresent(raw -> values.put(key, defaultValue(key, raw)));
        }
        return values;
    }

    private static ConfigValue defaultValue(ConfigKey key, String raw) {
        return new ConfigValue(key, raw, new ConfigOrigin.Default(key.fileKey()));
    }

    /** Unknown {@code SECHEADERS_*} variables are errors: a typo would otherwise be silently ignored. */
    private static Map<ConfigKey, ConfigValue> fromEnvironment(Map<String, String> env) {
        Map<String, ConfigKey> byVar = Arrays.stream(ConfigKey.values())
                .collect(Collectors.toMap(ConfigKey::envVar, k -> k));
        Map<ConfigKey, ConfigValue> values = new EnumMap<>(ConfigKey.class);
        env.forEach((name, raw) -> {
            if (!name.startsWith("SECHEADERS_") || name.equals(CONFIG_ENV)) {
                return;
            }
            ConfigKey key = byVar.get(name);
            if (key == null) {
                throw new ConfigException(name + " is not a known setting; known: " + CONFIG_ENV + ", "
                        + String.join(", ", byVar.keySet().stream().sorted().toList()));
            }
            values.put(key, new ConfigValue(key, raw, new ConfigOrigin.EnvVar(name)));
        });
        return values;
    }

    private record FileSource(Path path, String origin) {
    }

    private static Optional<FileSource> configFile(CommandLineFlags.Parsed flags, Map<String, String> env) {
        Optional<FileSource> fromFlag = flags.configFile().map(raw -> fileSource(raw, CommandLineFlags.CONFIG_FLAG));
        return fromFlag.isPresent() ? fromFlag
                : Optional.ofNullable(env.get(CONFIG_ENV)).filter(s -> !s.isBlank()).map(raw -> fileSource(raw, CONFIG_ENV));
    }

    private static FileSource fileSource(String raw, String origin) {
        try {
            return new FileSource(Path.of(raw.trim()), origin);
        } catch (InvalidPathException e) {
            throw new ConfigException(origin + "='" + raw + "' is not a valid path");
        }
    }

    private static Identity localIdentity(LayeredSettings settings) {
        Role role = settings.get(ConfigKey.IDENTITY_ROLE, v -> enumValue(v, Role.class));
        Optional<Long> tenant = settings.optional(ConfigKey.IDENTITY_TENANT, PlatformConfigLoader::tenantId);
        if (role == Role.TENANT_ADMIN && tenant.isEmpty()) {
            throw settings.value(ConfigKey.IDENTITY_ROLE).orElseThrow()
                    .invalid("needs a tenant: set " + ConfigKey.IDENTITY_TENANT.spellings());
        }
        // The OS user names the stdio caller in audit logs.
        return new Identity("local:" + System.getProperty("user.name", "operator"), role, tenant);
    }

    private static List<StaticToken> tokens(ConfigValue value) {
        List<String> specs = value.items();
        List<StaticToken> tokens = new ArrayList<>(specs.size());
        try {
            for (int i = 0; i < specs.size(); i++) {
                tokens.add(parseToken(specs.get(i), i + 1));
            }
            StaticToken.requireDistinct(tokens);
        } catch (IllegalArgumentException e) {
            throw value.invalid("is invalid: " + e.getMessage());
        }
        return List.copyOf(tokens);
    }

    private static StaticToken parseToken(String spec, int number) {
        try {
            return StaticToken.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("token #" + number + ": " + e.getMessage(), e);
        }
    }

    private static <E extends Enum<E>> E enumValue(ConfigValue value, Class<E> type) {
        String normalized = value.raw().trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(type.getEnumConstants())
                .filter(c -> c.name().equals(normalized))
                .findFirst()
                .orElseThrow(() -> value.invalid("is not one of " + WireEnums.allowed(type)));
    }

    private static int port(ConfigValue value) {
        try {
            int port = Integer.parseInt(value.raw().trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw value.invalid("is not a port number (1-65535, or 0 for any free port)");
    }

    private static int poolSize(ConfigValue value) {
        try {
            int size = Integer.parseInt(value.raw().trim());
            if (size >= 1 && size <= DatabaseConfig.MAX_POOL_SIZE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw value.invalid("is not a pool size (1-" + DatabaseConfig.MAX_POOL_SIZE + ")");
    }

    private static boolean bool(ConfigValue value) {
        return switch (value.raw().trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw value.invalid("is not true or false");
        };
    }

    private static long tenantId(ConfigValue value) {
        try {
            long tenant = Long.parseLong(value.raw().trim());
            if (tenant > 0) {
                return tenant;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw value.invalid("is not a tenant id (a positive integer)");
    }

    private static String bindAddress(ConfigValue value) {
        String bind = value.raw().trim();
        if (!BIND.matcher(bind).matches()) {
            throw value.invalid("is not a host name or IP address");
        }
        return bind;
    }

    private static Path path(ConfigValue value) {
        try {
            if (!value.raw().isBlank()) {
                return Path.of(value.raw().trim());
            }
        } catch (InvalidPathException e) {
            // reported below
        }
        throw value.invalid("is not a valid path");
    }

    private static String jdbcUrl(ConfigValue value) {
        if (!value.raw().trim().startsWith("jdbc:")) {
            throw value.invalid("is not a JDBC URL (jdbc:h2:…, jdbc:postgresql:…, jdbc:mariadb:…)");
        }
        return value.raw().trim();
    }

    private static List<String> patterns(ConfigValue value, Pattern pattern, String expected) {
        for (String item : value.items()) {
            if (!pattern.matcher(item).matches()) {
                throw value.invalid("has '" + item + "', expected " + expected);
            }
        }
        return value.items();
    }

    /** The bind address is reachable under its own name too, unless it is a wildcard. */
    private static List<String> defaultHosts(String bind) {
        if (bind.equals("0.0.0.0") || bind.equals("::") || DEFAULT_HOSTS.contains(bind + ":*")) {
            return DEFAULT_HOSTS;
        }
        String host = bind.contains(":") ? "[" + bind + "]" : bind;
        return union(DEFAULT_HOSTS, Optional.of(List.of(host + ":*")));
    }

    private static List<String> union(List<String> defaults, Optional<List<String>> configured) {
        Set<String> all = new LinkedHashSet<>(defaults);
        configured.ifPresent(all::addAll);
        return List.copyOf(all);
    }
}
