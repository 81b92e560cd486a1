package org.secheaders.domain.grading;

import static org.secheaders.domain.grading.ObservatoryResult.CORP_HEADER_INVALID;
import static org.secheaders.domain.grading.ObservatoryResult.CORP_IMPLEMENTED_WITH_CROSS_ORIGIN;
import static org.secheaders.domain.grading.ObservatoryResult.CORP_IMPLEMENTED_WITH_SAME_ORIGIN;
import static org.secheaders.domain.grading.ObservatoryResult.CORP_IMPLEMENTED_WITH_SAME_SITE;
import static org.secheaders.domain.grading.ObservatoryResult.CORP_NOT_IMPLEMENTED;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code cross-origin-resource-policy}: the header (repeats joined with {@code ", "}), else the
 * last meta value, lower-cased, must be exactly {@code same-origin}, {@code same-site} or
 * {@code cross-origin}.
 */
public final class CrossOriginResourcePolicyCheck implements ObservatoryCheck {
    private static final String HEADER = "cross-origin-resource-policy";
    private static final Map<String, ObservatoryResult> POLICIES = Map.of(
            "same-origin", CORP_IMPLEMENTED_WITH_SAME_ORIGIN,
            "same-site", CORP_IMPLEMENTED_WITH_SAME_SITE,
            "cross-origin", CORP_IMPLEMENTED_WITH_CROSS_ORIGIN);

    @Override
    public ObservatoryTestName name() {
        return ObservatoryTestName.CROSS_ORIGIN_RESOURCE_POLICY;
    }

    @Override
    public TestOutcome evaluate(ResponseEvidence evidence) {
        String header = String.join(", ", evidence.headers().values(HEADER));
        Optional<String> raw = Optional.of(header).filter(v -> !v.isEmpty())
                .or(() -> lastOf(evidence.httpEquiv().values(HEADER)));
        Optional<String> policy = raw.map(v -> JsText.trim(JsText.prefix(v, 256)).toLowerCase(Locale.ROOT))
                .filter(v -> !v.isEmpty());
        if (policy.isEmpty()) {
            return TestOutcome.of(CORP_NOT_IMPLEMENTED);
        }
        return TestOutcome.of(POLICIES.getOrDefault(policy.get(), CORP_HEADER_INVALID),
                Map.of(HEADER, List.of(policy.get())));
    }

    private static Optional<String> lastOf(List<String> values) {
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }
}
