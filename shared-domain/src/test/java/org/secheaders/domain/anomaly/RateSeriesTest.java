package org.secheaders.domain.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secheaders.domain.anomaly.SyntheticSeries.MINUTE;
import static org.secheaders.domain.anomaly.SyntheticSeries.T0;
import static org.secheaders.domain.anomaly.SyntheticSeries.TENANT;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RateSeriesTest {
    private static Instant minute(int index) {
        return T0.plus(Duration.ofMinutes(index));
    }

    @Test
    void zeroFillsSparseBuckets() {
        RateSeries series = RateSeries.fromSparse(TENANT, T0, minute(5), MINUTE, Map.of(minute(1), 4L, minute(4), 9L));

        assertEquals(RateSeries.of(TENANT, T0, MINUTE, new long[] {0, 4, 0, 0, 9}), series);
        assertEquals(minute(5), series.end());
        assertEquals(OptionalLong.empty(), series.distinctClients(1));
    }

    @Test
    void zeroFillsSparseDistinctClients() {
        RateSeries series = RateSeries.fromSparse(TENANT, T0, minute(3), MINUTE, Map.of(minute(1), 4L),
                Map.of(minute(1), 3L));

        assertEquals(OptionalLong.of(3), series.distinctClients(1));
        assertEquals(OptionalLong.of(0), series.distinctClients(0));
    }

    @Test
    void rejectsBucketsOffTheGrid() {
        IllegalArgumentException offGrid = assertThrows(IllegalArgumentException.class, () -> RateSeries.fromSparse(
                TENANT, T0, minute(5), MINUTE, Map.of(minute(1).plusSeconds(30), 1L)));
        assertTrue(offGrid.getMessage().contains("2025-03-03T00:01:30Z"), offGrid.getMessage());

        assertThrows(IllegalArgumentException.class,
                () -> RateSeries.fromSparse(TENANT, T0, minute(5), MINUTE, Map.of(minute(5), 1L)));
        assertThrows(IllegalArgumentException.class,
                () -> RateSeries.fromSparse(TENANT, T0, minute(5), MINUTE, Map.of(minute(-1), 1L)));
        assertThrows(IllegalArgumentException.class,
                () -> RateSeries.fromSparse(TENANT, T0, minute(5).plusSeconds(1), MINUTE, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> RateSeries.fromSparse(TENANT, minute(5), T0, MINUTE, Map.of()));
    }

    @Test
    void rejectsImpossibleCounts() {
        assertThrows(IllegalArgumentException.class, () -> RateSeries.of(TENANT, T0, MINUTE, new long[] {1, -1}));
        assertThrows(IllegalArgumentException.class,
                () -> RateSeries.of(TENANT, T0, MINUTE, new long[] {1, 2}, new long[] {1, 3}));
        assertThrows(IllegalArgumentException.class,
                () -> RateSeries.of(TENANT, T0, MINUTE, new long[] {1, 2}, new long[] {1}));
    }

    @Test
    void copiesItsInput() {
        long[] counts = {1, 2, 3};
        RateSeries series = RateSeries.of(TENANT, T0, MINUTE, counts);
        counts[0] = 99;

        assertEquals(1, series.count(0));
    }

    @Test
    void rollupSumsCountsAndKeepsTheLargestClientCount() {
        long[] counts = new long[10];
        long[] clients = new long[10];
        for (int i = 0; i < 10; i++) {
            counts[i] = i + 1;
            clients[i] = i % 3;
        }
        RateSeries fiveMinutes = RateSeries.of(TENANT, T0, MINUTE, counts, clients).rollup(Duration.ofMinutes(5));

        assertEquals(RateSeries.of(TENANT, T0, Duration.ofMinutes(5), new long[] {15, 40}, new long[] {2, 2}),
                fiveMinutes);
    }

    @Test
    void rollupAlignsToTheEpochAndDropsPartialGroups() {
        // Starts at 00:03: minutes 3-4 precede the first 5-minute boundary, 15-16 trail the last full group.
        RateSeries series = RateSeries.of(TENANT, minute(3), MINUTE, new long[] {1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4});

        assertEquals(RateSeries.of(TENANT, minute(5), Duration.ofMinutes(5), new long[] {10, 15}),
                series.rollup(Duration.ofMinutes(5)));
    }

    @Test
    void rollupRejectsWidthsThatAreNotMultiples() {
        RateSeries series = RateSeries.of(TENANT, T0, Duration.ofMinutes(2), new long[] {1, 2, 3});

        assertThrows(IllegalArgumentException.class, () -> series.rollup(Duration.ofMinutes(5)));
        assertThrows(IllegalArgumentException.class,
                () -> RateSeries.of(TENANT, T0.plusSeconds(30), MINUTE, new long[] {1}).rollup(Duration.ofMinutes(5)));
    }

    @Test
    void equalityIsByValue() {
        RateSeries a = RateSeries.of(TENANT, T0, MINUTE, new long[] {1, 2});

        assertEquals(a, RateSeries.of(TENANT, T0, MINUTE, new long[] {1, 2}));
        assertEquals(a.hashCode(), RateSeries.of(TENANT, T0, MINUTE, new long[] {1, 2}).hashCode());
        assertNotEquals(a, RateSeries.of(TENANT, T0, MINUTE, new long[] {1, 3}));
        assertNotEquals(a, RateSeries.of(TENANT, T0, MINUTE, new long[] {1, 2}, new long[] {1, 2}));
    }
}
