package org.secheaders.domain.validation;

import java.util.List;
import java.util.Map;

import org.secheaders.domain.csp.CspPolicy;

/** Directives browsers no longer honour, each with what replaces it. */
final class DeprecatedDirectiveCheck implements CspCheck {

    private record Replacement(String reason, String fix) {
    }

    private static final Map<String, Replacement> DEPRECATED = Map.of(
            "reflected-xss", new Replacement("was dropped after CSP1.1",
                    "Remove reflected-xss; browsers' XSS auditors are gone too, rely on script-src."),
            "referrer", new Replacement("was dropped after CSP1.1",
                    "Remove referrer and send a Referrer-Policy header instead."),
            "disown-opener", new Replacement("was dropped from CSP3",
                    "Remove disown-opener and send Cross-Origin-Opener-Policy: same-origin instead."),
            "prefetch-src", new Replacement("is deprecated and no longer enforced by browsers",
                    "Remove prefetch-src; prefetches are governed by default-src and the other fetch directives."));

    @Override
    public List<CspFinding> check(CspPolicy policy) {
        return policy.directives().stream()
                .filter(d -> DEPRECATED.containsKey(d.name()))
                .map(d -> {
                    Replacement replacement = DEPRECATED.get(d.name());
                    return CspFinding.onDirective(FindingType.DEPRECATED_DIRECTIVE, FindingSeverity.INFO, d.name(),
                            d.name() + " " + replacement.reason() + "; browsers ignore it.", replacement.fix());
                })
                .toList();
    }
}
