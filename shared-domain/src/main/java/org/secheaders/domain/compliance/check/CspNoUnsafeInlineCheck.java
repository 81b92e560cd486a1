package org.secheaders.domain.compliance.check;

import java.util.List;

import org.secheaders.domain.csp.CspKeyword;
import org.secheaders.domain.validation.FindingType;

/**
 * {@code csp.no_unsafe_inline}: injected inline script cannot run. {@code 'unsafe-inline'} next to
 * a nonce or hash is ignored by CSP2+ browsers, so it passes (and is reported as a disagreement
 * topic, since the tools word it differently).
 */
final class CspNoUnsafeInlineCheck implements AtomicCheck {
    static final String ID = "csp.no_unsafe_inline";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String expected() {
        return "script directives without an effective 'unsafe-inline'";
    }

    @Override
    public String fix() {
        return "Remove 'unsafe-inline' from script-src; allow the page's scripts with a per-response nonce and 'strict-dynamic'.";
    }

    @Override
    public AtomicResult evaluate(EvaluationContext context) {
        CspEvidence csp = context.csp();
        Finding finding = Finding.of(this, csp.observed(), csp.lines());
        if (!csp.hasEnforced()) {
            return finding.fail("no_policy", "No enforced CSP, so nothing stops inline script.");
        }
        if (csp.sharedWeakness(FindingType.MISSING_DIRECTIVES, "script-src")) {
            return finding.fail("scripts_unrestricted", "No policy has script-src or default-src, so inline scripts run.");
        }
        if (csp.sharedWeaknesses().stream().anyMatch(f -> f.type() == FindingType.SCRIPT_UNSAFE_INLINE)) {
            return finding.fail("unsafe_inline", "'unsafe-inline' lets injected inline scripts and event handlers run "
                    + "(CSP Evaluator " + FindingType.SCRIPT_UNSAFE_INLINE.id() + " SCRIPT_UNSAFE_INLINE).");
        }
        boolean ignored = csp.findingsPerPolicy().stream().flatMap(List::stream)
                .anyMatch(f -> f.type() == FindingType.IGNORED
                        && f.value().filter(CspKeyword.UNSAFE_INLINE.token()::equals).isPresent());
        return ignored
                ? finding.pass("unsafe_inline_ignored", "'unsafe-inline' is present but ignored, because a nonce or hash is.")
                : finding.pass("no_unsafe_inline", "Inline script is not allowed.");
    }
}
