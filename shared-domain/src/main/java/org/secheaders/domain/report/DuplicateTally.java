package org.secheaders.domain.report;

import java.time.Instant;
import java.util.Objects;

/**
 * Duplicates counted after a dedupe window's first report was emitted; emitted when the window closes so
 * that nothing is dropped silently. Apply it to the stored violation identified by (tenant, dedupe key,
 * window start = its received_at) as an increment.
 *
 * @param duplicates      reports folded into the window after the first emission
 * @param distinctClients distinct client keys seen in the window, saturating at 16
 */
public record DuplicateTally(
        long tenantId, String dedupeKey, Instant windowStart, Instant lastSeen, long duplicates, int distinctClients) {
    public DuplicateTally {
        Objects.requireNonNull(dedupeKey, "dedupeKey");
        Objects.requireNonNull(windowStart, "windowStart");
        Objects.requireNonNull(lastSeen, "lastSeen");
    }
}
