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

    /**
     * The content of a policy row, for insert and for update; the tenant is part of it because
     * a row never moves between tenants (an update naming another tenant finds no row).
     */
    public record Draft(
            long tenantId,
            String policyName,
            PolicyType policyType,
            PolicyConfig policyConfig,
            PolicyInheritanceMode inheritanceMode,
            OverridePermissions overridePermissions,
            Instant effectiveFrom,
            Optional<Instant> effectiveUntil) {

        public Draft {
            Values.requireText(policyName, "policy_name");
            Values.require(policyType, "policy_type");
            Values.require(policyConfig, "policy_config");
            Values.require(inheritanceMode, "inheritance_mode");
            Values.require(overridePermissions, "override_permissions");
            Values.require(effectiveFrom, "effective_from");
            Values.require(effectiveUntil, "effective_until");
            if (effectiveUntil.filter(until -> !until.isAfter(effectiveFrom)).isPresent()) {
                throw new IllegalArgumentException("effective_until must be after effective_from");
            }
        }
    }
}
