package org.secheaders.domain.anomaly;

import java.util.Arrays;

/** Median, median absolute deviation (raw, unscaled) and mean of a run of buckets. */
record RobustStats(double median, double mad, double mean, int size) {

    /** Statistics of buckets {@code [from, to)}; the range must not be empty. */
    static RobustStats of(RateSeries series, int from, int to) {
        int size = to - from;
        if (size < 1) {
            throw new IllegalArgumentException("no buckets in [" + from + ", " + to + ")");
        }
        double[] values = new double[size];
        double sum = 0;
        for (int i = 0; i < size; i++) {
            values[i] = series.count(from + i);
            sum += values[i];
        }
        Arrays.sort(values);
        double median = medianOfSorted(values);
        for (int i = 0; i < size; i++) {
            values[i] = Math.abs(values[i] - median);
        }
        Arrays.sort(values);
        return new RobustStats(median, medianOfSorted(values), sum / size, size);
    }

    private static double medianOfSorted(double[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
