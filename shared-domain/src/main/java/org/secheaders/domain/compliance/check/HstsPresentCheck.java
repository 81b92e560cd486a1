package org.secheaders.domain.compliance.check;

/** {@code hsts.present}: the HTTPS response carries an HSTS policy browsers accept. */
final class HstsPresentCheck implements AtomicCheck {
    static final String ID = "hsts.present";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String expected() {
        return "a valid Strict-Transport-Security header on the HTTPS response";
    }

    @Override
    public String fix() {
        return "Send Strict-Transport-Security: max-age=63072000; includeSubDomains on HTTPS responses.";
    }

    @Override
    public AtomicResult evaluate(EvaluationContext context) {
        HstsReading hsts = HstsReading.of(context.response());
        Finding finding = Finding.of(this, hsts.raw(), hsts.lines());
        return hsts.policy().isPresent()
                ? finding.pass("present", "HSTS is in force with max-age=" + hsts.policy().get().maxAge() + ".")
                : finding.fail(hsts.rule(), hsts.message());
    }
}
