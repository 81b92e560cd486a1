package org.secheaders.enforcement.collector;

/**
 * A per-tenant token bucket: {@code reportsPerSecond} tokens refill continuously up to {@code burst};
 * each report in a body takes one.
 */
public record RateLimit(double reportsPerSecond, int burst) {
    public RateLimit {
        if (!(reportsPerSecond > 0) || Double.isInfinite(reportsPerSecond)) {
            throw new IllegalArgumentException("reportsPerSecond must be a positive number, was " + reportsPerSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1, was " + burst);
        }
    }

    /** 100 reports/s with bursts of 500 per tenant. */
    public static RateLimit defaults() {
        return new RateLimit(100, 500);
    }
}
