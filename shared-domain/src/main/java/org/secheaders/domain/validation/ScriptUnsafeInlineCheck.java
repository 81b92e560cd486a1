package org.secheaders.domain.validation;

import java.util.ArrayList;
import java.util.List;

import org.secheaders.domain.csp.CspKeyword;
import org.secheaders.domain.csp.CspPolicy;

/** {@code 'unsafe-inline'} (HIGH) or {@code 'unsafe-hashes'} (MEDIUM_MAYBE) in the directives governing scripts. */
final class ScriptUnsafeInlineCheck implements CspCheck {

    @Override
    public List<CspFinding> check(CspPolicy policy) {
        List<CspFinding> findings = new ArrayList<>();
        for (String directive : EffectiveDirectives.names(policy, EffectiveDirectives.SCRIPT)) {
            List<String> values = SourceValues.serialized(policy.sources(directive));
            if (values.contains(CspKeyword.UNSAFE_INLINE.token())) {
                findings.add(CspFinding.onValue(FindingType.SCRIPT_UNSAFE_INLINE, FindingSeverity.HIGH, directive,
                        CspKeyword.UNSAFE_INLINE.token(),
                        "'unsafe-inline' in " + directive + " lets injected inline scripts and event handlers run.",
                        "Remove 'unsafe-inline'; allow the page's own inline scripts with a per-response nonce "
                                + "('nonce-…') or their hashes ('sha256-…')."));
            }
            if (values.contains(CspKeyword.UNSAFE_HASHES.token())) {
                findings.add(CspFinding.onValue(FindingType.SCRIPT_UNSAFE_HASHES, FindingSeverity.MEDIUM_MAYBE,
                        directive, CspKeyword.UNSAFE_HASHES.token(),
                        "'unsafe-hashes' in " + directive + " lets inline event handlers and javascript: URLs run "
                                + "when their hash is listed.",
                        "Move inline event handlers into script files or nonce'd scripts "
                                + "(addEventListener), then remove 'unsafe-hashes'."));
            }
        }
        return findings;
    }
}
