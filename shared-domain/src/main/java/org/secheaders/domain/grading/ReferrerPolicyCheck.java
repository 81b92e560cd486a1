package org.secheaders.domain.grading;

import static org.secheaders.domain.grading.ObservatoryResult.REFERRER_POLICY_HEADER_INVALID;
import static org.secheaders.domain.grading.ObservatoryResult.REFERRER_POLICY_NOT_IMPLEMENTED;
import static org.secheaders.domain.grading.ObservatoryResult.REFERRER_POLICY_PRIVATE;
import static org.secheaders.domain.grading.ObservatoryResult.REFERRER_POLICY_UNSAFE;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code referrer-policy}: header values then meta values form one comma list, and the last
 * token a browser recognises wins (so a meta tag overrides the header, and unknown tokens are
 * skipped as browsers skip them).
 */
public final class ReferrerPolicyCheck implements ObservatoryCheck {
    private static final String HEADER = "referrer-policy";
    private static final Set<String> PRIVATE = Set.of(
            "no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin");
    private static final Set<String> UNSAFE = Set.of(
            "origin", "origin-when-cross-origin", "unsafe-url", "no-referrer-when-downgrade");

    @Override
    public ObservatoryTestName name() {
        return ObservatoryTestName.REFERRER_POLICY;
    }

    @Override
    public TestOutcome evaluate(ResponseEvidence evidence) {
        List<String> values = Stream.concat(evidence.headers().values(HEADER).stream(),
                evidence.httpEquiv().values(HEADER).stream()).toList();
        if (values.isEmpty()) {
            return TestOutcome.of(REFERRER_POLICY_NOT_IMPLEMENTED);
        }
        String joined = String.join(", ", values);
        String policy = JsText.split(joined, ',').stream()
                .map(token -> JsText.trim(token.toLowerCase(Locale.ROOT)))
                .filter(token -> PRIVATE.contains(token) || UNSAFE.contains(token))
                .reduce((first, second) -> second)
                .orElse("");
        ObservatoryResult result = PRIVATE.contains(policy) ? REFERRER_POLICY_PRIVATE
                : UNSAFE.contains(policy) ? REFERRER_POLICY_UNSAFE
                : REFERRER_POLICY_HEADER_INVALID;
        return TestOutcome.of(result, Map.of(HEADER, List.of(joined)));
    }
}
