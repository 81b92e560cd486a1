package org.secheaders.domain.compliance;

import java.util.List;
import java.util.Objects;

import org.secheaders.domain.compliance.check.AtomicResult;
import org.secheaders.domain.model.CheckResult;
import org.secheaders.domain.model.ComplianceFramework;
import org.secheaders.domain.model.SecuritySeverity;

/**
 * One control's result for one evaluation, with everything an auditor needs to retrace it.
 *
 * @param requirement the requirement as the tenant's ASVS edition numbers it, else the control id
 * @param evaluated   false when missing evidence kept the result open (reported as {@code not_evaluated})
 * @param reason      which rule decided, and through which checks; or why it does not apply
 * @param checks      the atomic results used, with how this control read them
 * @param evidence    the raw header lines behind them, cookie values redacted
 */
public record ControlResult(
        ComplianceFramework framework,
        String controlId,
        String name,
        String requirement,
        CheckResult result,
        boolean evaluated,
        SecuritySeverity severity,
        String reason,
        List<ControlCheck> checks,
        List<String> evidence,
        String remediation,
        String citation,
        ControlTags tags) {

    public ControlResult {
        Objects.requireNonNull(framework, "framework");
        Objects.requireNonNull(controlId, "controlId");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(reason, "reason");
        checks = List.copyOf(checks);
        evidence = List.copyOf(evidence);
        if (!evaluated && result != CheckResult.NOT_APPLICABLE) {
            throw new IllegalArgumentException(controlId + ": a control that was not evaluated has no " + result.wireName());
        }
    }

    /** {@code pass}, {@code warning}, {@code fail}, {@code not_applicable} or {@code not_evaluated}. */
    public String outcome() {
        return evaluated ? result.wireName() : AtomicResult.NOT_EVALUATED;
    }

    /** Counts towards the score: evaluated and applicable. */
    public boolean scored() {
        return evaluated && result != CheckResult.NOT_APPLICABLE;
    }
}
