package org.secheaders.domain.compliance.check;

/** {@code hsts.include_subdomains}: the policy covers every subdomain, so none can be used to plant cookies over HTTP. */
final class HstsIncludeSubDomainsCheck implements AtomicCheck {
    static final String ID = "hsts.include_subdomains";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String expected() {
        return "includeSubDomains in the HSTS policy";
    }

    @Override
    public String fix() {
        return "Add includeSubDomains to Strict-Transport-Security once every subdomain serves HTTPS.";
    }

    @Override
    public AtomicResult evaluate(EvaluationContext context) {
        HstsReading hsts = HstsReading.of(context.response());
        Finding finding = Finding.of(this, hsts.raw(), hsts.lines());
        if (hsts.policy().isEmpty()) {
            return finding.fail(hsts.rule(), hsts.message());
        }
        return hsts.policy().get().includeSubDomains()
                ? finding.pass("include_subdomains", "The HSTS policy covers all subdomains.")
                : finding.fail("no_include_subdomains", "The HSTS policy does not cover subdomains.");
    }
}
