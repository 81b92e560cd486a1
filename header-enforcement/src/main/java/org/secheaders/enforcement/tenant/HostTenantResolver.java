package org.secheaders.enforcement.tenant;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.secheaders.enforcement.TenantKey;

/**
 * Resolves the tenant from the request's host name ({@link HttpServletRequest#getServerName()},
 * i.e. the Host header without its port). Entries are exact hosts ({@code shop.example.com}) or
 * wildcard subdomains ({@code *.example.com}, matching {@code a.example.com} and
 * {@code a.b.example.com} but not {@code example.com}). An exact entry beats a wildcard and a
 * longer wildcard beats a shorter one.
 */
public final class HostTenantResolver implements TenantResolver {
    private static final Pattern HOST = Pattern.compile("(\\*\\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

    // Values are pre-wrapped: resolve() runs per request and returns them as they are.
    private final Map<String, Optional<TenantKey>> exact = new HashMap<>();
    /** Keyed by the suffix with its leading dot, e.g. {@code .example.com}. */
    private final Map<String, Optional<TenantKey>> wildcard = new HashMap<>();

    public HostTenantResolver(Map<String, TenantKey> hosts) {
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("host map is empty; give at least one host=tenant entry");
        }
        hosts.forEach((pattern, tenant) -> {
            String host = normalize(pattern);
            if (!HOST.matcher(host).matches()) {
                throw new IllegalArgumentException("host '" + pattern
                        + "' is not a host name or a '*.' wildcard subdomain pattern");
            }
            Map<String, Optional<TenantKey>> target = host.startsWith("*.") ? wildcard : exact;
            String key = host.startsWith("*.") ? host.substring(1) : host;
            Optional<TenantKey> previous = target.putIfAbsent(key, Optional.of(tenant));
            if (previous != null && !previous.get().equals(tenant)) {
                throw new IllegalArgumentException("host '" + pattern + "' is mapped to both "
                        + previous.get() + " and " + tenant);
            }
        });
    }

    @Override
    public Optional<TenantKey> resolve(HttpServletRequest request) {
        String serverName = request.getServerName();
        if (serverName == null || serverName.isEmpty()) {
            return Optional.empty();
        }
        String host = normalize(serverName);
        Optional<TenantKey> tenant = exact.get(host);
        if (tenant != null) {
            return tenant;
        }
        // Walk up the labels from the most specific suffix: a.b.example.com → .b.example.com → .example.com → .com
        for (int dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.', dot + 1)) {
            tenant = wildcard.get(host.substring(dot));
            if (tenant != null) {
                return tenant;
            }
        }
        return Optional.empty();
    }

    /** Host names are case-insensitive and a trailing dot names the same host. */
    private static String normalize(String host) {
        String lower = host.trim().toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
