package org.secheaders.enforcement.collector;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.secheaders.domain.model.Tenant;

/**
 * The tenant by the request's host name, from a fixed host → slug map validated when built. Host
 * names compare case-insensitively and without a trailing dot.
 */
final class HostMapResolver implements ReportTenantResolver {
    private final Map<String, String> hostToSlug = new HashMap<>();

    HostMapResolver(Map<String, String> hosts) {
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("host map is empty; give at least one host=tenant entry");
        }
        hosts.forEach((host, slug) -> {
            String normalized = normalize(host);
            if (normalized.isEmpty() || normalized.indexOf(':') >= 0 || normalized.indexOf('/') >= 0) {
                throw new IllegalArgumentException("host '" + host + "' is not a host name (no port, no path)");
            }
            String previous = hostToSlug.put(normalized, Tenant.requireSlug(slug));
            if (previous != null && !previous.equals(slug)) {
                throw new IllegalArgumentException("host '" + host + "' is mapped to both " + previous + " and " + slug);
            }
        });
    }

    @Override
    public Optional<String> tenantSlug(HttpServletRequest request) {
        String serverName = request.getServerName();
        return serverName == null ? Optional.empty() : Optional.ofNullable(hostToSlug.get(normalize(serverName)));
    }

    private static String normalize(String host) {
        String lower = host.trim().toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
