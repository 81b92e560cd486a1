package org.secheaders.domain.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubresourceIntegrityCheckTest {
    private final SubresourceIntegrityCheck check = new SubresourceIntegrityCheck();

    private TestEvaluation grade(ResponseHeaders headers) {
        return check.evaluate(ResponseEvidence.ofHeaders(headers));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "text/plain; charset=utf-8", "Text/HTML", " text/html"})
    void aResponseThatIsNotLiterallyHtmlLoadsNoScripts(String contentType) {
        assertEquals(ObservatoryResult.SRI_NOT_IMPLEMENTED_RESPONSE_NOT_HTML,
                ((TestOutcome) grade(ResponseHeaders.of("Content-Type", contentType))).result());
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/html", "text/html; charset=utf-8", "application/xhtml+xml"})
    void anHtmlPageNeedsItsBody(String contentType) {
        assertInstanceOf(NotEvaluated.class, grade(ResponseHeaders.of("Content-Type", contentType)));
    }

    @org.junit.jupiter.api.Test
    void withoutAContentTypeThePageIsTakenForHtml() {
        assertInstanceOf(NotEvaluated.class, grade(ResponseHeaders.empty()));
    }
}
