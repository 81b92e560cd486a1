package org.secheaders.domain.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CrossOriginOpenerPolicyCheckTest {
    private final CrossOriginOpenerPolicyCheck check = new CrossOriginOpenerPolicyCheck();

    private ObservatoryResult grade(ResponseHeaders headers) {
        return check.evaluate(ResponseEvidence.ofHeaders(headers)).result();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            same-origin                           | coop-implemented-with-same-origin
            same-origin-allow-popups              | coop-implemented-with-same-origin-allow-popups
            noopener-allow-popups                 | coop-implemented-with-noopener-allow-popups
            unsafe-none                           | coop-implemented-with-unsafe-none
            ' same-origin; report-to="coop" '     | coop-implemented-with-same-origin
            same-origin; report-to                | coop-implemented-with-same-origin
            same-origin; report-to=coop endpoint  | coop-header-invalid
            "same-origin"                         | coop-header-invalid
            Same-Origin                           | coop-header-invalid
            'same-origin, unsafe-none'            | coop-header-invalid
            ''                                    | coop-not-implemented
            """)
    void acceptsOneLowerCaseTokenWithParameters(String value, String expected) {
        assertEquals(expected, grade(ResponseHeaders.of("Cross-Origin-Opener-Policy", value)).code());
    }

    @Test
    void aHeaderDeliveredTwiceIsInvalid() {
        assertEquals(ObservatoryResult.COOP_HEADER_INVALID, grade(new ResponseHeaders(List.of(
                new HeaderField("cross-origin-opener-policy", "same-origin"),
                new HeaderField("cross-origin-opener-policy", "same-origin")))));
    }

    @Test
    void missingIsNeutral() {
        TestOutcome outcome = check.evaluate(ResponseEvidence.ofHeaders(ResponseHeaders.empty()));
        assertEquals(ObservatoryResult.COOP_NOT_IMPLEMENTED, outcome.result());
        assertEquals(0, outcome.scoreModifier());
    }
}
