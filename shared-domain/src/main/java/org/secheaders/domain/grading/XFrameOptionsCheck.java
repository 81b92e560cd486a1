package org.secheaders.domain.grading;

import static org.secheaders.domain.grading.ObservatoryResult.X_FRAME_OPTIONS_ALLOW_FROM_ORIGIN;
import static org.secheaders.domain.grading.ObservatoryResult.X_FRAME_OPTIONS_HEADER_INVALID;
import static org.secheaders.domain.grading.ObservatoryResult.X_FRAME_OPTIONS_IMPLEMENTED_VIA_CSP;
import static org.secheaders.domain.grading.ObservatoryResult.X_FRAME_OPTIONS_NOT_IMPLEMENTED;
import static org.secheaders.domain.grading.ObservatoryResult.X_FRAME_OPTIONS_SAMEORIGIN_OR_DENY;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code x-frame-options}: {@code DENY} or {@code SAMEORIGIN}, or {@code ALLOW-FROM}; any CSP
 * {@code frame-ancestors} the CSP test keeps supersedes the header, whatever its value.
 */
public final class XFrameOptionsCheck implements ObservatoryCheck {
    private static final String HEADER = "x-frame-options";

    private final ContentSecurityPolicyCheck csp;

    public XFrameOptionsCheck(ContentSecurityPolicyCheck csp) {
        this.csp = csp;
    }

    @Override
    public ObservatoryTestName name() {
        return ObservatoryTestName.X_FRAME_OPTIONS;
    }

    @Override
    public TestOutcome evaluate(ResponseEvidence evidence) {
        Optional<String> header = evidence.headers().first(HEADER).filter(v -> !v.isEmpty());
        Map<String, List<String>> data = header.map(v -> Map.of(HEADER, List.of(JsText.prefix(v, 1024))))
                .orElse(Map.of());
        if (csp.evaluate(evidence).data().containsKey("frame-ancestors")) {
            return TestOutcome.of(X_FRAME_OPTIONS_IMPLEMENTED_VIA_CSP, data);
        }
        return TestOutcome.of(header.map(XFrameOptionsCheck::classify).orElse(X_FRAME_OPTIONS_NOT_IMPLEMENTED), data);
    }

    private static ObservatoryResult classify(String header) {
        String value = JsText.trim(JsText.prefix(header, 1024)).toLowerCase(Locale.ROOT);
        if (value.equals("deny") || value.equals("sameorigin")) {
            return X_FRAME_OPTIONS_SAMEORIGIN_OR_DENY;
        }
        return value.startsWith("allow-from") ? X_FRAME_OPTIONS_ALLOW_FROM_ORIGIN : X_FRAME_OPTIONS_HEADER_INVALID;
    }
}
