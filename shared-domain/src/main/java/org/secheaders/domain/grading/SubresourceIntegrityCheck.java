package org.secheaders.domain.grading;

import static org.secheaders.domain.grading.ObservatoryResult.SRI_NOT_IMPLEMENTED_RESPONSE_NOT_HTML;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code subresource-integrity}. A response that declares a non-HTML media type loads no scripts
 * and passes; judging an HTML page needs its {@code <script>} elements and the public suffix list,
 * neither of which a header set carries, so such pages are not evaluated.
 */
public final class SubresourceIntegrityCheck implements ObservatoryCheck {
    private static final String CONTENT_TYPE = "content-type";
    private static final Set<String> HTML_TYPES = Set.of("text/html", "application/xhtml+xml");

    @Override
    public ObservatoryTestName name() {
        return ObservatoryTestName.SUBRESOURCE_INTEGRITY;
    }

    @Override
    public TestEvaluation evaluate(ResponseEvidence evidence) {
        // The Observatory compares the media type as sent, without trimming or lower-casing it.
        String mediaType = evidence.headers().first(CONTENT_TYPE).map(v -> JsText.split(v, ';').get(0)).orElse("");
        if (!mediaType.isEmpty() && !HTML_TYPES.contains(mediaType)) {
            return TestOutcome.of(SRI_NOT_IMPLEMENTED_RESPONSE_NOT_HTML, Map.of(CONTENT_TYPE, List.of(mediaType)));
        }
        return new NotEvaluated(name(), "needs the HTML body to find its scripts");
    }
}
