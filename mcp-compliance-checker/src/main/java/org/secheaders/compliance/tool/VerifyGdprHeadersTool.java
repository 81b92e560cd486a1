package org.secheaders.compliance.tool;

import org.secheaders.domain.compliance.run.ComplianceCheckService;
import org.secheaders.domain.model.ComplianceFramework;

/** {@code verify_gdpr_headers}: GDPR Art. 5, 25, 32 and 44 as far as response headers show them. */
public final class VerifyGdprHeadersTool extends FrameworkCheckTool {

    public VerifyGdprHeadersTool(ComplianceCheckService checks) {
        super(checks, ComplianceFramework.GDPR);
    }

    @Override
    public String name() {
        return "verify_gdpr_headers";
    }

    @Override
    public String title() {
        return "Verify GDPR headers";
    }

    @Override
    public String description() {
        return "Checks a tenant's headers (configured, a live URL, or pasted) for what GDPR asks of a site's responses: "
                + "data minimisation through Referrer-Policy and Permissions-Policy (Art. 5(1)(c)), storage limitation "
                + "(5(1)(e)), privacy by default (25), encryption in transit and confidentiality of sessions (32), no "
                + "caching of personal data, regular testing (32(1)(d)) and third-country transfers through the CSP's "
                + "third-party origins (44). Returns per-control results with evidence and citation, status, score, counts "
                + "and top failures with fixes; stores them and schedules the next check. Header evidence supports, but "
                + "does not establish, GDPR compliance.";
    }
}
