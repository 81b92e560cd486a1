package org.secheaders.domain.compliance.check;

import java.util.List;

/** {@code cookies.secure}: no cookie is ever sent over plain HTTP. */
final class CookieSecureCheck implements AtomicCheck {
    static final String ID = "cookies.secure";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String expected() {
        return "Secure on every cookie";
    }

    @Override
    public String fix() {
        return "Add Secure to every Set-Cookie.";
    }

    @Override
    public AtomicResult evaluate(EvaluationContext context) {
        List<CookieLine> cookies = context.cookies();
        Finding finding = CookieChecks.finding(this, context, cookies);
        if (cookies.isEmpty()) {
            return finding.notApplicable("no_cookies", "The response sets no cookies.");
        }
        List<CookieLine> insecure = cookies.stream().filter(c -> !c.secure()).toList();
        return insecure.isEmpty()
                ? finding.pass("all_secure", "Every cookie is Secure.")
                : finding.fail("missing_secure", "Without Secure: " + CookieChecks.names(insecure) + ".");
    }
}
