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
     * The band for bucket {@code index}. The configuration keeps {@code lag − halfWidth} at least the
     * evaluation window, so the slot lies in history; it is cut at the start of the series.
     */
    Band bandAt(RateSeries series, int index, double k, double marginFraction) {
        int centre = index - lagBuckets;
        RobustStats stats = RobustStats.of(series, Math.max(0, centre - halfWidthBuckets), centre + halfWidthBuckets + 1);
        return Band.robust(stats, k, marginFraction, method);
    }
}
