package org.secheaders.domain.scan;

import java.time.Duration;

/** The end of a scan's total time budget, on the monotonic clock. */
record Deadline(long endNanos) {

    static Deadline after(Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos());
    }

    Duration remaining() {
        return Duration.ofNanos(endNanos - System.nanoTime());
    }

    /** "5 s" or "300 ms", for messages. */
    static String describe(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
