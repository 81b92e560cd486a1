package org.secheaders.domain.anomaly;

import java.time.Duration;
import java.time.Instant;

/**
 * The buckets {@code [from, to)} of a series that are judged: the complete buckets of the last
 * evaluation window before {@code now}. Everything before {@code from} is history.
 */
record EvaluationWindow(int from, int to) {

    static EvaluationWindow of(RateSeries series, Instant now, Duration length) {
        int to = series.bucketsEndedBy(now);
        return new EvaluationWindow(Math.max(0, to - series.bucketsIn(length)), to);
    }

    boolean isEmpty() {
        return from == to;
    }
}
