package org.secheaders.domain.compliance.check;

import java.util.List;

import org.secheaders.domain.validation.CspFinding;
import org.secheaders.domain.validation.FindingType;

/** {@code csp.no_unsafe_eval}: strings cannot be turned into code ({@code eval}, {@code new Function}). */
final class CspNoUnsafeEvalCheck implements AtomicCheck {
    static final String ID = "csp.no_unsafe_eval";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String expected() {
        return "script directives without 'unsafe-eval'";
    }

    @Override
    public String fix() {
        return "Remove 'unsafe-eval' from script-src and replace eval()/new Function() in the code.";
    }

    @Override
    public AtomicResult evaluate(EvaluationContext context) {
        CspEvidence csp = context.csp();
        Finding finding = Finding.of(this, csp.observed(), csp.lines());
        if (!csp.hasEnforced()) {
            return finding.fail("no_policy", "No enforced CSP, so eval() is not restricted.");
        }
        boolean restricting = false;
        boolean everyRestrictingAllowsEval = true;
        for (int i = 0; i < csp.enforced().size(); i++) {
            if (CspEvidence.governing(csp.enforced().get(i), "script-src").isPresent()) {
                restricting = true;
                List<CspFinding> findings = csp.findingsPerPolicy().get(i);
                everyRestrictingAllowsEval &= findings.stream().anyMatch(f -> f.type() == FindingType.SCRIPT_UNSAFE_EVAL);
            }
        }
        if (!restricting) {
            return finding.fail("scripts_unrestricted", "No policy has script-src or default-src, so eval() is allowed.");
        }
        return everyRestrictingAllowsEval
                ? finding.fail("unsafe_eval", "'unsafe-eval' lets injected strings run as code "
                        + "(CSP Evaluator " + FindingType.SCRIPT_UNSAFE_EVAL.id() + " SCRIPT_UNSAFE_EVAL).")
                : finding.pass("no_unsafe_eval", "eval() and new Function() are blocked.");
    }
}
