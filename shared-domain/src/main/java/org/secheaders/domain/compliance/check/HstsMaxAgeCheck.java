package org.secheaders.domain.compliance.check;

/**
 * {@code hsts.max_age_one_year}: ASVS 5.0 3.4.1 and hstspreload.org ask for a year. Between the
 * Observatory's six months (15552000 s, where it stops penalising) and a year is a warning.
 */
final class HstsMaxAgeCheck implements AtomicCheck {
    static final String ID = "hsts.max_age_one_year";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String expected() {
        return "HSTS max-age of at least " + HstsValue.ONE_YEAR + " seconds (one year)";
    }

    @Override
    public String fix() {
        return "Raise the HSTS max-age to at least 31536000 (63072000 recommended).";
    }

    @Override
    public AtomicResult evaluate(EvaluationContext context) {
        HstsReading hsts = HstsReading.of(context.response());
        Finding finding = Finding.of(this, hsts.raw(), hsts.lines());
        if (hsts.policy().isEmpty()) {
            return finding.fail(hsts.rule(), hsts.message());
        }
        long maxAge = hsts.policy().get().maxAge();
        if (maxAge >= HstsValue.ONE_YEAR) {
            return finding.pass("at_least_one_year", "max-age=" + maxAge + " is at least a year.");
        }
        if (maxAge >= HstsValue.SIX_MONTHS) {
            return finding.warn("between_six_months_and_one_year",
                    "max-age=" + maxAge + " is at least 180 days but under a year.");
        }
        return finding.fail("below_six_months", "max-age=" + maxAge + " is under 180 days.");
    }
}
