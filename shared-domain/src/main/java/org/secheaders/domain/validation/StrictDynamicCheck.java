package org.secheaders.domain.validation;

import java.util.List;

import org.secheaders.domain.csp.CspKeyword;
import org.secheaders.domain.csp.CspPolicy;

/** A host or scheme allowlist for scripts without {@code 'strict-dynamic'}: the policy relies on the allowlist. */
final class StrictDynamicCheck implements CspCheck {

    @Override
    public List<CspFinding> check(CspPolicy policy) {
        String directive = EffectiveDirectives.name(policy, "script-src");
        List<String> values = SourceValues.serialized(policy.sources(directive));
        boolean allowlist = values.stream().anyMatch(v -> !v.startsWith("'"));
        if (!allowlist || values.contains(CspKeyword.STRICT_DYNAMIC.token())) {
            return List.of();
        }
        return List.of(CspFinding.onDirective(FindingType.STRICT_DYNAMIC, FindingSeverity.STRICT_CSP, directive,
                directive + " relies on a host or scheme allowlist, which can usually be bypassed.",
                "Allow scripts by nonce or hash and add 'strict-dynamic'; the allowlist then only serves "
                        + "as a fallback for old browsers."));
    }
}
