package org.secheaders.domain.compliance.run;

import java.util.Set;
import org.secheaders.domain.model.Actor;
import org.secheaders.domain.model.ComplianceFramework;

/** One tenant checked against some frameworks, on behalf of {@code actor} (a user, token or the scheduler). */
public record CheckRequest(long tenantId, Set<ComplianceFramework> frameworks, ComplianceTarget target, Actor actor) {
    public CheckRequest {
        frameworks = Set.copyOf(frameworks);
        if (frameworks.isEmpty()) {
            throw new IllegalArgumentException("frameworks must name at least one framework");
        }
    }
}
