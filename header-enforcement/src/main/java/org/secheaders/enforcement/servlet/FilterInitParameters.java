package org.secheaders.enforcement.servlet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.secheaders.domain.policy.PlatformPolicy;
import org.secheaders.enforcement.DevMode;
import org.secheaders.enforcement.HeaderService;
import org.secheaders.enforcement.TenantKey;
import org.secheaders.enforcement.source.InMemoryPolicySource;
import org.secheaders.enforcement.source.StaticPolicyFile;
import org.secheaders.enforcement.tenant.HostTenantResolver;
import org.secheaders.enforcement.tenant.PathSegmentTenantResolver;
import org.secheaders.enforcement.tenant.RequestHeaderTenantResolver;
import org.secheaders.enforcement.tenant.TenantResolver;

/**
 * The filter's {@code web.xml} init parameters, parsed and validated in one place. Every error
 * names the parameter; unknown names fail too, so a typo cannot silently disable a setting.
 *
 * <table>
 *   <caption>Init parameters (all optional)</caption>
 *   <tr><td>{@value #TENANT_RESOLVERS}</td><td>comma list, tried in order: {@code host}, {@code header}, {@code path}</td></tr>
 *   <tr><td>{@value #TENANT_HOSTS}</td><td>{@code host=tenant} pairs, comma-separated; {@code *.example.com} for subdomains (needed by {@code host})</td></tr>
 *   <tr><td>{@value #TENANT_HEADER}</td><td>request header naming the tenant, default {@code X-Tenant-ID} (used by {@code header})</td></tr>
 *   <tr><td>{@value #DEFAULT_TENANT}</td><td>tenant for requests no resolver matched; otherwise the platform baseline</td></tr>
 *   <tr><td>{@value #PLATFORM_POLICY}</td><td>path of a platform policy JSON file; default the built-in baseline</td></tr>
 *   <tr><td>{@value #TENANT_POLICIES}</td><td>path of a static tenant policy JSON file ({@link StaticPolicyFile})</td></tr>
 *   <tr><td>{@value #POLL_INTERVAL_MS}</td><td>policy poll interval in milliseconds, default 250</td></tr>
 *   <tr><td>{@value #TRUST_FORWARDED_PROTO}</td><td>{@code true}: {@code X-Forwarded-Proto: https} counts as HTTPS; default {@code false}</td></tr>
 *   <tr><td>{@value #NONCE_CACHE_CONTROL}</td><td>{@code no-store} (default), {@code private} or {@code off}</td></tr>
 *   <tr><td>{@value #DEV_MODE}</td><td>{@code true} enables development mode for this filter; default {@code false}</td></tr>
 *   <tr><td>{@value #DEV_ORIGINS}</td><td>loopback dev server origins, default {@code http://localhost:5173}</td></tr>
 * </table>
 */
final class FilterInitParameters {
    static final String TENANT_RESOLVERS = "tenant-resolvers";
    static final String TENANT_HOSTS = "tenant-hosts";
    static final String TENANT_HEADER = "tenant-header";
    static final String DEFAULT_TENANT = "default-tenant";
    static final String PLATFORM_POLICY = "platform-policy";
    static final String TENANT_POLICIES = "tenant-policies";
    static final String POLL_INTERVAL_MS = "poll-interval-ms";
    static final String TRUST_FORWARDED_PROTO = "trust-forwarded-proto";
    static final String NONCE_CACHE_CONTROL = "nonce-cache-control";
    static final String DEV_MODE = "dev-mode";
    static final String DEV_ORIGINS = "dev-origins";

    private static final List<String> KNOWN = List.of(TENANT_RESOLVERS, TENANT_HOSTS, TENANT_HEADER, DEFAULT_TENANT,
            PLATFORM_POLICY, TENANT_POLICIES, POLL_INTERVAL_MS, TRUST_FORWARDED_PROTO, NONCE_CACHE_CONTROL,
            DEV_MODE, DEV_ORIGINS);
    private static final String DEFAULT_TENANT_HEADER = "X-Tenant-ID";
    private static final String DEFAULT_DEV_ORIGIN = "http://localhost:5173";

    private final Map<String, String> parameters;
    private final FilterSettings settings;
    private final PlatformPolicy platform;
    private final InMemoryPolicySource source;
    private final Duration pollInterval;
    private final DevMode devMode;

