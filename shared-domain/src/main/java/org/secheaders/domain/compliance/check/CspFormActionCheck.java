package org.secheaders.domain.compliance.check;

import java.util.Optional;

import org.secheaders.domain.csp.CspDirective;
import org.secheaders.domain.csp.CspPolicy;

/** {@code csp.form_action}: forms can only submit to named targets; {@code form-action} has no fallback. */
final class CspFormActionCheck implements AtomicCheck {
    static final String ID = "csp.form_action";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String expected() {
        return "form-action 'self' (or named origins)";
    }

    @Override
    public String fix() {
        return "Add form-action 'self' (or the exact form targets) to the CSP.";
    }

    @Override
    public AtomicResult evaluate(EvaluationContext context) {
        CspEvidence csp = context.csp();
        Finding finding = Finding.of(this, csp.observed(), csp.lines());
        if (!csp.hasEnforced()) {
            return finding.fail("no_policy", "No enforced CSP, so forms may submit anywhere.");
        }
        boolean present = false;
        for (CspPolicy policy : csp.enforced()) {
            Optional<CspDirective> formAction = policy.directive("form-action");
            if (CspSources.restrictive(formAction)) {
                return finding.pass("form_action", "form-action limits where forms submit.");
            }
            present |= formAction.isPresent();
        }
        return present
                ? finding.fail("form_action_wildcard", "form-action allows any host or scheme.")
                : finding.fail("form_action_missing", "No form-action; it does not fall back to default-src.");
    }
}
