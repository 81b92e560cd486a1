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
    public double hours() {
        return length().toMillis() / 3_600_000.0;
    }

    /** How results show the length: hours to three decimals. */
    @JsonProperty("hours")
    double roundedHours() {
        return Rounding.round(hours());
    }

    /** The period of equal length just before this one, for trends. */
    @JsonIgnore
    public TimeRange previous() {
        return new TimeRange(start.minus(length()), start);
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    /**
     * Consecutive pieces cut at the multiples of {@code step} since the epoch (for 12 hours: UTC midnight
     * and noon), so that overlapping ranges share their whole pieces; the first and the last piece may be
     * shorter.
     */
    public List<TimeRange> split(Duration step) {
        List<TimeRange> pieces = new ArrayList<>();
        for (Instant from = start; from.isBefore(end); ) {
            Instant to = Instant.EPOCH.plus(step.multipliedBy(Math.floorDiv(from.getEpochSecond(), step.toSeconds()) + 1));
            pieces.add(new TimeRange(from, to.isAfter(end) ? end : to));
            from = to;
        }
        return pieces;
    }
}
