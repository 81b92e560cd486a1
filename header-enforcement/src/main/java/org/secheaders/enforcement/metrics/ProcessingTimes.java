package org.secheaders.enforcement.metrics;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.secheaders.enforcement.TenantKey;

/**
 * The library's own processing time per tenant, in nanoseconds. One HdrHistogram
 * {@link Recorder} per tenant: recording is wait-free for request threads, and the flusher takes
 * interval histograms without stopping them.
 *
 * <p>Callers record under the tenant whose policy was served (never a raw client-supplied key),
 * so the number of recorders is bounded by the number of tenants the policy source knows.
 */
public final class ProcessingTimes {
    private static final int SIGNIFICANT_DIGITS = 3;

    private final ConcurrentHashMap<TenantKey, Recorder> byTenant = new ConcurrentHashMap<>();
    private final Recorder platformOnly = new Recorder(SIGNIFICANT_DIGITS);

    /** Records one request's processing time; an empty tenant means the platform baseline was served. */
    public void record(Optional<TenantKey> tenant, long nanos) {
        Recorder recorder = tenant.isPresent() ? recorderOf(tenant.get()) : platformOnly;
        recorder.recordValue(Math.max(0, nanos));
    }

    /** A plain read first: computeIfAbsent may lock the bin even when the tenant is present. */
    private Recorder recorderOf(TenantKey tenant) {
        Recorder recorder = byTenant.get(tenant);
        return recorder != null ? recorder : byTenant.computeIfAbsent(tenant, t -> new Recorder(SIGNIFICANT_DIGITS));
    }

    /** Hands every non-empty interval histogram since the previous call to {@code consumer}. */
    void drainIntervals(BiConsumer<Optional<TenantKey>, Histogram> consumer) {
        byTenant.forEach((tenant, recorder) -> drain(recorder, Optional.of(tenant), consumer));
        drain(platformOnly, Optional.empty(), consumer);
    }

    private static void drain(Recorder recorder, Optional<TenantKey> tenant,
                              BiConsumer<Optional<TenantKey>, Histogram> consumer) {
        Histogram interval = recorder.getIntervalHistogram();
        if (interval.getTotalCount() > 0) {
            consumer.accept(tenant, interval);
        }
    }
}
