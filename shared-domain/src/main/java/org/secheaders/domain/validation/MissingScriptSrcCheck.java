package org.secheaders.domain.validation;

import java.util.List;

import org.secheaders.domain.csp.CspPolicy;

/** Neither {@code script-src} nor {@code default-src}: scripts are not restricted at all. */
final class MissingScriptSrcCheck implements CspCheck {

    @Override
    public List<CspFinding> check(CspPolicy policy) {
        if (policy.has("script-src") || policy.has("default-src")) {
            return List.of();
        }
        return List.of(CspFinding.onDirective(FindingType.MISSING_DIRECTIVES, FindingSeverity.HIGH, "script-src",
                "No script-src or default-src: scripts from anywhere can run.",
                "Add script-src with a per-response nonce and 'strict-dynamic', e.g. "
                        + "script-src 'nonce-{random}' 'strict-dynamic'."));
    }
}
