package org.secheaders.domain.compliance;

import java.util.List;

import org.secheaders.domain.model.CheckResult;

/** How a framework's controls came out. */
public record ControlCounts(int passed, int warnings, int failed, int notApplicable, int notEvaluated) {

    static ControlCounts of(List<ControlResult> controls) {
        return new ControlCounts(count(controls, CheckResult.PASS), count(controls, CheckResult.WARNING),
                count(controls, CheckResult.FAIL),
                (int) controls.stream().filter(c -> c.evaluated() && c.result() == CheckResult.NOT_APPLICABLE).count(),
                (int) controls.stream().filter(c -> !c.evaluated()).count());
    }

    public int total() {
        return passed + warnings + failed + notApplicable + notEvaluated;
    }

    private static int count(List<ControlResult> controls, CheckResult result) {
        return (int) controls.stream().filter(c -> c.evaluated() && c.result() == result).count();
    }
}
