package org.secheaders.domain.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.secheaders.domain.csp.CspDirective;
import org.secheaders.domain.csp.CspPolicy;

/**
 * Sources fetched over plain HTTP, which a network attacker can replace. Beyond the Evaluator's
 * {@code http://host} sources this also reports the bare {@code http:} scheme-source in any directive.
 */
final class SrcHttpCheck implements CspCheck {

    @Override
    public List<CspFinding> check(CspPolicy policy) {
        List<CspFinding> findings = new ArrayList<>();
        for (CspDirective directive : policy.directives()) {
            for (String value : SourceValues.serialized(directive.sources())) {
                String lower = value.toLowerCase(Locale.ROOT);
                if (lower.startsWith("http://") || lower.equals("http:")) {
                    findings.add(finding(directive.name(), value));
                }
            }
        }
        return findings;
    }

    private static CspFinding finding(String directive, String value) {
        if (directive.equals("report-uri")) {
            return CspFinding.onValue(FindingType.SRC_HTTP, FindingSeverity.MEDIUM, directive, value,
                    "Violation reports to " + value + " travel unencrypted.",
                    "Send reports to an https:// endpoint.");
        }
        return CspFinding.onValue(FindingType.SRC_HTTP, FindingSeverity.MEDIUM, directive, value,
                value + " in " + directive + " allows resources over unencrypted HTTP, which a network attacker "
                        + "can replace.",
                "Use https:// (or https:) instead of " + value + ".");
    }
}
