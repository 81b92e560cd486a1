package org.secheaders.domain.validation;

import java.util.List;

import org.secheaders.domain.csp.CspPolicy;

/** A bare {@code *} host (with or without scheme) in a directive that can run script. */
final class WildcardCheck implements CspCheck {

    @Override
    public List<CspFinding> check(CspPolicy policy) {
        return EffectiveDirectives.names(policy, EffectiveDirectives.CAUSING_XSS).stream()
                .flatMap(d -> SourceValues.serialized(policy.sources(d)).stream()
                        .filter(v -> SourceValues.schemeFree(v).equals("*"))
                        .map(v -> CspFinding.onValue(FindingType.PLAIN_WILDCARD, FindingSeverity.HIGH, d, v,
                                v + " in " + d + " allows resources from any host.",
                                "Replace " + v + " in " + d + " with 'none', or with nonces or hashes plus "
                                        + "'strict-dynamic'.")))
                .toList();
    }
}
