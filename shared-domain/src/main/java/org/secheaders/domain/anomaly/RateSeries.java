package org.secheaders.domain.anomaly;

import static org.secheaders.domain.anomaly.Seasonality.requirePositive;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Report counts of one series in consecutive, equally wide buckets, optionally with the number of
 * distinct clients per bucket. Immutable. A class rather than a record because it holds arrays, which
 * records would compare by identity; equality here is by value.
 */
public final class RateSeries {
    private static final double NANOS_PER_MINUTE = Duration.ofMinutes(1).toNanos();

    private final SeriesKey key;
    private final Instant start;
    private final Duration bucketWidth;
    private final long[] counts;
    /** Null when the source did not count distinct clients. */
    private final long[] distinctClients;

    private RateSeries(SeriesKey key, Instant start, Duration bucketWidth, long[] counts, long[] distinctClients) {
        this.key = Objects.requireNonNull(key, "key");
        this.start = Objects.requireNonNull(start, "start");
        requirePositive(bucketWidth, "bucketWidth");
        this.bucketWidth = bucketWidth;
        this.counts = counts.clone();
        this.distinctClients = distinctClients == null ? null : distinctClients.clone();
        for (int i = 0; i < this.counts.length; i++) {
            if (this.counts[i] < 0) {
                throw new IllegalArgumentException("count " + this.counts[i] + " at " + bucketStart(i) + " is negative");
            }
        }
        if (this.distinctClients != null) {
            requireConsistentClients();
        }
    }

    /** A series from dense counts, bucket {@code i} starting at {@code start + i·bucketWidth}. */
    public static RateSeries of(SeriesKey key, Instant start, Duration bucketWidth, long[] counts) {
        return new RateSeries(key, start, bucketWidth, Objects.requireNonNull(counts, "counts"), null);
    }

    /** As {@link #of(SeriesKey, Instant, Duration, long[])}, with distinct clients per bucket (each ≤ the count). */
    public static RateSeries of(SeriesKey key, Instant start, Duration bucketWidth, long[] counts,
            long[] distinctClients) {
        return new RateSeries(key, start, bucketWidth, Objects.requireNonNull(counts, "counts"),
                Objects.requireNonNull(distinctClients, "distinctClients"));
    }

    /**
     * A series covering {@code [from, to)} from sparse rows (bucket start → count), zero-filling missing
     * buckets. Every bucket start must lie on the grid {@code from + i·bucketWidth} inside the range.
     */
    public static RateSeries fromSparse(SeriesKey key, Instant from, Instant to, Duration bucketWidth,
            Map<Instant, Long> counts) {
        return new RateSeries(key, from, bucketWidth, zeroFilled(from, to, bucketWidth, counts, "count"), null);
    }

    /** As {@link #fromSparse(SeriesKey, Instant, Instant, Duration, Map)}, with sparse distinct-client counts. */
    public static RateSeries fromSparse(SeriesKey key, Instant from, Instant to, Duration bucketWidth,
            Map<Instant, Long> counts, Map<Instant, Long> distinctClients) {
        return new RateSeries(key, from, bucketWidth, zeroFilled(from, to, bucketWidth, counts, "count"),
                zeroFilled(from, to, bucketWidth, distinctClients, "distinct clients"));
    }

    public SeriesKey key() {
        return key;
    }

    public Instant start() {
        return start;
    }

    /** The end of the last bucket (exclusive). */
    public Instant end() {
        return start.plus(bucketWidth.multipliedBy(counts.length));
    }

    public Duration bucketWidth() {
        return bucketWidth;
    }

    public int size() {
        return counts.length;
    }

    public long count(int index) {
        return counts[index];
    }

    /** Distinct clients in a bucket, when the series tracks them. */
    public OptionalLong distinctClients(int index) {
        return distinctClients == null ? OptionalLong.empty() : OptionalLong.of(distinctClients[index]);
    }

    /** The start of bucket {@code index}; {@code index == size()} gives {@link #end()}. */
    public Instant bucketStart(int index) {
        return start.plus(bucketWidth.multipliedBy(index));
    }

    /**
     * Sums buckets into wider ones aligned to multiples of {@code width} since the epoch (so rollups of
     * different queries line up); partial groups at either end are dropped because they would understate
     * the rate. Distinct clients cannot be summed, so a rolled-up bucket carries the largest per-bucket
     * value, a lower bound.
     */
    public RateSeries rollup(Duration width) {
        requirePositive(width, "width");
        long factor = wholeBuckets(width, bucketWidth);
        if (factor < 1 || !bucketWidth.multipliedBy(factor).equals(width)) {
            throw new IllegalArgumentException(
                    "rollup width " + width + " is not a whole multiple of the bucket width " + bucketWidth);
        }
        long offset = Math.floorMod(-Duration.between(Instant.EPOCH, start).toNanos(), width.toNanos());
        if (offset % bucketWidth.toNanos() != 0) {
            throw new IllegalArgumentException(
                    "buckets starting at " + start + " never align with multiples of " + width);
        }
        int first = (int) Math.min(counts.length, offset / bucketWidth.toNanos());
        int groups = (int) ((counts.length - first) / factor);
        long[] sums = new long[groups];
        long[] clients = distinctClients == null ? null : new long[groups];
        for (int g = 0; g < groups; g++) {
            for (int i = first + (int) (g * factor), end = i + (int) factor; i < end; i++) {
                sums[g] += counts[i];
                if (clients != null) {
                    clients[g] = Math.max(clients[g], distinctClients[i]);
                }
            }
        }
        return new RateSeries(key, bucketStart(first), width, sums, clients);
    }

