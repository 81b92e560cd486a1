package org.secheaders.domain.scan;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.secheaders.domain.grading.HeaderField;
import org.secheaders.domain.grading.RedirectHop;
import org.secheaders.domain.grading.ResponseEvidence;

/** What one scan gave: evidence for the grader and the compliance engine, or why there is none. */
public sealed interface ScanResult {

    /**
     * The site answered.
     *
     * @param evidence       everything the grader reads, with cookie values intact (the cookie
     *                       checks parse them); never show its headers unredacted, see
     *                       {@link RedactedHeaders}
     * @param chain          the URL requested and every redirect followed, each with its status;
     *                       the last hop is the response the evidence describes
     * @param finalStatus    status of that last response
     * @param elapsed        wall time of the whole scan, probes included
     * @param rawHeaderLines field lines of the last response, one per line received (names in
     *                       lower case and grouped by name, as the JDK client reports them) with
     *                       cookie values already redacted, for display as evidence
     */
    record Scanned(ResponseEvidence evidence, List<RedirectHop> chain, int finalStatus, Duration elapsed,
                   List<HeaderField> rawHeaderLines) implements ScanResult {
        public Scanned {
            Objects.requireNonNull(evidence, "evidence");
            Objects.requireNonNull(elapsed, "elapsed");
            chain = List.copyOf(chain);
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("chain must start with the URL requested");
            }
            // Redacted here so that no Scanned can carry a cookie value to a report or a log.
            rawHeaderLines = RedactedHeaders.redact(rawHeaderLines);
        }

        public URI requestedUrl() {
            return chain.get(0).url();
        }

        public URI finalUrl() {
            return chain.get(chain.size() - 1).url();
        }
    }

    /** No evidence; {@code message} names the URL and the problem in words a user can act on. */
    record NotEvaluated(NotEvaluatedReason reason, String message) implements ScanResult {
        public NotEvaluated {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }
}
