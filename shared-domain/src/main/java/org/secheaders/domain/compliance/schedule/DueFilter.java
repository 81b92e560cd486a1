package org.secheaders.domain.compliance.schedule;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.secheaders.domain.model.ComplianceFramework;

/**
 * Which due checks a run takes: one tenant (by slug) or all active ones, and some frameworks.
 *
 * @param frameworks empty means every framework
 */
public record DueFilter(Optional<String> tenantSlug, Set<ComplianceFramework> frameworks) {

    public DueFilter {
        frameworks = frameworks.isEmpty() ? EnumSet.allOf(ComplianceFramework.class) : EnumSet.copyOf(frameworks);
    }

    public static DueFilter all() {
        return new DueFilter(Optional.empty(), Set.of());
    }
}