    /** How many whole buckets fit in {@code duration}. */
    int bucketsIn(Duration duration) {
        return Math.toIntExact(wholeBuckets(duration, bucketWidth));
    }

    /** How many buckets have ended by {@code now}: later ones are still filling and are not judged. */
    int bucketsEndedBy(Instant now) {
        if (!now.isAfter(start)) {
            return 0;
        }
        return (int) Math.min(counts.length, wholeBuckets(Duration.between(start, now), bucketWidth));
    }

    /** Bucket width in minutes, to turn per-minute floors into per-bucket ones. */
    double minutesPerBucket() {
        return bucketWidth.toNanos() / NANOS_PER_MINUTE;
    }

    private void requireConsistentClients() {
        if (distinctClients.length != counts.length) {
            throw new IllegalArgumentException("distinctClients has " + distinctClients.length
                    + " buckets but counts has " + counts.length);
        }
        for (int i = 0; i < counts.length; i++) {
            if (distinctClients[i] < 0 || distinctClients[i] > counts[i]) {
                throw new IllegalArgumentException("distinct clients " + distinctClients[i] + " at " + bucketStart(i)
                        + " must be between 0 and the count " + counts[i]);
            }
        }
    }

    private static long[] zeroFilled(Instant from, Instant to, Duration bucketWidth, Map<Instant, Long> sparse,
            String what) {
        Objects.requireNonNull(sparse, what);
        long[] dense = new long[bucketCount(from, to, bucketWidth)];
        sparse.forEach((bucket, value) -> dense[bucketIndex(from, bucketWidth, dense.length, bucket)] =
                Objects.requireNonNull(value, () -> what + " at " + bucket));
        return dense;
    }

    /** How many buckets of {@code bucketWidth} make up {@code [from, to)}, which must be a whole number of them. */
    public static int bucketCount(Instant from, Instant to, Duration bucketWidth) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        requirePositive(bucketWidth, "bucketWidth");
        Duration span = Duration.between(from, to);
        if (span.isNegative()) {
            throw new IllegalArgumentException("to " + to + " is before from " + from);
        }
        long buckets = wholeBuckets(span, bucketWidth);
        if (!bucketWidth.multipliedBy(buckets).equals(span)) {
            throw new IllegalArgumentException(
                    "[" + from + ", " + to + ") is not a whole number of " + bucketWidth + " buckets");
        }
        return Math.toIntExact(buckets);
    }

    /**
     * The index of the bucket starting at {@code bucket} among {@code size} buckets of {@code bucketWidth}
     * from {@code from}; a start off that grid is rejected.
     */
    public static int bucketIndex(Instant from, Duration bucketWidth, int size, Instant bucket) {
        Objects.requireNonNull(bucket, "bucket start");
        long index;
        boolean onGrid;
        if (from.getNano() == 0 && bucket.getNano() == 0 && bucketWidth.getNano() == 0) {
            // Whole seconds (every real series): plain long arithmetic, one call per loaded row.
            long seconds = bucket.getEpochSecond() - from.getEpochSecond();
            index = seconds / bucketWidth.getSeconds();
            onGrid = seconds >= 0 && seconds % bucketWidth.getSeconds() == 0;
        } else {
            Duration offset = Duration.between(from, bucket);
            index = wholeBuckets(offset, bucketWidth);
            onGrid = !offset.isNegative() && bucketWidth.multipliedBy(index).equals(offset);
        }
        if (!onGrid || index >= size) {
            throw new IllegalArgumentException("bucket " + bucket + " is not on the " + bucketWidth
                    + " grid of [" + from + ", " + from.plus(bucketWidth.multipliedBy(size)) + ")");
        }
        return (int) index;
    }

    /**
     * How many whole {@code width}s fit in {@code span}, truncated toward zero like
     * {@link Duration#dividedBy(Duration)}, whose BigDecimal arithmetic took most of the anomaly
     * tools' CPU time when called per loaded row (BENCHMARKS.md); whole seconds divide as longs.
     */
    static long wholeBuckets(Duration span, Duration width) {
        if (span.getNano() == 0 && width.getNano() == 0) {
            return span.getSeconds() / width.getSeconds();
        }
        return span.dividedBy(width);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RateSeries that
                && key.equals(that.key)
                && start.equals(that.start)
                && bucketWidth.equals(that.bucketWidth)
                && Arrays.equals(counts, that.counts)
                && Arrays.equals(distinctClients, that.distinctClients);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, start, bucketWidth, Arrays.hashCode(counts), Arrays.hashCode(distinctClients));
    }

    @Override
    public String toString() {
        return "RateSeries[key=" + key + ", start=" + start + ", bucketWidth=" + bucketWidth
                + ", buckets=" + counts.length + ", distinctClients=" + (distinctClients != null) + "]";
    }
}
