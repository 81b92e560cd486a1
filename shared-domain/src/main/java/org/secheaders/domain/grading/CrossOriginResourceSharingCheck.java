package org.secheaders.domain.grading;

import static org.secheaders.domain.grading.ObservatoryResult.CROSS_ORIGIN_RESOURCE_SHARING_IMPLEMENTED_WITH_PUBLIC_ACCESS;
import static org.secheaders.domain.grading.ObservatoryResult.CROSS_ORIGIN_RESOURCE_SHARING_IMPLEMENTED_WITH_RESTRICTED_ACCESS;
import static org.secheaders.domain.grading.ObservatoryResult.CROSS_ORIGIN_RESOURCE_SHARING_IMPLEMENTED_WITH_UNIVERSAL_ACCESS;
import static org.secheaders.domain.grading.ObservatoryResult.CROSS_ORIGIN_RESOURCE_SHARING_NOT_IMPLEMENTED;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code cross-origin-resource-sharing}, from a probe sent with an {@code Origin} header: the
 * danger is a server that echoes any origin back and allows credentials. Without a probe the
 * response headers alone cannot show echoing, so the test is not evaluated.
 */
public final class CrossOriginResourceSharingCheck implements ObservatoryCheck {
    private static final String ALLOW_ORIGIN = "access-control-allow-origin";
    private static final String ALLOW_CREDENTIALS = "access-control-allow-credentials";

    @Override
    public ObservatoryTestName name() {
        return ObservatoryTestName.CROSS_ORIGIN_RESOURCE_SHARING;
    }

    @Override
    public TestEvaluation evaluate(ResponseEvidence evidence) {
        return evidence.cors().<TestEvaluation>map(CrossOriginResourceSharingCheck::judge)
                .orElseGet(() -> new NotEvaluated(name(), "needs a request sent with an Origin header"));
    }

    private static TestOutcome judge(CorsProbe probe) {
        Optional<String> allowOrigin = probe.responseHeaders().first(ALLOW_ORIGIN).filter(v -> !v.isEmpty());
        if (allowOrigin.isEmpty()) {
            return TestOutcome.of(CROSS_ORIGIN_RESOURCE_SHARING_NOT_IMPLEMENTED);
        }
        String value = JsText.trim(JsText.prefix(allowOrigin.get(), 256)).toLowerCase(Locale.ROOT);
        boolean credentials = probe.responseHeaders().first(ALLOW_CREDENTIALS)
                .filter(v -> JsText.trim(v.toLowerCase(Locale.ROOT)).equals("true")).isPresent();
        ObservatoryResult result;
        if (value.equals("*")) {
            result = CROSS_ORIGIN_RESOURCE_SHARING_IMPLEMENTED_WITH_PUBLIC_ACCESS;
        } else if (!probe.requestOrigin().isEmpty() && probe.requestOrigin().equals(allowOrigin.get()) && credentials) {
            result = CROSS_ORIGIN_RESOURCE_SHARING_IMPLEMENTED_WITH_UNIVERSAL_ACCESS;
        } else {
            result = CROSS_ORIGIN_RESOURCE_SHARING_IMPLEMENTED_WITH_RESTRICTED_ACCESS;
        }
        return TestOutcome.of(result, Map.of(ALLOW_ORIGIN, List.of(value)));
    }
}
