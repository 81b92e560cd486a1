package org.secheaders.enforcement.collector;

import java.util.concurrent.TimeUnit;

/** A token bucket on a nanosecond clock: refills continuously at a fixed rate up to its capacity. */
final class TokenBucket {
    private final double tokensPerNano;
    private final double capacity;
    /** Guarded by this. */
    private double tokens;
    private long refilledAt;

    TokenBucket(RateLimit limit, long nowNanos) {
        this.tokensPerNano = limit.reportsPerSecond() / TimeUnit.SECONDS.toNanos(1);
        this.capacity = limit.burst();
        this.tokens = capacity;
        this.refilledAt = nowNanos;
    }

    /**
     * Takes {@code count} tokens if there are that many (a count above the capacity takes all of it).
     *
     * @return 0 if taken, else the nanoseconds until enough tokens will be there; nothing is taken then
     */
    synchronized long tryTake(int count, long nowNanos) {
        double wanted = Math.min(count, capacity);
        tokens = Math.min(capacity, tokens + (nowNanos - refilledAt) * tokensPerNano);
        refilledAt = nowNanos;
        if (tokens >= wanted) {
            tokens -= wanted;
            return 0;
        }
        return (long) Math.ceil((wanted - tokens) / tokensPerNano);
    }
}
