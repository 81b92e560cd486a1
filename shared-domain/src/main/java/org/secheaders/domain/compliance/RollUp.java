package org.secheaders.domain.compliance;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.secheaders.domain.model.CheckResult;
import org.secheaders.domain.model.ComplianceFramework;
import org.secheaders.domain.model.ComplianceStatus;
import org.secheaders.domain.model.SecuritySeverity;

/**
 * A framework's status and score from its control results. The first rule that holds decides:
 * <ol>
 *   <li>no control applies and none awaits evidence → {@code pending};</li>
 *   <li>a high or critical control fails → {@code non_compliant} (missing evidence cannot undo a known failure);</li>
 *   <li>a control awaits evidence → {@code pending} (it might hide a high failure);</li>
 *   <li>score below {@value #NON_COMPLIANT_BELOW} → {@code non_compliant} (many medium or low failures);</li>
 *   <li>any failure or warning → {@code partial};</li>
 *   <li>otherwise → {@code compliant}.</li>
 * </ol>
 * Score: every scored control (evaluated and applicable) weighs by severity, low 1, medium 2,
 * high 4, critical 8 (each level doubles, so one high failure costs as much as four low ones); a
 * pass earns its full weight, a warning half, a failure nothing; the score is the share earned,
 * 0 to 100, rounded half up.
 */
public final class RollUp {
    public static final int NON_COMPLIANT_BELOW = 60;
    private static final Map<SecuritySeverity, Integer> WEIGHTS = Map.of(SecuritySeverity.LOW, 1,
            SecuritySeverity.MEDIUM, 2, SecuritySeverity.HIGH, 4, SecuritySeverity.CRITICAL, 8);

    private RollUp() {
    }

    public static int weight(SecuritySeverity severity) {
        return WEIGHTS.get(severity);
    }

    static FrameworkResult of(ComplianceFramework framework, List<ControlResult> controls) {
        int score = score(controls);
        List<ControlResult> scored = controls.stream().filter(ControlResult::scored).toList();
        List<ControlResult> waiting = controls.stream().filter(c -> !c.evaluated()).toList();
        List<ControlResult> severeFailures = scored.stream()
                .filter(c -> c.result() == CheckResult.FAIL && c.severity().compareTo(SecuritySeverity.HIGH) >= 0).toList();
        ComplianceStatus status;
        String reason;
        if (scored.isEmpty() && waiting.isEmpty()) {
            status = ComplianceStatus.PENDING;
            reason = "No control applies to this evidence.";
        } else if (!severeFailures.isEmpty()) {
            status = ComplianceStatus.NON_COMPLIANT;
            reason = "High or critical controls fail: " + ids(severeFailures) + ".";
        } else if (!waiting.isEmpty()) {
            status = ComplianceStatus.PENDING;
            reason = "Controls await evidence: " + ids(waiting) + ".";
        } else if (score < NON_COMPLIANT_BELOW) {
            status = ComplianceStatus.NON_COMPLIANT;
            reason = "Score " + score + " is below " + NON_COMPLIANT_BELOW + ".";
        } else if (scored.stream().anyMatch(c -> c.result() != CheckResult.PASS)) {
            status = ComplianceStatus.PARTIAL;
            reason = "Failing or warning controls: "
                    + ids(scored.stream().filter(c -> c.result() != CheckResult.PASS).toList()) + ".";
        } else {
            status = ComplianceStatus.COMPLIANT;
            reason = "Every applicable control passes.";
        }
        return new FrameworkResult(framework, status, score, ControlCounts.of(controls), reason, controls);
    }

    /** The severity-weighted pass ratio, 0 to 100; 0 when nothing was scored. */
    static int score(List<ControlResult> controls) {
        long earned = 0;
        long possible = 0;
        for (ControlResult control : controls) {
            if (control.scored()) {
                int weight = weight(control.severity());
                possible += 2L * weight;
                earned += switch (control.result()) {
                    case PASS -> 2L * weight;
                    case WARNING -> weight;
                    default -> 0;
                };
            }
        }
        // Integer rounding half up: (100 * earned / possible) + 0.5.
        return possible == 0 ? 0 : (int) ((200 * earned + possible) / (2 * possible));
    }

    private static String ids(List<ControlResult> controls) {
        return controls.stream().map(ControlResult::controlId).collect(Collectors.joining(", "));
    }
}
