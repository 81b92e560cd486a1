package org.secheaders.domain.validation;

import java.util.List;

import org.secheaders.domain.csp.CspParser;

/** Test helpers: run a check on a serialized policy and summarise findings as comparable strings. */
final class Findings {

    private Findings() {
    }

    static List<CspFinding> run(CspCheck check, String policy) {
        return check.check(CspParser.parse(policy).policy());
    }

    /** "TYPE SEVERITY directive [value]" per finding, in order. */
    static List<String> summary(List<CspFinding> findings) {
        return findings.stream()
                .map(f -> f.type() + " " + f.severity() + " " + f.directive() + f.value().map(v -> " " + v).orElse(""))
                .toList();
    }

    static List<String> summary(CspCheck check, String policy) {
        return summary(run(check, policy));
    }
}
