package org.secheaders.domain.anomaly;

/** One band's expectation and bounds for a bucket, and the method that produced it. */
record Band(double expected, double lower, double upper, DetectionMethod method) {

    /**
     * Median ± max(k·MAD, margin·median): the margin keeps a zero-MAD series from treating any
     * change as an outlier, while a real spike still clears it.
     */
    static Band robust(RobustStats stats, double k, double marginFraction, DetectionMethod method) {
        double halfWidth = Math.max(k * stats.mad(), marginFraction * stats.median());
        return new Band(stats.median(), Math.max(0, stats.median() - halfWidth), stats.median() + halfWidth, method);
    }
}
