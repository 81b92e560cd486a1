package org.secheaders.domain.grading;

/** What one Observatory test made of the evidence: a result, or why it could not give one. */
public sealed interface TestEvaluation permits TestOutcome, NotEvaluated {
    ObservatoryTestName test();
}
