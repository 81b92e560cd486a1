package org.secheaders.enforcement.collector;

import java.util.Locale;

/** Why the collector refused a request, with the HTTP status it answers. */
public enum RejectReason {
    /** The body is not a report: bad JSON, wrong shape, missing fields (the message names the problem). */
    MALFORMED(400),
    /** No tenant in the path or host, or one the platform does not know (or has suspended). */
    UNKNOWN_TENANT(404),
    METHOD_NOT_ALLOWED(405),
    PAYLOAD_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    /** The tenant's token bucket is empty. */
    RATE_LIMITED(429),
    /** Too many accepted reports are still waiting to be stored; nothing was appended. */
    BACKLOG_FULL(503),
    /** The write-ahead log cannot be written, or the collector is shutting down. */
    UNAVAILABLE(503);

    private final int status;

    RejectReason(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** Lower-case label for metrics, e.g. {@code rate_limited}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
