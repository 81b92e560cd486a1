package org.secheaders.domain.compliance.check;

/** {@code csp.present}: an enforced Content Security Policy; a report-only trial alone protects nothing. */
final class CspPresentCheck implements AtomicCheck {
    static final String ID = "csp.present";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String expected() {
        return "an enforced Content-Security-Policy";
    }

    @Override
    public String fix() {
        return "Send an enforced Content-Security-Policy (promote the report-only policy once it reports no breakage).";
    }

    @Override
    public AtomicResult evaluate(EvaluationContext context) {
        CspEvidence csp = context.csp();
        Finding finding = Finding.of(this, csp.observed(), csp.lines());
        if (csp.hasEnforced()) {
            return finding.pass("enforced", "An enforced CSP is in place (" + csp.enforced().size() + " polic"
                    + (csp.enforced().size() == 1 ? "y" : "ies") + ").");
        }
        if (!csp.reportOnly().isEmpty()) {
            return finding.warn("report_only", "Only Content-Security-Policy-Report-Only is sent: violations are "
                    + "reported but nothing is blocked.");
        }
        if (csp.unparsable()) {
            return finding.fail("unparsable", "The Content-Security-Policy header holds no directive browsers understand.");
        }
        return finding.fail("absent", "No Content-Security-Policy.");
    }
}
