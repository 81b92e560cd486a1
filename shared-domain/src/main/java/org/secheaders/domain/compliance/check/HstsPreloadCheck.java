package org.secheaders.domain.compliance.check;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code hsts.preload}: the header meets hstspreload.org's submission rules (a year, all
 * subdomains, {@code preload}). Whether the domain is actually on the browsers' list cannot be seen
 * in headers; the message says so.
 */
final class HstsPreloadCheck implements AtomicCheck {
    static final String ID = "hsts.preload";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String expected() {
        return "max-age of at least a year, includeSubDomains and preload";
    }

    @Override
    public String fix() {
        return "Add preload (with a year's max-age and includeSubDomains) and submit the domain at hstspreload.org.";
    }

    @Override
    public AtomicResult evaluate(EvaluationContext context) {
        HstsReading hsts = HstsReading.of(context.response());
        Finding finding = Finding.of(this, hsts.raw(), hsts.lines());
        if (hsts.policy().isEmpty()) {
            return finding.fail(hsts.rule(), hsts.message());
        }
        HstsValue policy = hsts.policy().get();
        List<String> missing = new ArrayList<>();
        if (policy.maxAge() < HstsValue.ONE_YEAR) {
            missing.add("max-age of a year");
        }
        if (!policy.includeSubDomains()) {
            missing.add("includeSubDomains");
        }
        if (!policy.preload()) {
            missing.add("preload");
        }
        return missing.isEmpty()
                ? finding.pass("preload_eligible", "The header meets the preload submission rules; "
                        + "list membership itself is not visible in headers (check hstspreload.org).")
                : finding.fail("not_preload_eligible", "Missing for preloading: " + String.join(", ", missing) + ".");
    }
}
