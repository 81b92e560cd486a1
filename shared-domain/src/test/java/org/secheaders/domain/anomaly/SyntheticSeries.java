package org.secheaders.domain.anomaly;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Random;

/** Builds minute series for tests: levels, seeded noise and distinct clients over ranges of minutes. */
final class SyntheticSeries {
    /** A Monday, aligned to every rollup width. */
    static final Instant T0 = Instant.parse("2025-03-03T00:00:00Z");
    static final Duration MINUTE = Duration.ofMinutes(1);
    static final SeriesKey TENANT = SeriesKey.tenant(42);

    private final long[] counts;
    private long[] clients;
    private final Random random = new Random(7);

    private SyntheticSeries(Duration length) {
        counts = new long[Math.toIntExact(length.toMinutes())];
    }

    static SyntheticSeries lasting(Duration length) {
        return new SyntheticSeries(length);
    }

    static Instant at(Duration offset) {
        return T0.plus(offset);
    }

    static AnomalyDetector detectorAt(Duration offset) {
        return detectorAt(DetectionConfig.defaults(), offset);
    }

    static AnomalyDetector detectorAt(DetectionConfig config, Duration offset) {
        return new AnomalyDetector(config, InstantSource.fixed(at(offset)));
    }

    static Duration hours(long hours) {
        return Duration.ofHours(hours);
    }

    static Duration minutes(long minutes) {
        return Duration.ofMinutes(minutes);
    }

    /** Every minute at {@code level}. */
    SyntheticSeries level(long level) {
        return level(Duration.ZERO, Duration.ofMinutes(counts.length), level);
    }

    SyntheticSeries level(Duration from, Duration length, long level) {
        Arrays.fill(counts, index(from), index(from.plus(length)), level);
        return this;
    }

    /** Every minute uniformly in {@code [centre - spread, centre + spread]}. */
    SyntheticSeries noise(long centre, int spread) {
        return noise(Duration.ZERO, Duration.ofMinutes(counts.length), centre, spread);
    }

    SyntheticSeries noise(Duration from, Duration length, long centre, int spread) {
        for (int i = index(from); i < index(from.plus(length)); i++) {
            counts[i] = centre - spread + random.nextInt(2 * spread + 1);
        }
        return this;
    }

    /** Sets counts minute by minute from {@code from}. */
    SyntheticSeries counts(Duration from, long... values) {
        System.arraycopy(values, 0, counts, index(from), values.length);
        return this;
    }

    /** Distinct clients per minute, capped by the count (zero elsewhere). */
    SyntheticSeries clients(Duration from, Duration length, long distinct) {
        if (clients == null) {
            clients = new long[counts.length];
        }
        for (int i = index(from); i < index(from.plus(length)); i++) {
            clients[i] = Math.min(distinct, counts[i]);
        }
        return this;
    }

    RateSeries build() {
        return build(TENANT);
    }

    RateSeries build(SeriesKey key) {
        return startingAt(key, Duration.ZERO);
    }

    /** The series from {@code offset} on, to test how much history is needed. */
    RateSeries startingAt(SeriesKey key, Duration offset) {
        int from = index(offset);
        long[] tail = Arrays.copyOfRange(counts, from, counts.length);
        return clients == null
                ? RateSeries.of(key, at(offset), MINUTE, tail)
                : RateSeries.of(key, at(offset), MINUTE, tail, Arrays.copyOfRange(clients, from, clients.length));
    }

    private static int index(Duration offset) {
        return Math.toIntExact(offset.toMinutes());
    }
}
