package org.secheaders.enforcement.collector;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** The collector's answer to one report request. */
public sealed interface Submission {

    /**
     * The body is in the write-ahead log (and, in {@link SyncMode#FSYNC} mode, on disk): it will be
     * stored even if the process dies now. Answer 204.
     *
     * @param reports reports in the body, CSP or other types
     */
    record Accepted(int reports) implements Submission {
    }

    /**
     * Nothing was kept. {@code message} is short, safe to send to the client, and names the problem.
     *
     * @param retryAfter when the client may try again (429 and 503)
     */
    record Rejected(RejectReason reason, String message, Optional<Duration> retryAfter) implements Submission {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(retryAfter, "retryAfter");
        }

        static Rejected of(RejectReason reason, String message) {
            return new Rejected(reason, message, Optional.empty());
        }

        static Rejected retryLater(RejectReason reason, String message, Duration retryAfter) {
            return new Rejected(reason, message, Optional.of(retryAfter));
        }
    }
}
