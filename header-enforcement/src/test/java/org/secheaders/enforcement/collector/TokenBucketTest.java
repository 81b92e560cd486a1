package org.secheaders.enforcement.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void aFullBucketAllowsTheBurstThenRefillsAtTheRate() {
        TokenBucket bucket = new TokenBucket(new RateLimit(100, 500), 0);

        assertEquals(0, bucket.tryTake(500, 0));
        assertEquals(SECOND / 100, bucket.tryTake(1, 0), "one token comes every 10 ms");
        assertEquals(0, bucket.tryTake(1, SECOND / 100));
        assertEquals(0, bucket.tryTake(100, SECOND + SECOND / 100));
    }

    @Test
    void aRefusedRequestTakesNothingAndABatchOverTheBurstTakesTheWholeBucket() {
        TokenBucket bucket = new TokenBucket(new RateLimit(10, 5), 0);

        assertEquals(0, bucket.tryTake(100, 0), "a 100-report batch against a 5-token burst takes all 5");
        assertEquals(SECOND / 2, bucket.tryTake(5, 0));
        assertEquals(0, bucket.tryTake(5, SECOND / 2), "the refusal took nothing");
    }

    @Test
    void tenantsHaveTheirOwnBuckets() {
        AtomicLong now = new AtomicLong();
        TenantRateLimiter limiter = new TenantRateLimiter(new RateLimit(1, 1), now::get);

        assertEquals(Optional.empty(), limiter.tryAcquire(1, 1));
        assertEquals(Optional.of(Duration.ofSeconds(1)), limiter.tryAcquire(1, 1));
        assertEquals(Optional.empty(), limiter.tryAcquire(2, 1));
        now.set(SECOND);
        assertEquals(Optional.empty(), limiter.tryAcquire(1, 1));
    }
}
