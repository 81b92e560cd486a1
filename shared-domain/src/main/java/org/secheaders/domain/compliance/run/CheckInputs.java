package org.secheaders.domain.compliance.run;

import java.time.Instant;
import org.secheaders.domain.compliance.EvaluationOptions;
import org.secheaders.domain.compliance.EvidenceBundle;
import org.secheaders.domain.model.Tenant;

/**
 * What one check of a tenant judges, gathered at {@code at}.
 *
 * @param options the tenant's settings with the request's overrides applied
 * @param bundle  the target's evidence with the tenant's history (and, for a URL, the configured-vs-observed pair)
 */
public record CheckInputs(Tenant tenant, Instant at, TenantCheckSettings settings, EvaluationOptions options,
                          EvidenceBundle bundle, TargetEvidence target) {
}
