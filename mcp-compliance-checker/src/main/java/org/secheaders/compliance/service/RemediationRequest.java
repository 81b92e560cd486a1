package org.secheaders.compliance.service;

import java.util.Objects;
import java.util.Set;
import org.secheaders.domain.compliance.run.ComplianceTarget;
import org.secheaders.domain.compliance.run.OptionOverrides;
import org.secheaders.domain.model.ComplianceFramework;

/** Remediation for a tenant's failing and warning controls of {@code frameworks}, judged on {@code target}. */
public record RemediationRequest(long tenantId, Set<ComplianceFramework> frameworks, ComplianceTarget target,
                                 OptionOverrides overrides) {
    public RemediationRequest {
        frameworks = Set.copyOf(frameworks);
        if (frameworks.isEmpty()) {
            throw new IllegalArgumentException("frameworks must name at least one framework");
        }
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(overrides, "overrides");
    }
}
