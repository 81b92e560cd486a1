package org.secheaders.domain.report;

import java.time.InstantSource;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.secheaders.domain.csp.CspPolicy;
import org.secheaders.domain.csp.SourceExpression;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.policy.HeaderSet;
import org.secheaders.domain.policy.PlatformPolicy;
import org.secheaders.domain.policy.PolicyResolver;
import org.secheaders.domain.repo.PolicyRepository;
import org.secheaders.domain.repo.TenantScope;

/**
 * The report pipeline's view of a stored tenant, built the same way for every path a report takes
 * (the collector, the {@code track_csp_violation} tool), so that a report gets the same
 * classification and rule whichever way it arrives: the default noise list; the tenant's primary
 * domain and its subdomains first-party; the hosts its effective CSP (enforced or report-only)
 * allows known; no threat list; {@link #SENSITIVE_PATHS} checked for exfiltration.
 */
public final class ReportTenants {
    /** Document paths where exfiltration matters most (Magecart: checkout and login pages), as in demo seeding. */
    public static final List<String> SENSITIVE_PATHS = List.of("/checkout", "/login", "/account", "/payment");

    private final PlatformPolicy platform;
    private final PolicyRepository policies;
    private final InstantSource clock;
    private final PolicyResolver resolver = new PolicyResolver();

    /**
     * @param platform the platform policy the tenant's policies are resolved with, as header
     *                 enforcement serves them
     */
    public ReportTenants(PlatformPolicy platform, PolicyRepository policies, InstantSource clock) {
        this.platform = Objects.requireNonNull(platform, "platform");
        this.policies = Objects.requireNonNull(policies, "policies");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Reads the tenant's policies (within {@code scope}) and resolves them as of now. */
    public ReportTenant of(TenantScope scope, Tenant tenant) {
        return of(tenant, allowedHosts(resolver.resolve(platform, policies.listByTenant(scope, tenant.id()),
                clock.instant()).headers()));
    }

    /** @param policyHosts the hosts the tenant's effective CSP allows, e.g. {@link #allowedHosts(HeaderSet)} */
    public static ReportTenant of(Tenant tenant, Collection<String> policyHosts) {
        // "*.example.com" also matches example.com itself (UriPattern, Sentry's semantics).
        return new ReportTenant(tenant.id(), NoiseRules.defaults(), ClassificationContext.of(
                List.of("*." + tenant.primaryDomain()), List.copyOf(policyHosts), List.of(), SENSITIVE_PATHS));
    }

    /**
     * The hosts the CSP and CSP-Report-Only headers allow somewhere, as {@code host} or
     * {@code *.domain} patterns: what the classifier counts as "known".
     */
    public static Set<String> allowedHosts(HeaderSet headers) {
        Set<String> hosts = new TreeSet<>();
        headers.csp().ifPresent(csp -> collectHosts(csp, hosts));
        headers.cspReportOnly().ifPresent(csp -> collectHosts(csp, hosts));
        return hosts;
    }

    private static void collectHosts(CspPolicy policy, Set<String> hosts) {
        policy.directives().forEach(directive -> directive.sources().stream()
                .filter(SourceExpression.Host.class::isInstance)
                .map(source -> ((SourceExpression.Host) source).host())
                // A fully qualified name's trailing dot is not part of the host a report names.
                .map(host -> host.endsWith(".") ? host.substring(0, host.length() - 1) : host)
                .forEach(hosts::add));
    }
}
