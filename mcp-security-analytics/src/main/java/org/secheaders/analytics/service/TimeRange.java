package org.secheaders.analytics.service;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A half-open period {@code [start, end)} of receipt times. */
public record TimeRange(Instant start, Instant end) {

    public TimeRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("start " + start + " must be before end " + end);
        }
    }

    /** The {@code length} before {@code end}. */
    public static TimeRange ending(Instant end, Duration length) {
        return new TimeRange(end.minus(length), end);
    }

    @JsonIgnore
    public Duration length() {
        return Duration.between(start, end);
    }

    /** Hours covered, fractional. */
    @JsonProperty("hours")
    public double hours() {
        return length().toMillis() / 3_600_000.0;
    }

    /** The period of equal length just before this one, for trends. */
    @JsonIgnore
    public TimeRange previous() {
        return new TimeRange(start.minus(length()), start);
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    /** Consecutive pieces of at most {@code step}, the last one possibly shorter. */
    public List<TimeRange> split(Duration step) {
        List<TimeRange> pieces = new ArrayList<>();
        for (Instant from = start; from.isBefore(end); from = from.plus(step)) {
            Instant to = from.plus(step);
            pieces.add(new TimeRange(from, to.isAfter(end) ? end : to));
        }
        return pieces;
    }
}
