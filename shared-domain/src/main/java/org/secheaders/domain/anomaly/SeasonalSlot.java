package org.secheaders.domain.anomaly;

import java.time.Duration;

/**
 * A same-slot comparison in buckets: the robust band of the buckets within {@code halfWidth} of
 * {@code lag} before the judged bucket.
 */
record SeasonalSlot(DetectionMethod method, Duration lag, int lagBuckets, int halfWidthBuckets) {

    static SeasonalSlot of(DetectionMethod method, Seasonality seasonality, RateSeries series,
            Duration halfWidth) {
        return new SeasonalSlot(method, seasonality.lag(), series.bucketsIn(seasonality.lag()),
                series.bucketsIn(halfWidth));
    }

    /**
     * The band for each judged bucket, in window order. The configuration keeps {@code lag − halfWidth}
     * at least the evaluation window, so every slot lies in history; slots are cut at the series start.
     */
    Band[] bands(RateSeries series, EvaluationWindow window, double k, double marginFraction) {
        Band[] bands = new Band[window.to() - window.from()];
        SortedWindow slot = new SortedWindow(2 * halfWidthBuckets + 1);
        int low = Math.max(0, window.from() - lagBuckets - halfWidthBuckets);
        int high = low;
        for (int i = window.from(); i < window.to(); i++) {
            int centre = i - lagBuckets;
            // Remove before adding so the window never holds more than its capacity.
            for (int start = Math.max(0, centre - halfWidthBuckets); low < start; low++) {
                slot.remove(series.count(low));
            }
            for (int end = centre + halfWidthBuckets + 1; high < end; high++) {
                slot.add(series.count(high));
            }
            bands[i - window.from()] = Band.robust(slot.stats(), k, marginFraction, method);
        }
        return bands;
    }
}
