package org.secheaders.enforcement.collector;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;

/**
 * Names the tenant a report request is for, as a tenant slug; the {@link TenantDirectory} then looks
 * it up, and an empty or unknown slug is answered 404.
 *
 * <p>Two ways ship: {@link #pathSlug()} for a central collector ({@code /csp-report/acme}) and
 * {@link #hosts(Map)} for a collector on each application's own host (the policy engine's default
 * {@code report-uri /csp-report}). The header filter's {@code TenantResolver}
 * ({@code org.secheaders.enforcement.tenant}) answers the same question for page requests; an
 * adapter is one lambda, {@code request -> filterResolver.resolve(request).map(TenantKey::id)}.
 */
@FunctionalInterface
public interface ReportTenantResolver {

    Optional<String> tenantSlug(HttpServletRequest request);

    /** The single path segment after the servlet's mapping: {@code /csp-report/acme} → {@code acme}. */
    static ReportTenantResolver pathSlug() {
        return new PathSlugResolver();
    }

    /** By the request's host name (Host header without port), from a host → tenant slug map. */
    static ReportTenantResolver hosts(Map<String, String> hostToSlug) {
        return new HostMapResolver(hostToSlug);
    }
}
