package org.secheaders.domain.validation;

import java.util.List;

import org.secheaders.domain.csp.CspKeyword;
import org.secheaders.domain.csp.CspPolicy;

/**
 * Nonces or hashes without {@code 'unsafe-inline'}: browsers older than CSP2 then block the page's
 * inline scripts. CSP2+ browsers ignore {@code 'unsafe-inline'} next to a nonce, so it costs nothing.
 */
final class UnsafeInlineFallbackCheck implements CspCheck {

    @Override
    public List<CspFinding> check(CspPolicy policy) {
        String directive = EffectiveDirectives.name(policy, "script-src");
        if (!(EffectiveDirectives.hasNonce(policy, directive) || EffectiveDirectives.hasHash(policy, directive))
                || policy.sources(directive).stream()
                        .anyMatch(s -> s.serialize().equals(CspKeyword.UNSAFE_INLINE.token()))) {
            return List.of();
        }
        return List.of(CspFinding.onDirective(FindingType.UNSAFE_INLINE_FALLBACK, FindingSeverity.STRICT_CSP,
                directive,
                directive + " uses nonces or hashes without 'unsafe-inline', so browsers without CSP2 block "
                        + "the page's inline scripts.",
                "Add 'unsafe-inline' to " + directive + "; browsers that support nonces and hashes ignore it."));
    }
}
