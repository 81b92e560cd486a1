package org.secheaders.domain.compliance.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.secheaders.domain.compliance.EvaluationOptions;
import org.secheaders.domain.compliance.EvidenceBundle;
import org.secheaders.domain.compliance.EvidenceSource;
import org.secheaders.domain.grading.ResponseHeaders;

class EvaluationContextTest {

    @Test
    void eachCheckIsComputedOnceAndSharedByItsDependants() {
        EvaluationContext context = context(EvidenceBundle.supplied(ResponseHeaders.of("X-Frame-Options", "DENY")));
        AtomicResult framing = context.result(FramingCheck.ID);
        assertSame(framing, context.result(FramingCheck.ID));
        // framing reads frame-ancestors through the context, so that one is memoized too.
        assertEquals(List.of(CspFrameAncestorsCheck.ID, FramingCheck.ID), context.computed().stream().map(AtomicResult::id).toList());
    }

    @Test
    void aResponseThatCouldNotBeObtainedLeavesEveryResponseCheckNotEvaluated() {
        EvaluationContext context = context(EvidenceBundle.unavailable(EvidenceSource.OBSERVED, "timed out after 30 s"));
        for (String id : AtomicChecks.standard().ids()) {
            AtomicResult result = context.result(id);
            assertEquals(AtomicResult.NOT_EVALUATED, result.outcome(), id);
            assertTrue(result.message().startsWith("no "), result.message());
        }
        assertEquals("no response evidence: timed out after 30 s", context.result(NosniffCheck.ID).message());
    }

    private static EvaluationContext context(EvidenceBundle bundle) {
        return new EvaluationContext(bundle, EvaluationOptions.defaults(), Optional.empty(), AtomicChecks.standard());
    }
}
