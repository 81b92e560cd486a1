package org.secheaders.domain.validation;

import java.util.List;

import org.secheaders.domain.csp.CspDirective;
import org.secheaders.domain.csp.CspPolicy;

/** Neither {@code object-src} nor {@code default-src} restricts plugins (an empty one counts as missing). */
final class MissingObjectSrcCheck implements CspCheck {

    @Override
    public List<CspFinding> check(CspPolicy policy) {
        boolean restricted = policy.directive("object-src").or(() -> policy.directive("default-src"))
                .map(CspDirective::sources)
                .map(sources -> !sources.isEmpty())
                .orElse(false);
        if (restricted) {
            return List.of();
        }
        return List.of(CspFinding.onDirective(FindingType.MISSING_DIRECTIVES, FindingSeverity.HIGH, "object-src",
                "No object-src: plugins (<object>, <embed>) can be injected and can run script.",
                "Add object-src 'none'."));
    }
}
