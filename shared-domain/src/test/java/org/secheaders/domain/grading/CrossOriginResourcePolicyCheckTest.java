package org.secheaders.domain.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CrossOriginResourcePolicyCheckTest {
    private final CrossOriginResourcePolicyCheck check = new CrossOriginResourcePolicyCheck();

    private ObservatoryResult grade(ResponseEvidence evidence) {
        return check.evaluate(evidence).result();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            same-origin                | corp-implemented-with-same-origin
            " SAME-SITE "              | corp-implemented-with-same-site
            cross-origin               | corp-implemented-with-cross-origin
            same-origin;               | corp-header-invalid
            "  "                       | corp-not-implemented
            """)
    void matchesTheLowerCasedValueExactly(String value, String expected) {
        assertEquals(expected, grade(ResponseEvidence.ofHeaders(
                ResponseHeaders.of("Cross-Origin-Resource-Policy", value))).code());
    }

    @Test
    void repeatedValuesAreJoinedAndSoInvalid() {
        assertEquals(ObservatoryResult.CORP_HEADER_INVALID, grade(ResponseEvidence.ofHeaders(new ResponseHeaders(List.of(
                new HeaderField("cross-origin-resource-policy", "same-origin"),
                new HeaderField("cross-origin-resource-policy", "same-origin"))))));
    }

    @Test
    void theLastMetaValueCountsOnlyWithoutTheHeader() {
        ResponseHeaders meta = new ResponseHeaders(List.of(
                new HeaderField("cross-origin-resource-policy", "whimsy"),
                new HeaderField("cross-origin-resource-policy", "same-site")));
        assertEquals(ObservatoryResult.CORP_IMPLEMENTED_WITH_SAME_SITE,
                grade(ResponseEvidence.ofHeaders(ResponseHeaders.empty()).withHttpEquiv(meta)));
        assertEquals(ObservatoryResult.CORP_IMPLEMENTED_WITH_CROSS_ORIGIN, grade(ResponseEvidence.ofHeaders(
                ResponseHeaders.of("Cross-Origin-Resource-Policy", "cross-origin")).withHttpEquiv(meta)));
    }
}
