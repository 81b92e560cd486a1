package org.secheaders.compliance.tool;

import org.secheaders.domain.compliance.run.ComplianceCheckService;
import org.secheaders.domain.compliance.run.OptionOverrides;
import org.secheaders.domain.model.ComplianceFramework;
import org.secheaders.platform.tool.ToolArguments;

/** {@code validate_owasp_compliance}: OWASP ASVS (4.0.3 or 5.0, level 1–3), Top 10 and OSHP, with the Observatory grade. */
public final class ValidateOwaspComplianceTool extends FrameworkCheckTool {

    public ValidateOwaspComplianceTool(ComplianceCheckService checks) {
        super(checks, ComplianceFramework.OWASP);
    }

    @Override
    public String name() {
        return "validate_owasp_compliance";
    }

    @Override
    public String title() {
        return "Validate OWASP compliance";
    }

    @Override
    public String description() {
        return "Checks a tenant's security headers against OWASP ASVS (edition 4.0.3 or 5.0 at level 1-3, default the "
                + "tenant's setting, else 5.0 level 2), tagged with OWASP Top 10 2021/2025 and CWE, plus the OWASP Secure "
                + "Headers Project. Judges the tenant's configured headers, or a live URL (url), or pasted headers "
                + "(headers). Returns per-control results with evidence (header lines, cookie values redacted; rule; "
                + "citation), status, score, counts, top failures with fixes, drift for a URL, the MDN Observatory grade, "
                + "score and per-test results, and where the Observatory and the CSP validator disagree. Stores the "
                + "results as the tenant's latest (secheaders://tenants/{tenant}/compliance) and schedules the next check.";
    }

    @Override
    String extraProperties() {
        return AsvsArguments.schema();
    }

    @Override
    OptionOverrides overrides(ToolArguments arguments) {
        return AsvsArguments.parse(arguments);
    }

    @Override
    boolean withGrades() {
        return true;
    }
}
