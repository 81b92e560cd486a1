package org.secheaders.enforcement.collector;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One {@link TokenBucket} per tenant. Only tenants the platform knows reach it (unknown ones get 404
 * first), so the map is bounded by the number of tenants.
 */
final class TenantRateLimiter {
    private final RateLimit limit;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<Long, TokenBucket> buckets = new ConcurrentHashMap<>();

    TenantRateLimiter(RateLimit limit, LongSupplier nanoClock) {
        this.limit = limit;
        this.nanoClock = nanoClock;
    }

    /** @return empty if the tenant may send {@code reports} now, else how long to wait */
    Optional<Duration> tryAcquire(long tenantId, int reports) {
        long now = nanoClock.getAsLong();
        long wait = buckets.computeIfAbsent(tenantId, id -> new TokenBucket(limit, now)).tryTake(reports, now);
        return wait == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(wait));
    }
}
