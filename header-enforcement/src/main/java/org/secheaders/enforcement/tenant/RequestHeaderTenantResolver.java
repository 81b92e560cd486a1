package org.secheaders.enforcement.tenant;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.secheaders.enforcement.TenantKey;

/**
 * Resolves the tenant from a request header such as {@code X-Tenant-ID}. The header is client
 * input: use this only behind a proxy that sets it (and strips any client-sent value). Values
 * that are not valid tenant ids are ignored rather than rejected, so junk cannot fail a request.
 */
public final class RequestHeaderTenantResolver implements TenantResolver {
    private final String headerName;

    public RequestHeaderTenantResolver(String headerName) {
        if (headerName == null || headerName.isBlank() || !headerName.chars().allMatch(RequestHeaderTenantResolver::isTokenChar)) {
            throw new IllegalArgumentException("tenant header name '" + headerName + "' is not a valid HTTP header name");
        }
        this.headerName = headerName;
    }

    @Override
    public Optional<TenantKey> resolve(HttpServletRequest request) {
        String value = request.getHeader(headerName);
        if (value == null) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        return TenantKey.isValid(trimmed) ? Optional.of(new TenantKey(trimmed)) : Optional.empty();
    }

    public String headerName() {
        return headerName;
    }

    /** RFC 9110 token characters. */
    private static boolean isTokenChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
