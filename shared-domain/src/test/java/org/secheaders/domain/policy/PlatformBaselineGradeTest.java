package org.secheaders.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.secheaders.domain.grading.HeaderField;
import org.secheaders.domain.grading.ObservatoryGrade;
import org.secheaders.domain.grading.ObservatoryGrader;
import org.secheaders.domain.grading.ObservatoryReport;
import org.secheaders.domain.grading.ResponseEvidence;
import org.secheaders.domain.grading.ResponseHeaders;
import org.secheaders.domain.grading.TestOutcome;
import org.secheaders.domain.nonce.SecurityNonce;

/** The platform baseline, as rendered for a response, graded by our Observatory v6 implementation. */
class PlatformBaselineGradeTest {

    private static ObservatoryReport gradeBaseline() {
        ResponseHeaders headers = ResponseHeaders.fromFieldLines(PlatformPolicy.defaults().baseline().compile()
                .render(SecurityNonce.generate()).stream()
                .map(h -> new HeaderField(h.name(), h.value()))
                .toList());
        return new ObservatoryGrader().grade(ResponseEvidence.ofHeaders(headers));
    }

    @Test
    void theBaselineGradesAPlusWithEveryHeaderTestPassing() {
        ObservatoryReport report = gradeBaseline();

        Map<String, String> results = report.tests().stream()
                .collect(Collectors.toMap(t -> t.test().wireName(), t -> t.result().code()));
        assertEquals(ObservatoryGrade.A_PLUS, report.grade(), results.toString());
        assertTrue(report.tests().stream().allMatch(TestOutcome::pass), results.toString());
        assertEquals("csp-implemented-with-no-unsafe-default-src-none", results.get("content-security-policy"));
        assertEquals("x-frame-options-implemented-via-csp", results.get("x-frame-options"));
        assertEquals("coop-implemented-with-same-origin", results.get("cross-origin-opener-policy"));
        assertEquals("coep-implemented-with-credentialless", results.get("cross-origin-embedder-policy"));
        assertEquals("corp-implemented-with-same-origin", results.get("cross-origin-resource-policy"));
        assertEquals("referrer-policy-private", results.get("referrer-policy"));
        assertTrue(report.score() >= 100, "score " + report.score());
    }
}
