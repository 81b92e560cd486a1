package org.secheaders.domain.csp;

import java.util.List;

/** A parsed policy and what the parser noticed on the way. */
public record CspParseResult(CspPolicy policy, List<CspParseFinding> findings) {
    public CspParseResult {
        findings = List.copyOf(findings);
    }

    public boolean isClean() {
        return findings.isEmpty();
    }
}
