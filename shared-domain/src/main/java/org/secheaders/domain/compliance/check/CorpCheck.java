package org.secheaders.domain.compliance.check;

import java.util.Set;

/**
 * {@code corp.same_origin}: other sites cannot embed this response (ASVS 5.0 3.5.8 for
 * authenticated resources). {@code cross-origin} is an explicit opt-out: a warning.
 */
final class CorpCheck implements AtomicCheck {
    static final String ID = "corp.same_origin";
    private static final String HEADER = "Cross-Origin-Resource-Policy";
    private static final Set<String> RESTRICTING = Set.of("same-origin", "same-site");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String expected() {
        return "Cross-Origin-Resource-Policy: same-origin or same-site";
    }

    @Override
    public String fix() {
        return "Send Cross-Origin-Resource-Policy: same-origin (or same-site).";
    }

    @Override
    public AtomicResult evaluate(EvaluationContext context) {
        IsolationHeader corp = IsolationHeader.read(context.response().headers(), HEADER);
        Finding finding = Finding.of(this, corp.raw(), corp.lines());
        if (corp.token().filter(RESTRICTING::contains).isPresent()) {
            return finding.pass("restricting", "Only this " + corp.token().get().substring(5) + " may embed the response.");
        }
        if (corp.token().filter("cross-origin"::equals).isPresent()) {
            return finding.warn("cross_origin", "Cross-Origin-Resource-Policy explicitly lets any site embed the response.");
        }
        return corp.raw().isEmpty()
                ? finding.fail("absent", "No Cross-Origin-Resource-Policy, so any site may embed the response.")
                : finding.fail("invalid", "Cross-Origin-Resource-Policy has a value browsers ignore.");
    }
}
