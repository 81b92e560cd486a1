package org.secheaders.domain.compliance.run;

import java.util.Objects;
import java.util.Set;
import org.secheaders.domain.model.Actor;
import org.secheaders.domain.model.ComplianceFramework;

/**
 * One tenant checked against some frameworks, on behalf of {@code actor} (a user, token or the scheduler).
 *
 * @param overrides evaluation options that replace the tenant's settings for this check only
 */
public record CheckRequest(long tenantId, Set<ComplianceFramework> frameworks, ComplianceTarget target, Actor actor,
                           OptionOverrides overrides) {
    public CheckRequest {
        frameworks = Set.copyOf(frameworks);
        if (frameworks.isEmpty()) {
            throw new IllegalArgumentException("frameworks must name at least one framework");
        }
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(overrides, "overrides");
    }

    /** A check with the tenant's own evaluation options. */
    public CheckRequest(long tenantId, Set<ComplianceFramework> frameworks, ComplianceTarget target, Actor actor) {
        this(tenantId, frameworks, target, actor, OptionOverrides.none());
    }

    public CheckRequest withOverrides(OptionOverrides newOverrides) {
        return new CheckRequest(tenantId, frameworks, target, actor, newOverrides);
    }
}
