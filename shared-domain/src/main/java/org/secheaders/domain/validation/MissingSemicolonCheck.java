package org.secheaders.domain.validation;

import java.util.ArrayList;
import java.util.List;

import org.secheaders.domain.csp.CspDirective;
import org.secheaders.domain.csp.CspPolicy;
import org.secheaders.domain.csp.KnownDirective;

/** A directive name among another directive's values: the separating semicolon was probably forgotten. */
final class MissingSemicolonCheck implements CspCheck {

    @Override
    public List<CspFinding> check(CspPolicy policy) {
        List<CspFinding> findings = new ArrayList<>();
        for (CspDirective directive : policy.directives()) {
            for (String value : SourceValues.serialized(directive.sources())) {
                if (KnownDirective.fromName(value).isPresent()) {
                    findings.add(CspFinding.onValue(FindingType.MISSING_SEMICOLON, FindingSeverity.SYNTAX,
                            directive.name(), value,
                            "'" + value + "' is a directive name inside the value of " + directive.name()
                                    + "; it and everything after it are read as sources of " + directive.name() + ".",
                            "Insert ';' before '" + value + "'."));
                }
            }
        }
        return findings;
    }
}
