package org.secheaders.domain.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class XContentTypeOptionsCheckTest {
    private final XContentTypeOptionsCheck check = new XContentTypeOptionsCheck();

    private ObservatoryResult grade(ResponseHeaders headers) {
        return check.evaluate(ResponseEvidence.ofHeaders(headers)).result();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            nosniff             | x-content-type-options-nosniff
            " NOSNIFF\t"        | x-content-type-options-nosniff
            "nosniff, nosniff"  | x-content-type-options-header-invalid
            nosniff;            | x-content-type-options-header-invalid
            ""                  | x-content-type-options-not-implemented
            """)
    void acceptsExactlyNosniff(String value, String expected) {
        assertEquals(expected, grade(ResponseHeaders.of("X-Content-Type-Options", value)).code());
    }

    @Test
    void twoLinesOnTheWireReadAsOneInvalidValue() {
        assertEquals(ObservatoryResult.X_CONTENT_TYPE_OPTIONS_HEADER_INVALID, grade(ResponseHeaders.of(
                "X-Content-Type-Options", "nosniff", "X-Content-Type-Options", "nosniff")));
    }

    @Test
    void missingCostsFivePoints() {
        TestOutcome outcome = check.evaluate(ResponseEvidence.ofHeaders(ResponseHeaders.empty()));
        assertEquals(ObservatoryResult.X_CONTENT_TYPE_OPTIONS_NOT_IMPLEMENTED, outcome.result());
        assertEquals(-5, outcome.scoreModifier());
    }
}
