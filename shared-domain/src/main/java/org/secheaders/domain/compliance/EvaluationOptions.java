package org.secheaders.domain.compliance;

import java.util.Objects;

/**
 * The tenant's choices for one evaluation.
 *
 * @param asvsVersion the ASVS edition OWASP controls are cited and levelled by
 * @param asvsLevel   the target level, 1 to 3: OWASP controls above it are not applicable
 * @param tenant      what the tenant declared (session cookies, trusted origins, SLAs, ...)
 */
public record EvaluationOptions(AsvsVersion asvsVersion, int asvsLevel, TenantExpectations tenant) {

    public EvaluationOptions {
        Objects.requireNonNull(asvsVersion, "asvsVersion");
        Objects.requireNonNull(tenant, "tenant");
        if (asvsLevel < 1 || asvsLevel > 3) {
            throw new IllegalArgumentException("asvsLevel must be 1, 2 or 3, was " + asvsLevel);
        }
    }

    public EvaluationOptions(AsvsVersion asvsVersion, int asvsLevel) {
        this(asvsVersion, asvsLevel, TenantExpectations.none());
    }

    /** ASVS 5.0 level 2, the level ASVS recommends for applications handling sensitive data. */
    public static EvaluationOptions defaults() {
        return new EvaluationOptions(AsvsVersion.V5_0, 2);
    }

    public EvaluationOptions withTenant(TenantExpectations expectations) {
        return new EvaluationOptions(asvsVersion, asvsLevel, expectations);
    }
}
