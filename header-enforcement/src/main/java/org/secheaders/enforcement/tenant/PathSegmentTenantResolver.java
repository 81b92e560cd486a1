package org.secheaders.enforcement.tenant;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.secheaders.enforcement.TenantKey;

/**
 * Resolves the tenant from the first path segment after the context path:
 * {@code /acme/orders/7} → {@code acme}. Segments that are not valid tenant ids are ignored.
 * Any valid segment is taken as a candidate (e.g. {@code /static/app.js} → {@code static}); the
 * header service serves the platform baseline for a tenant its policy source does not know.
 */
public final class PathSegmentTenantResolver implements TenantResolver {

    @Override
    public Optional<TenantKey> resolve(HttpServletRequest request) {
        String uri = request.getRequestURI();
        if (uri == null) {
            return Optional.empty();
        }
        String contextPath = request.getContextPath();
        int start = contextPath == null ? 0 : contextPath.length();
        if (start >= uri.length() || uri.charAt(start) != '/') {
            return Optional.empty();
        }
        int end = uri.indexOf('/', start + 1);
        String segment = uri.substring(start + 1, end < 0 ? uri.length() : end);
        int matrix = segment.indexOf(';');
        if (matrix >= 0) {
            segment = segment.substring(0, matrix);
        }
        return TenantKey.isValid(segment) ? Optional.of(new TenantKey(segment)) : Optional.empty();
    }
}
