package org.secheaders.domain.compliance.check;

import java.util.List;
import java.util.Optional;

import org.secheaders.domain.grading.ResponseHeaders;

/**
 * A cross-origin isolation header (COOP, COEP, CORP): one structured-field token, parameters
 * allowed ({@code same-origin; report-to="x"}). Tokens are case-sensitive and a header sent twice is
 * invalid, so browsers fall back to the default; both read as "no valid value".
 */
record IsolationHeader(Optional<String> token, Optional<String> raw, List<String> lines) {

    static IsolationHeader read(ResponseHeaders headers, String name) {
        Optional<String> raw = headers.combined(name);
        Optional<String> token = raw.filter(v -> !v.contains(","))
                .map(HeaderLists::token)
                .filter(t -> !t.isEmpty());
        return new IsolationHeader(token, raw, EvidenceLines.of(headers, name));
    }
}
