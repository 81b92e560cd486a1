package org.secheaders.domain.compliance.run;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.secheaders.domain.compliance.EvidenceSource;

/**
 * What a run judged, for display and storage: never a cookie value.
 *
 * @param url           the URL scanned (URL targets only)
 * @param headerLines   the judged header lines as {@code Name: value}, cookie values redacted
 * @param redirectChain each hop of a scan as {@code status url}, the last one the response judged
 * @param notEvaluated  why a scan gave no response (unreachable, TLS, timeout, ...): every
 *                      response check is then {@code not_evaluated}
 */
public record TargetEvidence(EvidenceSource source, Optional<String> url, List<String> headerLines,
                             List<String> redirectChain, Optional<String> notEvaluated) {
    public TargetEvidence {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(url, "url");
        headerLines = List.copyOf(headerLines);
        redirectChain = List.copyOf(redirectChain);
        Objects.requireNonNull(notEvaluated, "notEvaluated");
    }

    /** {@code configured}, {@code supplied}, or the URL scanned. */
    public String label() {
        return url.orElse(source.wireName());
    }
}
