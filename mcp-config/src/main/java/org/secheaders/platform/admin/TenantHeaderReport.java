package org.secheaders.platform.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.model.TenantSecurityPolicy;
import org.secheaders.domain.nonce.SecurityNonce;
import org.secheaders.domain.policy.CompiledHeaderSet;
import org.secheaders.domain.policy.HeaderSet;
import org.secheaders.domain.policy.HttpHeader;
import org.secheaders.domain.policy.PlatformPolicy;
import org.secheaders.domain.policy.PolicyResolver;
import org.secheaders.domain.policy.Resolution;
import org.secheaders.domain.policy.ResolvedPolicy;
import org.secheaders.domain.repo.TenantScope;
import org.secheaders.domain.validation.CspFinding;
import org.secheaders.domain.validation.CspValidator;

/**
 * A tenant's effective headers as the policy engine resolves them from the platform policy and the
 * tenant's stored rows, with the CSP validator's findings on both CSP headers and the resolver's
 * decisions (what was applied, tightened or refused).
 */
public final class TenantHeaderReport {

    /** Shown where each response carries its own nonce. */
    public static final String NONCE_PLACEHOLDER = "{nonce}";

    private final Database database;
    private final PlatformPolicy platform;
    private final PolicyResolver resolver = new PolicyResolver();
    private final CspValidator validator = CspValidator.standard();

    public TenantHeaderReport(Database database, PlatformPolicy platform) {
        this.database = database;
        this.platform = platform;
    }

    /** A finding of the CSP validator on one of the two CSP headers. */
    public record CspHeaderFinding(String header, CspFinding finding) {
    }

    /**
     * @param headers        the headers every response of the tenant gets, nonces shown as {@value #NONCE_PLACEHOLDER}
     * @param removedHeaders response headers the filter strips
     * @param policies       the tenant's stored policy rows, which the decisions refer to by id
     * @param decisions      the resolver's decisions, in order
     */
    public record TenantHeaders(Tenant tenant, List<HttpHeader> headers, List<String> removedHeaders,
            List<CspHeaderFinding> cspFindings, List<TenantSecurityPolicy> policies, List<Resolution> decisions) {
    }

    public TenantHeaders report(Tenant tenant, Instant now) {
        List<TenantSecurityPolicy> policies = database.policies().listByTenant(TenantScope.tenant(tenant.id()), tenant.id());
        ResolvedPolicy resolved = resolver.resolve(platform, policies, now);
        CompiledHeaderSet compiled = resolved.headers().compile();
        // Rendered with a real nonce so the validator sees exactly what a browser gets.
        SecurityNonce nonce = SecurityNonce.generate();
        List<HttpHeader> headers = new ArrayList<>();
        List<CspHeaderFinding> findings = new ArrayList<>();
        for (HttpHeader header : compiled.render(nonce)) {
            if (isCsp(header.name())) {
                validator.validate(header.value()).forEach(f -> findings.add(new CspHeaderFinding(header.name(), f)));
            }
            headers.add(new HttpHeader(header.name(), header.value().replace(nonce.value(), NONCE_PLACEHOLDER)));
        }
        return new TenantHeaders(tenant, headers, compiled.headersToRemove(), findings, policies, resolved.resolutions());
    }

    private static boolean isCsp(String name) {
        return name.equals(HeaderSet.CONTENT_SECURITY_POLICY) || name.equals(HeaderSet.CONTENT_SECURITY_POLICY_REPORT_ONLY);
    }
}
