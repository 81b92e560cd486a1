package org.secheaders.analytics.service;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.model.TenantSecurityPolicy;
import org.secheaders.domain.policy.HeaderSet;
import org.secheaders.domain.policy.PlatformPolicy;
import org.secheaders.domain.policy.PolicyResolver;
import org.secheaders.domain.policy.ResolvedPolicy;
import org.secheaders.domain.report.ReportTenants;
import org.secheaders.domain.repo.PolicyRepository;
import org.secheaders.domain.repo.PolicyVersionRepository;
import org.secheaders.domain.repo.TenantScope;

/**
 * A tenant's effective security headers now: the platform policy resolved with the tenant's
 * policy rows, as header enforcement would serve them, with every resolution decision.
 */
public final class EffectivePolicyService {

    private final PlatformPolicy platform;
    private final PolicyRepository policies;
    private final PolicyVersionRepository versions;
    private final PolicyResolver resolver = new PolicyResolver();
    private final Clock clock;

    public EffectivePolicyService(PlatformPolicy platform, PolicyRepository policies, PolicyVersionRepository versions,
            Clock clock) {
        this.platform = platform;
        this.policies = policies;
        this.versions = versions;
        this.clock = clock;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record EffectivePolicy(
            String tenant,
            Instant resolvedAt,
            long policyVersion,
            List<Header> headers,
            List<String> nonceDirectives,
            List<String> headersToRemove,
            List<PolicyRow> policies,
            List<Decision> resolutions) {
    }

    /** A header as served, except that nonce directives also get {@code 'nonce-…'} per response. */
    public record Header(String name, String value) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record PolicyRow(long id, String name, String type, String inheritanceMode, boolean active,
            Instant effectiveFrom, Optional<Instant> effectiveUntil, boolean appliesNow) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Decision(long policyId, String kind, Optional<String> header, Optional<String> directive, String message) {
    }

    public EffectivePolicy resolve(TenantScope scope, Tenant tenant) {
        Instant now = clock.instant();
        List<TenantSecurityPolicy> rows = policies.listByTenant(scope, tenant.id());
        ResolvedPolicy resolved = resolver.resolve(platform, rows, now);
        HeaderSet headers = resolved.headers();
        List<Header> served = new ArrayList<>();
        headers.csp().ifPresent(csp -> served.add(new Header(HeaderSet.CONTENT_SECURITY_POLICY, csp.serialize())));
        headers.cspReportOnly().ifPresent(csp ->
                served.add(new Header(HeaderSet.CONTENT_SECURITY_POLICY_REPORT_ONLY, csp.serialize())));
        headers.headers().values().forEach(header -> served.add(new Header(header.kind().headerName(), header.value())));
        return new EffectivePolicy(tenant.slug(), now, versions.current(scope, tenant.id()), served,
                List.copyOf(headers.nonceDirectives()), headers.headersToRemove(),
                rows.stream().map(row -> new PolicyRow(row.id(), row.policyName(), row.policyType().wireName(),
                        row.inheritanceMode().wireName(), row.active(), row.effectiveFrom(), row.effectiveUntil(),
                        row.appliesAt(now))).toList(),
                resolved.resolutions().stream().map(r -> new Decision(r.policyId(),
                        r.kind().name().toLowerCase(Locale.ROOT), r.header(), r.directive(), r.message())).toList());
    }

    /**
     * The hosts the tenant's effective CSP (enforced or report-only) allows somewhere, as
     * {@code host} or {@code *.domain} patterns: what the report classifier counts as "known".
     */
    public Set<String> allowedHosts(TenantScope scope, Tenant tenant) {
        return ReportTenants.allowedHosts(
                resolver.resolve(platform, policies.listByTenant(scope, tenant.id()), clock.instant()).headers());
    }
}
