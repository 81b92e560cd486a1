package org.secheaders.domain.model;

import java.time.Instant;
import java.util.Optional;
import org.secheaders.domain.policy.OverridePermissions;
import org.secheaders.domain.policy.PolicyConfig;

/** A tenant's stored policy row; applies while active and inside its effective window. */
public record TenantSecurityPolicy(
        long id,
        long tenantId,
        String policyName,
        PolicyType policyType,
        PolicyConfig policyConfig,
        PolicyInheritanceMode inheritanceMode,
        OverridePermissions overridePermissions,
        boolean active,
        Instant effectiveFrom,
        Optional<Instant> effectiveUntil,
        Instant createdAt,
        Instant updatedAt) {

    /** True when this row takes part in resolution at {@code now}. */
    public boolean appliesAt(Instant now) {
        return active
                && policyType != PolicyType.DRAFT
                && !effectiveFrom.isAfter(now)
                && effectiveUntil.map(now::isBefore).orElse(true);
    }
}
