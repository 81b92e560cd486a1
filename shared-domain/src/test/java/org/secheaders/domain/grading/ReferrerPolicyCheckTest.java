package org.secheaders.domain.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReferrerPolicyCheckTest {
    private final ReferrerPolicyCheck check = new ReferrerPolicyCheck();

    private TestOutcome grade(ResponseEvidence evidence) {
        return check.evaluate(evidence);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            no-referrer                          | referrer-policy-private
            STRICT-ORIGIN-WHEN-CROSS-ORIGIN      | referrer-policy-private
            no-referrer-when-downgrade           | referrer-policy-unsafe
            "no-referrer, unsafe-url"            | referrer-policy-unsafe
            "unsafe-url, no-referrer, whimsy"    | referrer-policy-private
            "whimsy, whimsy2"                    | referrer-policy-header-invalid
            ""                                   | referrer-policy-header-invalid
            """)
    void theLastRecognisedTokenWins(String value, String expected) {
        assertEquals(expected, grade(ResponseEvidence.ofHeaders(ResponseHeaders.of("Referrer-Policy", value)))
                .result().code());
    }

    @Test
    void aMetaReferrerOverridesTheHeader() {
        ResponseEvidence evidence = ResponseEvidence.ofHeaders(ResponseHeaders.of("Referrer-Policy", "no-referrer"))
                .withHttpEquiv(ResponseHeaders.of("referrer-policy", "unsafe-url"));
        assertEquals(ObservatoryResult.REFERRER_POLICY_UNSAFE, grade(evidence).result());
    }

    @Test
    void missingPassesWithoutBonus() {
        TestOutcome outcome = grade(ResponseEvidence.ofHeaders(ResponseHeaders.empty()));
        assertEquals(ObservatoryResult.REFERRER_POLICY_NOT_IMPLEMENTED, outcome.result());
        assertTrue(outcome.pass());
        assertEquals(0, outcome.scoreModifier());
    }
}
