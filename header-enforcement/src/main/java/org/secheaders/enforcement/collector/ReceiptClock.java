package org.secheaders.enforcement.collector;

import java.time.Instant;
import java.time.InstantSource;

/**
 * The pipeline's clock while the worker processes a record: the record's receipt time, never going
 * back. Dedupe windows thus follow when reports arrived, not when they were processed, and a replay
 * after a crash sees the same times as the first attempt. Used by the worker thread only.
 */
final class ReceiptClock implements InstantSource {
    private Instant now = Instant.EPOCH;

    void advanceTo(Instant receivedAt) {
        if (receivedAt.isAfter(now)) {
            now = receivedAt;
        }
    }

    @Override
    public Instant instant() {
        return now;
    }
}
