package org.secheaders.domain.grading;

import static org.secheaders.domain.grading.ObservatoryResult.X_CONTENT_TYPE_OPTIONS_HEADER_INVALID;
import static org.secheaders.domain.grading.ObservatoryResult.X_CONTENT_TYPE_OPTIONS_NOSNIFF;
import static org.secheaders.domain.grading.ObservatoryResult.X_CONTENT_TYPE_OPTIONS_NOT_IMPLEMENTED;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@code x-content-type-options}: exactly {@code nosniff}, case-insensitive, surrounding space ignored. */
public final class XContentTypeOptionsCheck implements ObservatoryCheck {
    private static final String HEADER = "x-content-type-options";

    @Override
    public ObservatoryTestName name() {
        return ObservatoryTestName.X_CONTENT_TYPE_OPTIONS;
    }

    @Override
    public TestOutcome evaluate(ResponseEvidence evidence) {
        Optional<String> header = evidence.headers().first(HEADER).filter(v -> !v.isEmpty());
        if (header.isEmpty()) {
            return TestOutcome.of(X_CONTENT_TYPE_OPTIONS_NOT_IMPLEMENTED);
        }
        String value = JsText.prefix(header.get(), 256);
        boolean nosniff = JsText.trim(value).toLowerCase(Locale.ROOT).equals("nosniff");
        return TestOutcome.of(nosniff ? X_CONTENT_TYPE_OPTIONS_NOSNIFF : X_CONTENT_TYPE_OPTIONS_HEADER_INVALID,
                Map.of(HEADER, List.of(value)));
    }
}
