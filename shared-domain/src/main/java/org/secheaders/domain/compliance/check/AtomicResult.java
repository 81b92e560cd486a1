package org.secheaders.domain.compliance.check;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.secheaders.domain.model.CheckResult;

/**
 * What one atomic check found. Computed once per evaluation and shared by every control that uses it.
 *
 * @param id        the check, e.g. {@code hsts.max_age_one_year}
 * @param result    pass, warning, fail, or not applicable
 * @param evaluated false when the evidence needed could not be obtained; {@code result} is then
 *                  {@code NOT_APPLICABLE} and {@code message} says what is missing (reported as
 *                  {@code not_evaluated}, which keeps a framework {@code pending})
 * @param observed  the value the check read, when there was one
 * @param expected  what passes
 * @param evidence  raw header lines the check read, cookie values redacted
 * @param rule      the rule that fired, a stable snake_case id such as {@code max_age_below_six_months}
 * @param message   the finding for a human
 */
public record AtomicResult(
        String id,
        CheckResult result,
        boolean evaluated,
        Optional<String> observed,
        String expected,
        List<String> evidence,
        String rule,
        String message) {

    public static final String NOT_EVALUATED = "not_evaluated";

    public AtomicResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(observed, "observed");
        Objects.requireNonNull(expected, "expected");
        evidence = List.copyOf(evidence);
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
        if (!evaluated && result != CheckResult.NOT_APPLICABLE) {
            throw new IllegalArgumentException(id + ": a check that was not evaluated has no " + result.wireName());
        }
    }

    /** The evidence a check needs is missing: reported as {@code not_evaluated} with the reason. */
    public static AtomicResult notEvaluated(String id, String expected, String reason) {
        return new AtomicResult(id, CheckResult.NOT_APPLICABLE, false, Optional.empty(), expected, List.of(),
                NOT_EVALUATED, reason);
    }

    /** The outcome's wire name: {@code pass}, {@code warning}, {@code fail}, {@code not_applicable} or {@code not_evaluated}. */
    public String outcome() {
        return evaluated ? result.wireName() : NOT_EVALUATED;
    }
}
