package org.secheaders.domain.validation;

import java.util.List;
import java.util.Set;

import org.secheaders.domain.csp.CspPolicy;

/**
 * {@code 'strict-dynamic'} without an allowlist: browsers without CSP3 then block every external
 * script. CSP3 browsers ignore the allowlist next to {@code 'strict-dynamic'}, so it costs nothing.
 */
final class AllowlistFallbackCheck implements CspCheck {

    private static final Set<String> FALLBACKS = Set.of("http:", "https:", "*");

    @Override
    public List<CspFinding> check(CspPolicy policy) {
        String directive = EffectiveDirectives.name(policy, "script-src");
        List<String> values = SourceValues.serialized(policy.sources(directive));
        boolean hasFallback = values.stream().anyMatch(v -> FALLBACKS.contains(v) || v.contains("."));
        if (!EffectiveDirectives.hasStrictDynamic(policy, directive) || hasFallback) {
            return List.of();
        }
        return List.of(CspFinding.onDirective(FindingType.ALLOWLIST_FALLBACK, FindingSeverity.STRICT_CSP, directive,
                directive + " uses 'strict-dynamic' without a host or scheme fallback, so browsers without CSP3 "
                        + "block external scripts.",
                "Add https: to " + directive + "; browsers that support 'strict-dynamic' ignore it."));
    }
}
