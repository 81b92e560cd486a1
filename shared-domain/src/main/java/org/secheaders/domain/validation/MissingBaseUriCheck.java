package org.secheaders.domain.validation;

import java.util.List;

import org.secheaders.domain.csp.CspPolicy;

/**
 * No {@code base-uri} while scripts are allowed by nonce (or by hash with {@code 'strict-dynamic'}):
 * an injected {@code <base>} then redirects the page's own relative, nonce'd script URLs to the attacker.
 */
final class MissingBaseUriCheck implements CspCheck {

    @Override
    public List<CspFinding> check(CspPolicy policy) {
        return forPolicies(List.of(policy));
    }

    /** Several policies enforced together: one {@code base-uri} in any of them is enough. */
    static List<CspFinding> forPolicies(List<CspPolicy> policies) {
        boolean needed = policies.stream().anyMatch(MissingBaseUriCheck::needsBaseUri);
        boolean present = policies.stream().anyMatch(p -> p.has("base-uri"));
        if (!needed || present) {
            return List.of();
        }
        return List.of(CspFinding.onDirective(FindingType.MISSING_DIRECTIVES, FindingSeverity.HIGH, "base-uri",
                "No base-uri: an injected <base> tag can point the page's relative script URLs, which carry "
                        + "the nonce, at an attacker's server.",
                "Add base-uri 'none' (or 'self' if the page uses <base>)."));
    }

    private static boolean needsBaseUri(CspPolicy policy) {
        return EffectiveDirectives.hasNonce(policy, "script-src")
                || (EffectiveDirectives.hasHash(policy, "script-src")
                        && EffectiveDirectives.hasStrictDynamic(policy, "script-src"));
    }
}
