package org.secheaders.domain.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.secheaders.domain.csp.CspPolicy;
import org.secheaders.domain.csp.SourceExpression;

/** {@code data:}, {@code http:} or {@code https:} alone in a directive that can run script: any site then qualifies. */
final class PlainUrlSchemesCheck implements CspCheck {

    private static final Set<String> SCHEMES_CAUSING_XSS = Set.of("data", "http", "https");

    @Override
    public List<CspFinding> check(CspPolicy policy) {
        List<CspFinding> findings = new ArrayList<>();
        for (String directive : EffectiveDirectives.names(policy, EffectiveDirectives.CAUSING_XSS)) {
            for (SourceExpression source : policy.sources(directive)) {
                if (source instanceof SourceExpression.Scheme scheme && SCHEMES_CAUSING_XSS.contains(scheme.scheme())) {
                    findings.add(CspFinding.onValue(FindingType.PLAIN_URL_SCHEMES, FindingSeverity.HIGH, directive,
                            source.serialize(),
                            source.serialize() + " in " + directive + " allows scripts from any URL with that "
                                    + "scheme, so an attacker can load their own.",
                            "Replace " + source.serialize() + " with nonces or hashes plus 'strict-dynamic' "
                                    + "(keep https: only as a fallback next to 'strict-dynamic'), or list exact hosts."));
                }
            }
        }
        return findings;
    }
}
