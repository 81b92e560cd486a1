package org.secheaders.domain.validation;

import java.util.List;

import org.secheaders.domain.csp.CspPolicy;

/** {@code 'strict-dynamic'} without a nonce or hash: no script can ever be trusted, so all are blocked. */
final class StrictDynamicNotStandaloneCheck implements CspCheck {

    @Override
    public List<CspFinding> check(CspPolicy policy) {
        String directive = EffectiveDirectives.name(policy, "script-src");
        if (!EffectiveDirectives.hasStrictDynamic(policy, directive)
                || EffectiveDirectives.hasNonce(policy, directive)
                || EffectiveDirectives.hasHash(policy, directive)) {
            return List.of();
        }
        return List.of(CspFinding.onDirective(FindingType.STRICT_DYNAMIC_NOT_STANDALONE, FindingSeverity.INFO,
                directive, "'strict-dynamic' without a nonce or hash blocks every script.",
                "Add a per-response 'nonce-…' (or the hashes of the page's scripts) to " + directive + "."));
    }
}
