package org.secheaders.domain.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StrictTransportSecurityCheckTest {
    private final StrictTransportSecurityCheck check = new StrictTransportSecurityCheck();

    private TestOutcome grade(ResponseHeaders https) {
        return check.evaluate(ResponseEvidence.ofHeaders(https));
    }

    private TestOutcome grade(String value) {
        return grade(ResponseHeaders.of("Strict-Transport-Security", value));
    }

    @Test
    void sixMonthsMeans15552000Seconds() {
        TestOutcome justShort = grade("max-age=15551999");
        assertEquals(ObservatoryResult.HSTS_IMPLEMENTED_MAX_AGE_LESS_THAN_SIX_MONTHS, justShort.result());
        assertFalse(justShort.pass());
        assertEquals(-10, justShort.scoreModifier());
        TestOutcome enough = grade("max-age=15552000");
        assertEquals(ObservatoryResult.HSTS_IMPLEMENTED_MAX_AGE_AT_LEAST_SIX_MONTHS, enough.result());
        assertTrue(enough.pass());
        assertEquals(0, enough.scoreModifier());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            max-age=31536000; includeSubDomains; preload | hsts-implemented-max-age-at-least-six-months
            MAX-AGE=31536000                             | hsts-implemented-max-age-at-least-six-months
            max-age=0; max-age=31536000                  | hsts-implemented-max-age-at-least-six-months
            max-age= 300                                 | hsts-implemented-max-age-less-than-six-months
            max-age=300abc                               | hsts-implemented-max-age-less-than-six-months
            max-age=-1                                   | hsts-implemented-max-age-less-than-six-months
            max-age=abc                                  | hsts-implemented-max-age-at-least-six-months
            max-age=                                     | hsts-implemented-max-age-at-least-six-months
            max-age=99999999999999999999999999           | hsts-implemented-max-age-at-least-six-months
            includeSubDomains; preload                   | hsts-header-invalid
            max-age = 31536000                           | hsts-header-invalid
            max-age=31536000, max-age=31536000           | hsts-header-invalid
            ""                                           | hsts-header-invalid
            """)
    void readsMaxAgeAsTheObservatoryDoes(String value, String expected) {
        // A max-age without digits is NaN in the Observatory, and NaN is never "less than six months".
        assertEquals(expected, grade(value).result().code());
    }

    @Test
    void aHeaderSentTwiceIsInvalid() {
        ResponseHeaders twice = ResponseHeaders.of("Strict-Transport-Security", "max-age=31536000",
                "strict-transport-security", "max-age=31536000");
        assertEquals(ObservatoryResult.HSTS_HEADER_INVALID, grade(twice).result());
    }

    @Test
    void readsOnlyTheHttpsResponse() {
        ResponseEvidence evidence = ResponseEvidence.ofHeaders(ResponseHeaders.of("Strict-Transport-Security", "max-age=31536000"))
                .withHttps(new HttpsProbe.Reached(ResponseHeaders.empty(), true));
        assertEquals(ObservatoryResult.HSTS_NOT_IMPLEMENTED, check.evaluate(evidence).result());
    }

    @Test
    void needsAReachableHttpsSiteWithAValidCertificate() {
        ResponseHeaders headers = ResponseHeaders.of("Strict-Transport-Security", "max-age=31536000");
        assertEquals(ObservatoryResult.HSTS_NOT_IMPLEMENTED_NO_HTTPS, check.evaluate(
                ResponseEvidence.ofHeaders(headers).withHttps(new HttpsProbe.Unreachable())).result());
        assertEquals(ObservatoryResult.HSTS_INVALID_CERT, check.evaluate(
                ResponseEvidence.ofHeaders(headers).withHttps(new HttpsProbe.Reached(headers, false))).result());
    }

    @Test
    void reportsTheHeaderValue() {
        assertEquals(List.of("max-age=63072000"), grade("max-age=63072000").data().get("strict-transport-security"));
    }
}
