package org.secheaders.compliance.tool;

import org.secheaders.domain.compliance.run.ComplianceCheckService;
import org.secheaders.domain.model.ComplianceFramework;

/** {@code check_soc2_controls}: SOC 2 CC6.x from the headers, CC7.x and CC8.1 from the tenant's history. */
public final class CheckSoc2ControlsTool extends FrameworkCheckTool {

    public CheckSoc2ControlsTool(ComplianceCheckService checks) {
        super(checks, ComplianceFramework.SOC2);
    }

    @Override
    public String name() {
        return "check_soc2_controls";
    }

    @Override
    public String title() {
        return "Check SOC 2 controls";
    }

    @Override
    public String description() {
        return "Checks a tenant against the SOC 2 Trust Services Criteria the headers and the platform's records can "
                + "support: CC6.1, CC6.6, CC6.7 and CC6.8 from the headers (configured, a live URL, or pasted), CC7.1-CC7.4 "
                + "and CC8.1 from the last 90 days of history (earlier checks as scans, failures and when they were fixed, "
                + "policy changes with author and approver from the audit log, the last CSP violation report). Returns "
                + "per-control results with evidence and citation, status, score, counts and top failures with fixes; "
                + "stores them and schedules the next check. Header evidence supports, but does not establish, SOC 2 "
                + "compliance.";
    }
}
