package org.secheaders.domain.compliance.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code referrer.privacy}: full URLs (paths and queries that may carry identifiers) do not leak to
 * other sites. Browsers use the last value they recognise, across the header and
 * {@code <meta name="referrer">}. Without one the browser default
 * ({@code strict-origin-when-cross-origin}) applies, which is acceptable but not stated: a warning.
 */
final class ReferrerPolicyCheck implements AtomicCheck {
    static final String ID = "referrer.privacy";
    private static final String HEADER = "Referrer-Policy";
    private static final Set<String> PRIVATE = Set.of("no-referrer", "same-origin", "strict-origin",
            "strict-origin-when-cross-origin");
    private static final Set<String> ORIGIN_ONLY = Set.of("origin", "origin-when-cross-origin");
    private static final Set<String> LEAKING = Set.of("unsafe-url", "no-referrer-when-downgrade");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String expected() {
        return "Referrer-Policy no-referrer, same-origin, strict-origin or strict-origin-when-cross-origin";
    }

    @Override
    public String fix() {
        return "Send Referrer-Policy: strict-origin-when-cross-origin (or no-referrer).";
    }

    @Override
    public AtomicResult evaluate(EvaluationContext context) {
        List<String> values = new ArrayList<>(context.response().headers().values(HEADER));
        values.addAll(context.response().httpEquiv().values(HEADER));
        Optional<String> effective = HeaderLists.lowerCaseMembers(values).stream()
                .filter(t -> PRIVATE.contains(t) || ORIGIN_ONLY.contains(t) || LEAKING.contains(t))
                .reduce((first, second) -> second);
        Finding finding = Finding.of(this, effective, EvidenceLines.of(context.response().headers(), HEADER));
        if (effective.isEmpty()) {
            return finding.warn(values.isEmpty() ? "absent" : "unrecognised",
                    "No recognised Referrer-Policy; the browser default strict-origin-when-cross-origin applies, "
                            + "but older browsers send full URLs.");
        }
        String policy = effective.get();
        if (PRIVATE.contains(policy)) {
            return finding.pass("private", "Referrer-Policy " + policy + " keeps paths and queries on this site.");
        }
        if (ORIGIN_ONLY.contains(policy)) {
            return finding.warn("origin_sent", "Referrer-Policy " + policy + " sends this site's origin to every other "
                    + "site, also from HTTPS to HTTP.");
        }
        return finding.fail("full_url_leaks", "Referrer-Policy " + policy + " sends full URLs to other sites.");
    }
}
