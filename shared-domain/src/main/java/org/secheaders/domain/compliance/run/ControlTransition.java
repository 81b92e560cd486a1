package org.secheaders.domain.compliance.run;

import org.secheaders.domain.model.CheckResult;
import org.secheaders.domain.model.ComplianceFramework;
import org.secheaders.domain.model.SecuritySeverity;

/**
 * A control whose stored result changed with this run.
 *
 * @param remediation the catalogue's fix, for notifications
 */
public record ControlTransition(ComplianceFramework framework, String controlId, String controlName,
                                CheckResult before, CheckResult after, SecuritySeverity severity, String remediation) {

    /** A pass that became a failure: the non-compliance event the scheduler reports and posts. */
    public boolean isRegression() {
        return before == CheckResult.PASS && after == CheckResult.FAIL;
    }
}
