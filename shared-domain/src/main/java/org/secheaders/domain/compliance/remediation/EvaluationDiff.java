package org.secheaders.domain.compliance.remediation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.secheaders.domain.compliance.ComplianceEvaluation;
import org.secheaders.domain.compliance.ControlResult;
import org.secheaders.domain.compliance.ControlRule;
import org.secheaders.domain.compliance.FrameworkResult;
import org.secheaders.domain.compliance.RollUp;
import org.secheaders.domain.compliance.check.AtomicResult;
import org.secheaders.domain.grading.ObservatoryReport;
import org.secheaders.domain.model.CheckResult;

/**
 * What changed between two evaluations of the same options: which controls and checks got better
 * or worse, the severity-weighted gain, and the scores. Only results that are evaluated and
 * applicable on both sides are compared.
 */
record EvaluationDiff(List<String> controlsFixed, List<String> controlsImproved, List<String> controlsLowered,
                      List<String> checksImproved, List<String> checksLowered, int impact, List<ScoreChange> scores,
                      int observatoryBefore, int observatoryAfter) {

    static EvaluationDiff between(ComplianceEvaluation before, ComplianceEvaluation after) {
        List<String> fixed = new ArrayList<>();
        List<String> improved = new ArrayList<>();
        List<String> lowered = new ArrayList<>();
        int impact = 0;
        Map<String, ControlResult> afterControls = after.controls().stream()
                .collect(Collectors.toMap(ControlResult::controlId, Function.identity()));
        for (ControlResult old : before.controls()) {
            ControlResult now = afterControls.get(old.controlId());
            if (now == null || !old.scored() || !now.scored()) {
                continue;
            }
            int steps = ControlRule.rank(now.result()) - ControlRule.rank(old.result());
            impact += steps * RollUp.weight(old.severity());
            if (steps < 0) {
                lowered.add(old.controlId() + " " + old.outcome() + " -> " + now.outcome());
            } else if (steps > 0 && now.result() == CheckResult.PASS) {
                fixed.add(old.controlId());
            } else if (steps > 0) {
                improved.add(old.controlId());
            }
        }
        List<String> checksImproved = new ArrayList<>();
        List<String> checksLowered = new ArrayList<>();
        for (AtomicResult old : before.checks()) {
            Optional<AtomicResult> now = after.check(old.id());
            if (now.isEmpty() || !comparable(old) || !comparable(now.get())) {
                continue;
            }
            int steps = ControlRule.rank(now.get().result()) - ControlRule.rank(old.result());
            if (steps > 0) {
                checksImproved.add(old.id());
            } else if (steps < 0) {
                checksLowered.add(old.id() + " " + old.outcome() + " -> " + now.get().outcome());
            }
        }
        List<ScoreChange> scores = new ArrayList<>();
        for (FrameworkResult framework : before.frameworks()) {
            int afterScore = after.framework(framework.framework()).map(FrameworkResult::score).orElse(framework.score());
            scores.add(new ScoreChange(framework.framework(), framework.score(), afterScore));
        }
        return new EvaluationDiff(fixed, improved, lowered, checksImproved, checksLowered, impact, scores,
                observatoryScore(before), observatoryScore(after));
    }

    boolean lowersAnything() {
        return !controlsLowered.isEmpty() || !checksLowered.isEmpty() || observatoryAfter < observatoryBefore;
    }

    private static boolean comparable(AtomicResult result) {
        return result.evaluated() && result.result() != CheckResult.NOT_APPLICABLE;
    }

    private static int observatoryScore(ComplianceEvaluation evaluation) {
        return evaluation.observatory().map(ObservatoryReport::score).orElse(0);
    }
}
