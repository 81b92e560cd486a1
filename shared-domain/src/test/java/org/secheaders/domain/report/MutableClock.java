package org.secheaders.domain.report;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A test clock that only moves when told to. */
final class MutableClock implements InstantSource {
    private volatile Instant now;

    MutableClock(Instant start) {
        this.now = start;
    }

    @Override
    public Instant instant() {
        return now;
    }

    void advance(Duration duration) {
        now = now.plus(duration);
    }
}
