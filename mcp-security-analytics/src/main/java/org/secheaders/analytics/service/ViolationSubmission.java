package org.secheaders.analytics.service;

import java.util.Objects;
import org.secheaders.domain.report.CspViolationReport;

/** What a caller hands in: a browser's report body as sent, or a report built from structured fields. */
public sealed interface ViolationSubmission {

    /** A request body in either wire format, with the content type it came with. */
    record RawReport(String contentType, byte[] body) implements ViolationSubmission {
        public RawReport {
            Objects.requireNonNull(contentType, "contentType");
            body = body.clone();
        }
    }

    /** One violation given field by field. */
    record StructuredReport(CspViolationReport report) implements ViolationSubmission {
        public StructuredReport {
            Objects.requireNonNull(report, "report");
        }
    }
}
