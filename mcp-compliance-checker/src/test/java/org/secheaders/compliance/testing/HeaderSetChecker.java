package org.secheaders.compliance.testing;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.secheaders.domain.compliance.ComplianceEvaluator;
import org.secheaders.domain.compliance.EvaluationOptions;
import org.secheaders.domain.compliance.EvidenceBundle;
import org.secheaders.domain.compliance.run.CheckRequest;
import org.secheaders.domain.compliance.run.CheckRun;
import org.secheaders.domain.compliance.run.ComplianceTarget;
import org.secheaders.domain.compliance.run.TenantComplianceChecker;
import org.secheaders.domain.grading.ResponseHeaders;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.repo.TenantRepository;
import org.secheaders.domain.repo.TenantScope;

/**
 * A real checker (the compliance evaluator) over header sets the test assigns to tenants as their
 * configuration; it stores nothing. A URL target is refused as unreachable, as a scan of a host that
 * does not answer would be.
 */
public final class HeaderSetChecker implements TenantComplianceChecker {

    private final ComplianceEvaluator evaluator = ComplianceEvaluator.standard();
    private final Map<Long, ResponseHeaders> configured = new ConcurrentHashMap<>();
    private final TenantRepository tenants;
    private final Clock clock;

    public HeaderSetChecker(TenantRepository tenants, Clock clock) {
        this.tenants = tenants;
        this.clock = clock;
    }

    public void configure(Tenant tenant, ResponseHeaders headers) {
        configured.put(tenant.id(), headers);
    }

    @Override
    public CheckRun check(CheckRequest request) {
        Tenant tenant = tenants.findById(TenantScope.platform(), request.tenantId())
                .orElseThrow(() -> new IllegalArgumentException("no tenant " + request.tenantId()));
        EvidenceBundle bundle;
        if (request.target() instanceof ComplianceTarget.Supplied supplied) {
            bundle = EvidenceBundle.supplied(supplied.headers());
        } else if (request.target() instanceof ComplianceTarget.Url url) {
            throw new IllegalArgumentException(url.url().getHost() + " did not answer");
        } else {
            bundle = EvidenceBundle.configured(configured.getOrDefault(tenant.id(), ResponseHeaders.empty()));
        }
        return new CheckRun(tenant.id(), tenant.slug(), clock.instant(),
                evaluator.evaluate(bundle, request.frameworks(), EvaluationOptions.defaults()), List.of(), List.of(), Map.of());
    }
}
