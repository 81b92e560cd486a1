package org.secheaders.domain.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;

class CrossOriginResourceSharingCheckTest {
    private static final String ORIGIN = "https://http-observatory.security.mozilla.org";
    private final CrossOriginResourceSharingCheck check = new CrossOriginResourceSharingCheck();

    private TestEvaluation grade(ResponseHeaders probeResponse) {
        return check.evaluate(ResponseEvidence.ofHeaders(ResponseHeaders.empty()).withCors(new CorsProbe(ORIGIN, probeResponse)));
    }

    @Test
    void needsAProbe() {
        assertInstanceOf(NotEvaluated.class, check.evaluate(ResponseEvidence.ofHeaders(
                ResponseHeaders.of("Access-Control-Allow-Origin", "*"))));
    }

    @Test
    void classifiesWhatTheProbeWasAllowed() {
        assertEquals(TestOutcome.of(ObservatoryResult.CROSS_ORIGIN_RESOURCE_SHARING_NOT_IMPLEMENTED),
                grade(ResponseHeaders.empty()));
        assertEquals(ObservatoryResult.CROSS_ORIGIN_RESOURCE_SHARING_IMPLEMENTED_WITH_PUBLIC_ACCESS,
                ((TestOutcome) grade(ResponseHeaders.of("Access-Control-Allow-Origin", " * "))).result());
        assertEquals(ObservatoryResult.CROSS_ORIGIN_RESOURCE_SHARING_IMPLEMENTED_WITH_RESTRICTED_ACCESS,
                ((TestOutcome) grade(ResponseHeaders.of("Access-Control-Allow-Origin", "https://mozilla.org",
                        "Access-Control-Allow-Credentials", "true"))).result());
    }

    @Test
    void anEchoedOriginWithCredentialsIsUniversalAccess() {
        TestOutcome outcome = (TestOutcome) grade(ResponseHeaders.of("Access-Control-Allow-Origin", ORIGIN,
                "Access-Control-Allow-Credentials", " TRUE "));
        assertEquals(ObservatoryResult.CROSS_ORIGIN_RESOURCE_SHARING_IMPLEMENTED_WITH_UNIVERSAL_ACCESS, outcome.result());
        assertEquals(-50, outcome.scoreModifier());
    }
}