    private FilterInitParameters(Map<String, String> parameters) {
        this.parameters = parameters;
        for (String name : parameters.keySet()) {
            if (!KNOWN.contains(name)) {
                throw new IllegalArgumentException("unknown init parameter '" + name + "'; known: " + KNOWN);
            }
        }
        this.settings = new FilterSettings(
                tenantResolver(),
                optional(DEFAULT_TENANT, TenantKey::new),
                optional(TRUST_FORWARDED_PROTO, FilterInitParameters::bool).orElse(false),
                optional(NONCE_CACHE_CONTROL, NonceCacheControl::fromParameter).orElse(NonceCacheControl.NO_STORE));
        this.platform = optional(PLATFORM_POLICY, path -> PlatformPolicy.fromJson(read(path)))
                .orElseGet(PlatformPolicy::defaults);
        this.source = new InMemoryPolicySource(optional(TENANT_POLICIES, path -> StaticPolicyFile.read(Path.of(path)))
                .orElse(Map.of()));
        this.pollInterval = optional(POLL_INTERVAL_MS, FilterInitParameters::millis).orElse(HeaderService.DEFAULT_POLL_INTERVAL);
        boolean dev = optional(DEV_MODE, FilterInitParameters::bool).orElse(false);
        if (!dev && parameters.containsKey(DEV_ORIGINS)) {
            throw new IllegalArgumentException("init parameter '" + DEV_ORIGINS + "' is set but '" + DEV_MODE + "' is not true");
        }
        this.devMode = dev
                ? optional(DEV_ORIGINS, v -> DevMode.enabled(commaList(v))).orElseGet(() -> DevMode.enabled(List.of(DEFAULT_DEV_ORIGIN)))
                : DevMode.disabled();
    }

    /** @throws IllegalArgumentException naming the first bad parameter */
    static FilterInitParameters parse(Map<String, String> parameters) {
        return new FilterInitParameters(new LinkedHashMap<>(parameters));
    }

    FilterSettings settings() {
        return settings;
    }

    HeaderService buildHeaderService() {
        return HeaderService.builder()
                .platform(platform)
                .source(source)
                .pollInterval(pollInterval)
                .devMode(devMode)
                .build();
    }

    private TenantResolver tenantResolver() {
        List<String> names = optional(TENANT_RESOLVERS, FilterInitParameters::commaList).orElse(List.of());
        List<TenantResolver> resolvers = new ArrayList<>();
        for (String name : names) {
            resolvers.add(switch (name.toLowerCase(Locale.ROOT)) {
                case "host" -> required(TENANT_HOSTS, v -> new HostTenantResolver(hostMap(v)));
                case "header" -> optional(TENANT_HEADER, RequestHeaderTenantResolver::new)
                        .orElseGet(() -> new RequestHeaderTenantResolver(DEFAULT_TENANT_HEADER));
                case "path" -> new PathSegmentTenantResolver();
                default -> throw new IllegalArgumentException("init parameter '" + TENANT_RESOLVERS + "': '" + name
                        + "' is not one of [host, header, path]");
            });
        }
        requireUsed(TENANT_HOSTS, names, "host");
        requireUsed(TENANT_HEADER, names, "header");
        return resolvers.isEmpty() ? request -> Optional.empty() : TenantResolver.firstMatch(resolvers);
    }

    private void requireUsed(String parameter, List<String> resolvers, String resolver) {
        if (parameters.containsKey(parameter) && resolvers.stream().noneMatch(resolver::equalsIgnoreCase)) {
            throw new IllegalArgumentException("init parameter '" + parameter + "' is set but '" + resolver
                    + "' is not in '" + TENANT_RESOLVERS + "'");
        }
    }

    private <T> Optional<T> optional(String name, Function<String, T> parse) {
        String raw = parameters.get(name);
        if (raw == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse.apply(raw.trim()));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new IllegalArgumentException("init parameter '" + name + "': " + e.getMessage(), e);
        }
    }

    private <T> T required(String name, Function<String, T> parse) {
        return optional(name, parse).orElseThrow(() -> new IllegalArgumentException(
                "init parameter '" + name + "' is required by the configured tenant resolvers"));
    }

    private static Map<String, TenantKey> hostMap(String value) {
        Map<String, TenantKey> hosts = new LinkedHashMap<>();
        for (String entry : commaList(value)) {
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new IllegalArgumentException("'" + entry + "' is not host=tenant");
            }
            hosts.put(entry.substring(0, eq).trim(), new TenantKey(entry.substring(eq + 1).trim()));
        }
        return hosts;
    }

    private static List<String> commaList(String value) {
        List<String> items = Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (items.isEmpty()) {
            throw new IllegalArgumentException("'" + value + "' is an empty list");
        }
        return items;
    }

    private static boolean bool(String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new IllegalArgumentException("'" + value + "' is not true or false");
    }

    private static Duration millis(String value) {
        long millis;
        try {
            millis = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a whole number of milliseconds", e);
        }
        if (millis < 10 || millis > 60_000) {
            throw new IllegalArgumentException(millis + " is outside 10..60000 ms");
        }
        return Duration.ofMillis(millis);
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
