package org.secheaders.domain.compliance;

import java.util.List;

import org.secheaders.domain.model.CheckResult;

/**
 * How a control combines the results of its checks. Not-applicable results are left out; when
 * nothing is left the control is not applicable. Results rank fail < warning < pass.
 */
public sealed interface ControlRule {

    /** Combines results that are all known (pass, warning, fail or not applicable). */
    CheckResult combine(List<CheckResult> results);

    /** For reports: the rule in words. */
    String describe();

    /** Every check must pass: the worst result wins. */
    record AllPass() implements ControlRule {
        @Override
        public CheckResult combine(List<CheckResult> results) {
            return applicable(results).stream().min(ControlRule::compareRank).orElse(CheckResult.NOT_APPLICABLE);
        }

        @Override
        public String describe() {
            return "all checks pass (the worst result wins)";
        }
    }

    /** One passing check is enough: the best result wins (alternative mechanisms). */
    record AnyPass() implements ControlRule {
        @Override
        public CheckResult combine(List<CheckResult> results) {
            return applicable(results).stream().max(ControlRule::compareRank).orElse(CheckResult.NOT_APPLICABLE);
        }

        @Override
        public String describe() {
            return "any check passes (the best result wins)";
        }
    }

    /**
     * A share of the checks must pass, a warning counting half: at least {@code passAt} percent
     * passes, at least {@code warnAt} percent warns, less fails. For broad baselines where one
     * missing low-value header should not decide the whole control.
     */
    record Ratio(int passAt, int warnAt) implements ControlRule {
        public Ratio {
            if (passAt < 1 || passAt > 100 || warnAt < 0 || warnAt > passAt) {
                throw new IllegalArgumentException("ratio thresholds need 0 <= warnAt <= passAt <= 100, were "
                        + warnAt + " and " + passAt);
            }
        }

        @Override
        public CheckResult combine(List<CheckResult> results) {
            List<CheckResult> applicable = applicable(results);
            if (applicable.isEmpty()) {
                return CheckResult.NOT_APPLICABLE;
            }
            // Half points as integers: 2 per pass, 1 per warning, against 2 per check.
            long points = applicable.stream().mapToLong(r -> r == CheckResult.PASS ? 2 : r == CheckResult.WARNING ? 1 : 0).sum();
            long possible = 2L * applicable.size();
            if (points * 100 >= passAt * possible) {
                return CheckResult.PASS;
            }
            return points * 100 >= warnAt * possible ? CheckResult.WARNING : CheckResult.FAIL;
        }

        @Override
        public String describe() {
            return "at least " + passAt + "% of checks pass (warnings count half); at least " + warnAt + "% warns";
        }
    }

    /** fail 0, warning 1, pass 2. */
    static int rank(CheckResult result) {
        return switch (result) {
            case FAIL -> 0;
            case WARNING -> 1;
            case PASS -> 2;
            case NOT_APPLICABLE -> throw new IllegalArgumentException("not applicable has no rank");
        };
    }

    private static int compareRank(CheckResult a, CheckResult b) {
        return Integer.compare(rank(a), rank(b));
    }

    private static List<CheckResult> applicable(List<CheckResult> results) {
        return results.stream().filter(r -> r != CheckResult.NOT_APPLICABLE).toList();
    }
}
