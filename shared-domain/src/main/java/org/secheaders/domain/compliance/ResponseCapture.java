package org.secheaders.domain.compliance;

import java.util.Objects;

import org.secheaders.domain.grading.ResponseEvidence;

/** The response part of the evidence: captured, or why it could not be (a scan that timed out). */
public sealed interface ResponseCapture {

    /** The response was captured. */
    record Captured(ResponseEvidence evidence) implements ResponseCapture {
        public Captured {
            Objects.requireNonNull(evidence, "evidence");
        }
    }

    /** No response: every check that reads one is reported as not evaluated, with this reason. */
    record Unavailable(String reason) implements ResponseCapture {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
            if (reason.isBlank()) {
                throw new IllegalArgumentException("an unavailable response needs a reason");
            }
        }
    }
}
