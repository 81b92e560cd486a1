package org.secheaders.domain.anomaly;

import java.util.Arrays;

/** Median, median absolute deviation (raw, unscaled) and mean of a run of counts. */
record RobustStats(double median, double mad, double mean, int size) {

    /** Statistics of buckets {@code [from, to)}; the range must not be empty. */
    static RobustStats of(RateSeries series, int from, int to) {
        long[] values = new long[to - from];
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            values[i] = series.count(from + i);
            sum += values[i];
        }
        Arrays.sort(values);
        return ofSorted(values, values.length, sum);
    }

    /**
     * Statistics of {@code sorted[0, size)}, ascending, whose total is {@code sum}. The absolute
     * deviations are already two sorted runs, falling left of the median and rising right of it, so
     * merging them outwards from the median finds the MAD without another sort.
     */
    static RobustStats ofSorted(long[] sorted, int size, double sum) {
        if (size < 1) {
            throw new IllegalArgumentException("no counts to describe");
        }
        int middle = size / 2;
        double median = size % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
        int left = middle - 1;
        int right = middle;
        double previous = 0;
        double current = 0;
        for (int taken = 0; taken <= middle; taken++) {
            previous = current;
            if (right < size && (left < 0 || sorted[right] - median <= median - sorted[left])) {
                current = sorted[right++] - median;
            } else {
                current = median - sorted[left--];
            }
        }
        double mad = size % 2 == 1 ? current : (previous + current) / 2;
        return new RobustStats(median, mad, sum / size, size);
    }
}
