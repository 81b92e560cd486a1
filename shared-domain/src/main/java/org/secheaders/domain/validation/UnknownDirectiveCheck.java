package org.secheaders.domain.validation;

import java.util.List;

import org.secheaders.domain.csp.CspDirective;
import org.secheaders.domain.csp.CspPolicy;
import org.secheaders.domain.csp.KnownDirective;

/** Directive names no browser knows, usually typos; they are ignored. */
final class UnknownDirectiveCheck implements CspCheck {

    @Override
    public List<CspFinding> check(CspPolicy policy) {
        return policy.directives().stream()
                .map(CspDirective::name)
                .filter(name -> KnownDirective.fromName(name).isEmpty())
                .map(UnknownDirectiveCheck::finding)
                .toList();
    }

    private static CspFinding finding(String name) {
        if (name.endsWith(":")) {
            String bare = name.substring(0, name.length() - 1);
            return CspFinding.onDirective(FindingType.UNKNOWN_DIRECTIVE, FindingSeverity.SYNTAX, name,
                    "Directive names do not end with a colon; '" + name + "' is ignored.",
                    "Write '" + bare + "' without the colon.");
        }
        return CspFinding.onDirective(FindingType.UNKNOWN_DIRECTIVE, FindingSeverity.SYNTAX, name,
                "'" + name + "' is not a CSP directive; browsers ignore it.",
                "Check the spelling against the CSP3 directive list, or remove it.");
    }
}
