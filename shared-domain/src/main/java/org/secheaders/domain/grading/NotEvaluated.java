package org.secheaders.domain.grading;

import java.util.Objects;

/** A test the evidence cannot decide (no redirect route, no HTML, no CORS probe); it is not scored. */
public record NotEvaluated(ObservatoryTestName test, String reason) implements TestEvaluation {
    public NotEvaluated {
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(reason, "reason");
    }
}
