package org.secheaders.domain.grading;

import java.util.List;
import java.util.Objects;

/**
 * A graded site, shaped like the Observatory's {@code scan} summary plus its per-test results.
 *
 * @param score          never below 0, and above 100 when bonuses count
 * @param testsQuantity  the tests that gave a result; the Observatory always has 12, here tests
 *                       the evidence cannot decide are listed in {@code outOfScope} instead and
 *                       neither count as passed nor failed
 * @param tests          outcomes in the Observatory's test order
 * @param outOfScope     tests not evaluated, each with the reason
 */
public record ObservatoryReport(
        int algorithmVersion,
        int score,
        ObservatoryGrade grade,
        int testsPassed,
        int testsFailed,
        int testsQuantity,
        List<TestOutcome> tests,
        List<NotEvaluated> outOfScope) {

    public ObservatoryReport {
        Objects.requireNonNull(grade, "grade");
        tests = List.copyOf(tests);
        outOfScope = List.copyOf(outOfScope);
    }
}
