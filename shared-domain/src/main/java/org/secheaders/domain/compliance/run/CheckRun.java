package org.secheaders.domain.compliance.run;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.secheaders.domain.compliance.ComplianceEvaluation;
import org.secheaders.domain.model.ComplianceCheck;
import org.secheaders.domain.model.ComplianceFramework;

/**
 * The outcome of one recorded check run.
 *
 * @param stored      the persisted rows (one per evaluated control)
 * @param transitions controls whose result differs from the previously stored one
 * @param nextCheckAt when each framework is due again
 */
public record CheckRun(long tenantId, String tenantSlug, Instant checkedAt, ComplianceEvaluation evaluation,
                       List<ComplianceCheck> stored, List<ControlTransition> transitions,
                       Map<ComplianceFramework, Instant> nextCheckAt) {
    public CheckRun {
        stored = List.copyOf(stored);
        transitions = List.copyOf(transitions);
        nextCheckAt = Map.copyOf(nextCheckAt);
    }

    public List<ControlTransition> regressions() {
        return transitions.stream().filter(ControlTransition::isRegression).toList();
    }
}
