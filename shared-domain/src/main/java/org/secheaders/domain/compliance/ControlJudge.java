package org.secheaders.domain.compliance;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.secheaders.domain.compliance.check.AtomicResult;
import org.secheaders.domain.compliance.check.EvaluationContext;
import org.secheaders.domain.model.CheckResult;

/**
 * Applies a control's rule to its checks' results. A check that could not be evaluated is treated
 * as unknown: the rule is applied with every unknown passing and with every unknown failing (each
 * read as this control reads that check); when both give the same result the control is decided
 * (a known failure stays a failure), otherwise it is {@code not_evaluated}.
 */
final class ControlJudge {
    private ControlJudge() {
    }

    static ControlResult judge(ControlDefinition control, EvaluationContext context) {
        EvaluationOptions options = context.options();
        Optional<String> outOfScope = control.outOfScope(options);
        if (outOfScope.isPresent()) {
            return result(control, options, CheckResult.NOT_APPLICABLE, true, outOfScope.get(), List.of());
        }
        List<ControlCheck> used = new ArrayList<>();
        List<CheckResult> ifUnknownsPass = new ArrayList<>();
        List<CheckResult> ifUnknownsFail = new ArrayList<>();
        for (CheckRef ref : control.checks()) {
            if (!ref.appliesTo(options)) {
                continue;
            }
            AtomicResult atomic = context.result(ref.check());
            if (atomic.evaluated()) {
                CheckResult readAs = ref.adjust(atomic.result());
                ifUnknownsPass.add(readAs);
                ifUnknownsFail.add(readAs);
                used.add(new ControlCheck(atomic, readAs));
            } else {
                ifUnknownsPass.add(ref.adjust(CheckResult.PASS));
                ifUnknownsFail.add(ref.adjust(CheckResult.FAIL));
                used.add(new ControlCheck(atomic, CheckResult.NOT_APPLICABLE));
            }
        }
        CheckResult best = control.rule().combine(ifUnknownsPass);
        CheckResult worst = control.rule().combine(ifUnknownsFail);
        if (best != worst) {
            String waiting = used.stream().filter(c -> !c.atomic().evaluated())
                    .map(c -> c.atomic().id() + " (" + c.atomic().message() + ")").collect(Collectors.joining("; "));
            return result(control, options, CheckResult.NOT_APPLICABLE, false, "not evaluated: " + waiting, used);
        }
        return result(control, options, best, true, reason(control.rule(), best, used), used);
    }

    /** The rule, and the checks whose reading equals the outcome (the ones that decided it). */
    private static String reason(ControlRule rule, CheckResult outcome, List<ControlCheck> used) {
        if (outcome == CheckResult.NOT_APPLICABLE) {
            return "no check applies: " + used.stream().map(c -> c.atomic().id() + " (" + c.atomic().message() + ")")
                    .collect(Collectors.joining("; "));
        }
        String deciding = used.stream().filter(c -> c.atomic().evaluated() && c.readAs() == outcome)
                .map(ControlJudge::describe).collect(Collectors.joining("; "));
        String unknown = used.stream().filter(c -> !c.atomic().evaluated()).map(c -> c.atomic().id())
                .collect(Collectors.joining(", "));
        return outcome.wireName() + " by rule '" + rule.describe() + "': " + deciding
                + (unknown.isEmpty() ? "" : "; not evaluated, without effect on the result: " + unknown);
    }

    private static String describe(ControlCheck check) {
        AtomicResult atomic = check.atomic();
        String reading = atomic.result() == check.readAs() ? atomic.result().wireName()
                : atomic.result().wireName() + " read as " + check.readAs().wireName();
        return atomic.id() + " " + reading + " (" + atomic.rule() + ")";
    }

    private static ControlResult result(ControlDefinition control, EvaluationOptions options, CheckResult result,
                                        boolean evaluated, String reason, List<ControlCheck> used) {
        Set<String> evidence = new LinkedHashSet<>();
        used.forEach(c -> evidence.addAll(c.atomic().evidence()));
        return new ControlResult(control.framework(), control.id(), control.name(), control.requirement(options), result,
                evaluated, control.severity(), reason, used, List.copyOf(evidence), control.remediation(),
                control.citation(), control.tags());
    }
}
