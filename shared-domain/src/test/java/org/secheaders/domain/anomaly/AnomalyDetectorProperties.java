package org.secheaders.domain.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secheaders.domain.anomaly.SyntheticSeries.MINUTE;
import static org.secheaders.domain.anomaly.SyntheticSeries.T0;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.IntToLongFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/**
 * Generalizes {@link AnomalyDetectorTest} over random short series. Windows are scaled down (2 h
 * baseline, seasons of 70 and 100 minutes) so that every path, including the seasonal bands and the
 * Poisson test, is reached in a few hundred buckets. Each series ends at {@code now}, so its last
 * 60 buckets are the evaluation window.
 */
class AnomalyDetectorProperties {
    private static final int WINDOW = 60;
    private static final DetectionConfig CONFIG = DetectionConfig.builder()
            .baselineWindow(Duration.ofMinutes(120))
            .minimumBaseline(Duration.ofMinutes(30))
            .daily(new Seasonality(Duration.ofMinutes(70), Duration.ofMinutes(70)))
            .weekly(new Seasonality(Duration.ofMinutes(100), Duration.ofMinutes(120)))
            .seasonalSlotHalfWidth(Duration.ofMinutes(5))
            .evaluationWindow(Duration.ofMinutes(WINDOW))
            .build();

    private static List<RateAnomaly> detect(RateSeries series) {
        return new AnomalyDetector(CONFIG, InstantSource.fixed(series.end())).detect(series);
    }

    @Provide
    Arbitrary<RateSeries> series() {
        return shapes(Arbitraries.longs().between(0, 300), Arbitraries.longs().between(0, 5000));
    }

    /** Series whose every count is at least 5, so the baseline median keeps them on the MAD path. */
    @Provide
    Arbitrary<RateSeries> busySeries() {
        return Arbitraries.longs().between(10, 300).flatMap(level ->
                shapes(Arbitraries.just(level), Arbitraries.longs().between(level, 5000)));
    }

    /** A noisy level with one block at another level somewhere near or in the evaluation window. */
    private static Arbitrary<RateSeries> shapes(Arbitrary<Long> levels, Arbitrary<Long> blockLevels) {
        return Combinators.combine(
                Arbitraries.integers().between(20, 200),
                levels,
                Arbitraries.integers().between(0, 50),
                Arbitraries.integers().between(0, 90),
                Arbitraries.integers().between(0, 30),
                blockLevels,
                Arbitraries.longs(),
                Arbitraries.of(true, false)).as(AnomalyDetectorProperties::synthetic);
    }

    private static RateSeries synthetic(int history, long level, int spreadPercent, int blockOffset, int blockLength,
            long blockLevel, long seed, boolean trackClients) {
        Random random = new Random(seed);
        int spread = (int) (level * spreadPercent / 100);
        long[] counts = new long[history + WINDOW];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = level - spread + random.nextInt(2 * spread + 1);
        }
        int blockStart = Math.max(0, history - 30 + blockOffset);
        for (int i = blockStart; i < Math.min(counts.length, blockStart + blockLength); i++) {
            counts[i] = blockLevel;
        }
        if (!trackClients) {
            return RateSeries.of(SyntheticSeries.TENANT, T0, MINUTE, counts);
        }
        long[] clients = new long[counts.length];
        for (int i = 0; i < counts.length; i++) {
            clients[i] = Math.min(counts[i], random.nextInt(8));
        }
        return RateSeries.of(SyntheticSeries.TENANT, T0, MINUTE, counts, clients);
    }

    /** The same series under another key, with each count replaced. */
    private static RateSeries mapped(RateSeries series, SeriesKey key, IntToLongFunction count) {
        long[] counts = new long[series.size()];
        long[] clients = new long[series.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = count.applyAsLong(i);
            clients[i] = series.distinctClients(i).orElse(0);
        }
        return series.distinctClients(0).isPresent()
                ? RateSeries.of(key, series.start(), series.bucketWidth(), counts, clients)
                : RateSeries.of(key, series.start(), series.bucketWidth(), counts);
    }

    private static boolean isRise(Anomaly anomaly) {
        return anomaly.kind() == AnomalyKind.SPIKE || anomaly.kind() == AnomalyKind.SUSTAINED_RISE;
    }

    /** Every rise in {@code before} lies inside some rise in {@code after}. */
    private static void assertRisesKept(List<RateAnomaly> before, List<RateAnomaly> after) {
        List<RateAnomaly> rises = before.stream().filter(AnomalyDetectorProperties::isRise).toList();
        Statistics.label("has a rise").collect(!rises.isEmpty());
        Statistics.label("has a rise").coverage(check -> check.check(true).percentage(p -> p >= 5));
        for (RateAnomaly rise : rises) {
            assertTrue(after.stream().filter(AnomalyDetectorProperties::isRise).anyMatch(kept ->
                    !kept.windowStart().isAfter(rise.windowStart()) && !kept.windowEnd().isBefore(rise.windowEnd())),
                    () -> rise + " is not covered by " + after);
        }
    }

    @Property(tries = 1000)
    void sameSeriesGiveTheSameAnomaliesInTheSameOrder(@ForAll("series") RateSeries a, @ForAll("series") RateSeries b,
            @ForAll("series") RateSeries c) {
        SeriesKey keyA = SeriesKey.group(1, "script-src", "a.example");
        SeriesKey keyB = SeriesKey.group(1, "script-src", "b.example");
        SeriesKey keyC = SeriesKey.tenant(1);
        List<RateSeries> forwards = List.of(mapped(a, keyA, a::count), mapped(b, keyB, b::count),
                mapped(c, keyC, c::count));
        List<RateSeries> reordered = List.of(mapped(c, keyC, c::count), mapped(a, keyA, a::count),
                mapped(b, keyB, b::count));
        // Different lengths give different evaluation windows; fix one instant for all three.
        InstantSource now = InstantSource.fixed(T0.plus(Duration.ofMinutes(230)));

        List<Anomaly> first = new AnomalyDetector(CONFIG, now).detect(forwards, Set.of(keyA));
        List<Anomaly> second = new AnomalyDetector(CONFIG, now).detect(reordered, Set.of(keyA));

        assertEquals(first, second);
        assertEquals(detect(a), detect(mapped(a, a.key(), a::count)));
    }

    @Property(tries = 1000)
    void raisingCountsInTheWindowNeverRemovesARise(@ForAll("series") RateSeries series,
            @ForAll @Size(WINDOW) List<@LongRange(min = 0, max = 2000) Long> boosts) {
        // The bands come from history only, so a bucket above its band stays above, and passes the gate.
        int windowStart = series.size() - WINDOW;
        RateSeries boosted = mapped(series, series.key(),
                i -> series.count(i) + (i < windowStart ? 0 : boosts.get(i - windowStart)));

        assertRisesKept(detect(series), detect(boosted));
    }

    @Property(tries = 1000)
    void scalingABusySeriesNeverRemovesARise(@ForAll("busySeries") RateSeries series,
            @ForAll @IntRange(min = 1, max = 100) int factor) {
        // With every count ≥ 5 the median stays on the MAD path; median, MAD and so every band scale
        // exactly by the factor, while the count floor only gets easier to pass.
        RateSeries scaled = mapped(series, series.key(), i -> series.count(i) * factor);

        assertRisesKept(detect(series), detect(scaled));
    }
}
