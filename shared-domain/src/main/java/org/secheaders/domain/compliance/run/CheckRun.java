package org.secheaders.domain.compliance.run;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.secheaders.domain.compliance.ComplianceEvaluation;
import org.secheaders.domain.model.ComplianceCheck;
import org.secheaders.domain.model.ComplianceFramework;

/**
 * The outcome of one recorded check run.
 *
 * @param stored      the persisted rows (one per evaluated control)
 * @param transitions controls whose result differs from the previously stored one
 * @param nextCheckAt when each framework is due again
 * @param target      what was judged: header lines (cookie values redacted), redirect chain, why a scan failed
 */
public record CheckRun(long tenantId, String tenantSlug, Instant checkedAt, ComplianceEvaluation evaluation,
                       List<ComplianceCheck> stored, List<ControlTransition> transitions,
                       Map<ComplianceFramework, Instant> nextCheckAt, TargetEvidence target) {
    public CheckRun {
        stored = List.copyOf(stored);
        transitions = List.copyOf(transitions);
        nextCheckAt = Map.copyOf(nextCheckAt);
        Objects.requireNonNull(target, "target");
    }

    /** A run without target details (e.g. a stand-in checker in tests): only the evidence source is known. */
    public CheckRun(long tenantId, String tenantSlug, Instant checkedAt, ComplianceEvaluation evaluation,
                    List<ComplianceCheck> stored, List<ControlTransition> transitions,
                    Map<ComplianceFramework, Instant> nextCheckAt) {
        this(tenantId, tenantSlug, checkedAt, evaluation, stored, transitions, nextCheckAt,
                new TargetEvidence(evaluation.source(), Optional.empty(), List.of(), List.of(), Optional.empty()));
    }

    public List<ControlTransition> regressions() {
        return transitions.stream().filter(ControlTransition::isRegression).toList();
    }
}
