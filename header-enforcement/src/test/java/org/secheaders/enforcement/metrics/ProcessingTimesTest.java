package org.secheaders.enforcement.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.secheaders.enforcement.TenantKey;

class ProcessingTimesTest {
    private final ProcessingTimes times = new ProcessingTimes();

    @Test
    void keepsOneHistogramPerTenantAndOneForThePlatformBaseline() {
        times.record(Optional.of(new TenantKey("a")), 1_500);
        times.record(Optional.of(new TenantKey("a")), 2_500);
        times.record(Optional.of(new TenantKey("b")), 900_000);
        times.record(Optional.empty(), 10);

        Map<Optional<TenantKey>, Histogram> drained = drain();
        assertEquals(3, drained.size());
        assertEquals(2, drained.get(Optional.of(new TenantKey("a"))).getTotalCount());
        assertEquals(900_000, drained.get(Optional.of(new TenantKey("b"))).getMaxValue(), 1_000);
        assertEquals(1, drained.get(Optional.<TenantKey>empty()).getTotalCount());
    }

    @Test
    void drainingResetsTheIntervalAndSkipsIdleTenants() {
        times.record(Optional.of(new TenantKey("a")), 1_000);
        drain();
        times.record(Optional.empty(), 5);
        Map<Optional<TenantKey>, Histogram> second = drain();
        assertEquals(Map.of(Optional.empty(), 1L), Map.of(Optional.empty(), second.get(Optional.<TenantKey>empty()).getTotalCount()));
        assertEquals(1, second.size());
    }

    private Map<Optional<TenantKey>, Histogram> drain() {
        Map<Optional<TenantKey>, Histogram> drained = new HashMap<>();
        times.drainIntervals(drained::put);
        return drained;
    }
}
