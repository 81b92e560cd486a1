package org.secheaders.domain.compliance.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.secheaders.domain.compliance.EvaluationOptions;
import org.secheaders.domain.compliance.EvidenceBundle;
import org.secheaders.domain.compliance.OshpReference;
import org.secheaders.domain.grading.ResponseHeaders;
import org.secheaders.domain.model.CheckResult;

/** Runs one atomic check the way the evaluator does, and asserts on its outcome. */
final class Checks {
    private Checks() {
    }

    static AtomicResult run(String id, EvidenceBundle bundle) {
        return run(id, bundle, EvaluationOptions.defaults());
    }

    static AtomicResult run(String id, EvidenceBundle bundle, EvaluationOptions options) {
        return new EvaluationContext(bundle, options, Optional.empty(), AtomicChecks.standard()).result(id);
    }

    static AtomicResult run(String id, EvidenceBundle bundle, OshpReference oshp) {
        return new EvaluationContext(bundle, EvaluationOptions.defaults(), Optional.of(oshp), AtomicChecks.standard()).result(id);
    }

    /** The check on pasted headers. */
    static AtomicResult headers(String id, String... namesAndValues) {
        return run(id, EvidenceBundle.supplied(ResponseHeaders.of(namesAndValues)));
    }

    static void assertOutcome(CheckResult expected, String rule, AtomicResult actual) {
        assertEquals(expected + " " + rule, actual.result() + " " + actual.rule(), actual.message());
        assertTrue(actual.evaluated(), actual.message());
    }

    static void assertNotEvaluated(AtomicResult actual) {
        assertEquals(AtomicResult.NOT_EVALUATED, actual.outcome(), actual.message());
        assertEquals(CheckResult.NOT_APPLICABLE, actual.result());
    }
}
