package org.secheaders.domain.validation;

import java.util.ArrayList;
import java.util.List;

import org.secheaders.domain.csp.CspDirective;
import org.secheaders.domain.csp.CspKeyword;
import org.secheaders.domain.csp.CspPolicy;
import org.secheaders.domain.csp.SourceExpression;

/**
 * A policy as a CSP3 browser enforces it (the Evaluator's {@code getEffectiveCsp(CSP3)}):
 * {@code 'unsafe-inline'} is dropped from a script directive that has a nonce or hash, and with
 * {@code 'strict-dynamic'} hosts, schemes, {@code 'self'} and {@code 'unsafe-inline'} are dropped.
 * Each dropped entry is reported as an {@link FindingType#IGNORED} finding.
 */
record EffectivePolicy(CspPolicy policy, List<CspFinding> ignored) {

    EffectivePolicy {
        ignored = List.copyOf(ignored);
    }

    static EffectivePolicy of(CspPolicy original) {
        CspPolicy effective = original;
        List<CspFinding> ignored = new ArrayList<>();
        for (String name : EffectiveDirectives.names(original, EffectiveDirectives.SCRIPT)) {
            if (!original.has(name)) {
                continue;
            }
            List<SourceExpression> kept = new ArrayList<>(original.sources(name));
            if (EffectiveDirectives.hasNonce(original, name) || EffectiveDirectives.hasHash(original, name)) {
                SourceExpression unsafeInline = new SourceExpression.Keyword(CspKeyword.UNSAFE_INLINE);
                if (kept.removeIf(unsafeInline::equals)) {
                    ignored.add(ignoredFinding(name, unsafeInline.serialize(),
                            "'unsafe-inline' is ignored because a nonce or hash is present."));
                }
            }
            if (EffectiveDirectives.hasStrictDynamic(original, name)) {
                for (SourceExpression source : List.copyOf(kept)) {
                    if (ignoredByStrictDynamic(source)) {
                        kept.remove(source);
                        ignored.add(ignoredFinding(name, source.serialize(),
                                source.serialize() + " is ignored because 'strict-dynamic' is present."));
                    }
                }
            }
            effective = effective.with(new CspDirective(name, kept));
        }
        return new EffectivePolicy(effective, ignored);
    }

    private static boolean ignoredByStrictDynamic(SourceExpression source) {
        String value = source.serialize();
        return !value.startsWith("'")
                || value.equals(CspKeyword.SELF.token())
                || value.equals(CspKeyword.UNSAFE_INLINE.token());
    }

    private static CspFinding ignoredFinding(String directive, String value, String message) {
        return CspFinding.onValue(FindingType.IGNORED, FindingSeverity.NONE, directive, value, message,
                "Nothing to fix: browsers without nonce, hash or 'strict-dynamic' support still use this entry.");
    }
}
