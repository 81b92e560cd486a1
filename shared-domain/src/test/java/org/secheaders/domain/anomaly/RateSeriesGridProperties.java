package org.secheaders.domain.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The long arithmetic that places rows on a series' grid agrees with {@link Duration}'s own. */
class RateSeriesGridProperties {

    @Property(tries = 2000)
    void wholeBucketsDividesLikeDuration(@ForAll @LongRange(min = -10_000_000, max = 10_000_000) long spanSeconds,
            @ForAll @IntRange(min = 0, max = 999_999_999) int spanNanos, @ForAll boolean wholeSeconds,
            @ForAll @LongRange(min = 0, max = 100_000) long widthSeconds,
            @ForAll @IntRange(min = 0, max = 999_999_999) int widthNanos) {
        Duration span = Duration.ofSeconds(spanSeconds, wholeSeconds ? 0 : spanNanos);
        Duration width = wholeSeconds ? Duration.ofSeconds(Math.max(1, widthSeconds))
                : Duration.ofSeconds(widthSeconds, widthNanos);
        if (width.isZero()) {
            width = Duration.ofNanos(1);
        }
        assertEquals(span.dividedBy(width), RateSeries.wholeBuckets(span, width), span + " / " + width);
    }

    @Property(tries = 1000)
    void sparseRowsLandOnTheirBucketOrAreRejected(@ForAll @IntRange(min = 1, max = 300) int widthSeconds,
            @ForAll @IntRange(min = 1, max = 50) int buckets, @ForAll @LongRange(min = -400, max = 20_000) long offsetSeconds,
            @ForAll @IntRange(min = 0, max = 2) int nanosKind) {
        Instant from = Instant.parse("2026-12-01T00:00:00Z").plusNanos(nanosKind == 1 ? 500 : 0);
        Duration width = Duration.ofSeconds(widthSeconds);
        Instant to = from.plus(width.multipliedBy(buckets));
        Instant row = from.plusSeconds(offsetSeconds).plusNanos(nanosKind == 2 ? 1 : 0);
        Duration offset = Duration.between(from, row);
        long index = offset.dividedBy(width);
        boolean onGrid = !offset.isNegative() && width.multipliedBy(index).equals(offset) && index < buckets;
        SeriesKey key = SeriesKey.tenant(1);
        if (onGrid) {
            RateSeries series = RateSeries.fromSparse(key, from, to, width, Map.of(row, 7L));
            assertEquals(7, series.count((int) index));
        } else {
            assertThrows(IllegalArgumentException.class, () -> RateSeries.fromSparse(key, from, to, width, Map.of(row, 7L)));
        }
    }
}
