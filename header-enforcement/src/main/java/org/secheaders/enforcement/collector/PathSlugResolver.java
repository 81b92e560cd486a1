package org.secheaders.enforcement.collector;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.secheaders.domain.model.Tenant;

/**
 * The tenant slug as the one path segment after the servlet mapping ({@code /csp-report/*}):
 * {@code /csp-report/acme} and {@code /csp-report/acme/} name {@code acme}; no segment, more segments
 * or an invalid slug name no tenant.
 */
final class PathSlugResolver implements ReportTenantResolver {

    @Override
    public Optional<String> tenantSlug(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        if (pathInfo == null || pathInfo.length() < 2 || pathInfo.charAt(0) != '/') {
            return Optional.empty();
        }
        String slug = pathInfo.endsWith("/") ? pathInfo.substring(1, pathInfo.length() - 1) : pathInfo.substring(1);
        return isSlug(slug) ? Optional.of(slug) : Optional.empty();
    }

    private static boolean isSlug(String value) {
        try {
            Tenant.requireSlug(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
