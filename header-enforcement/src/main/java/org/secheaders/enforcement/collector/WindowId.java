package org.secheaders.enforcement.collector;

import java.time.Instant;
import java.util.Objects;

/** A dedupe window: a tenant's identical reports from {@code start} on, stored on one row whose created_at is start. */
record WindowId(long tenantId, String dedupeKey, Instant start) {
    WindowId {
        Objects.requireNonNull(dedupeKey, "dedupeKey");
        Objects.requireNonNull(start, "start");
    }
}
