package org.secheaders.domain.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class RobustStatsProperties {

    /** The textbook definition: sort, take the middle; sort the deviations, take their middle. */
    private static double[] medianAndMad(long[] values) {
        double[] sorted = Arrays.stream(values).asDoubleStream().sorted().toArray();
        double median = middle(sorted);
        double[] deviations = Arrays.stream(sorted).map(v -> Math.abs(v - median)).sorted().toArray();
        return new double[] {median, middle(deviations)};
    }

    private static double middle(double[] sorted) {
        int half = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
    }

    @Property(tries = 1000)
    void mergedDeviationsGiveTheTextbookMad(@ForAll @Size(min = 1, max = 80) List<@LongRange(min = 0, max = 50) Long> counts) {
        long[] values = counts.stream().mapToLong(Long::longValue).toArray();
        RobustStats stats = RobustStats.of(RateSeries.of(SeriesKey.tenant(1), Instant.EPOCH, Duration.ofMinutes(1),
                values), 0, values.length);

        double[] expected = medianAndMad(values);
        assertEquals(expected[0], stats.median());
        assertEquals(expected[1], stats.mad());
        assertEquals(Arrays.stream(values).average().orElseThrow(), stats.mean(), 1e-9);
    }

    @Property(tries = 1000)
    void slidingWindowMatchesRecomputing(@ForAll @Size(min = 1, max = 120) List<@LongRange(min = 0, max = 20) Long> counts,
            @ForAll @IntRange(min = 1, max = 15) int width) {
        long[] values = counts.stream().mapToLong(Long::longValue).toArray();
        SortedWindow window = new SortedWindow(width);
        for (int end = 0; end < values.length; end++) {
            if (end >= width) {
                window.remove(values[end - width]);
            }
            window.add(values[end]);
            long[] current = Arrays.copyOfRange(values, Math.max(0, end - width + 1), end + 1);
            double[] expected = medianAndMad(current);
            RobustStats stats = window.stats();
            assertEquals(expected[0], stats.median());
            assertEquals(expected[1], stats.mad());
        }
    }
}
