package org.secheaders.domain.compliance.check;

import java.util.Optional;

import org.secheaders.domain.csp.CspDirective;
import org.secheaders.domain.csp.CspKeyword;
import org.secheaders.domain.csp.CspPolicy;

/**
 * {@code csp.strict}: scripts are allowed by per-response nonce or by hash (optionally with
 * {@code 'strict-dynamic'}), not by a host allowlist, which JSONP and library hosts usually defeat.
 */
final class CspStrictCheck implements AtomicCheck {
    static final String ID = "csp.strict";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String expected() {
        return "script-src allowing scripts by nonce or hash";
    }

    @Override
    public String fix() {
        return "Allow scripts by per-response nonce or by hash, with 'strict-dynamic', instead of host allowlists.";
    }

    @Override
    public AtomicResult evaluate(EvaluationContext context) {
        CspEvidence csp = context.csp();
        Finding finding = Finding.of(this, csp.observed(), csp.lines());
        if (!csp.hasEnforced()) {
            return finding.fail("no_policy", "No enforced CSP.");
        }
        boolean restricting = false;
        boolean strictDynamicAlone = false;
        for (CspPolicy policy : csp.enforced()) {
            Optional<CspDirective> script = CspEvidence.governing(policy, "script-src");
            if (script.isEmpty()) {
                continue;
            }
            restricting = true;
            if (CspSources.hasNonceOrHash(script.get())) {
                return finding.pass("nonce_or_hash", script.get().name() + " allows scripts by nonce or hash"
                        + (script.get().contains(CspKeyword.STRICT_DYNAMIC) ? " with 'strict-dynamic'." : "."));
            }
            strictDynamicAlone |= script.get().contains(CspKeyword.STRICT_DYNAMIC);
        }
        if (strictDynamicAlone) {
            return finding.fail("strict_dynamic_without_nonce_or_hash",
                    "'strict-dynamic' without a nonce or hash trusts no script at all.");
        }
        return restricting
                ? finding.fail("allowlist_only", "Scripts are allowed by host or scheme allowlist, not by nonce or hash.")
                : finding.fail("scripts_unrestricted", "No policy has script-src or default-src.");
    }
}
