package org.secheaders.domain.report;

import java.time.Instant;
import java.util.Objects;

/**
 * The deduplicator's answer: {@code first} opens a window (emit the report, received at
 * {@code windowStart}); otherwise the report was counted into the open window that started then.
 */
public record Admission(boolean first, Instant windowStart) {
    public Admission {
        Objects.requireNonNull(windowStart, "windowStart");
    }
}
