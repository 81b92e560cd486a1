package org.secheaders.enforcement.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.secheaders.domain.model.AggregationPeriod;
import org.secheaders.enforcement.TenantKey;

class MetricsFlusherTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final TenantKey ACME = new TenantKey("acme");

    private final ProcessingTimes times = new ProcessingTimes();
    private final InMemoryMetricSink sink = new InMemoryMetricSink();

    @Test
    void writesPercentilesInMicrosecondsAndTheCountPerTenant() {
        for (int micros = 1; micros <= 100; micros++) {
            times.record(Optional.of(ACME), micros * 1_000L);
        }
        times.record(Optional.empty(), 7_000);

        try (MetricsFlusher flusher = flusher(sink)) {
            flusher.flush();
        }

        Map<String, MetricSample> acme = byName(Optional.of(ACME));
        assertEquals(50.0, acme.get("header_processing_time_p50").value(), 0.1);
        assertEquals(90.0, acme.get("header_processing_time_p90").value(), 0.1);
        assertEquals(99.0, acme.get("header_processing_time_p99").value(), 0.1);
        assertEquals(100.0, acme.get("header_processing_time_max").value(), 0.1);
        assertEquals(100.0, acme.get("header_processing_count").value());
        MetricSample p99 = acme.get("header_processing_time_p99");
        assertEquals("header_processing", p99.metricType());
        assertEquals("microseconds", p99.unit());
        assertEquals(AggregationPeriod.MINUTE, p99.aggregationPeriod());
        assertEquals(NOW, p99.recordedAt());
        assertEquals(Map.of("tenant", "acme", "instance", "node-1"), p99.tags());

        Map<String, MetricSample> platform = byName(Optional.empty());
        assertEquals(1.0, platform.get("header_processing_count").value());
        assertEquals(Map.of("instance", "node-1"), platform.get("header_processing_count").tags());
    }

    @Test
    void writesOnlyWhatWasRecordedSinceTheLastFlush() {
        try (MetricsFlusher flusher = flusher(sink)) {
            times.record(Optional.of(ACME), 1_000);
            flusher.flush();
            flusher.flush();
            assertEquals(5, sink.samples().size());
            times.record(Optional.of(ACME), 2_000);
            flusher.flush();
        }
        assertEquals(10, sink.samples().size());
        assertEquals(2.0, sink.samples().get(8).value(), 0.01);
    }

    @Test
    void aFailedWriteKeepsTheDataForTheNextFlush() {
        AtomicBoolean down = new AtomicBoolean(true);
        MetricSink flaky = samples -> {
            if (down.get()) {
                throw new IllegalStateException("database down");
            }
            sink.write(samples);
        };
        try (MetricsFlusher flusher = flusher(flaky)) {
            times.record(Optional.of(ACME), 1_000);
            flusher.flush();
            assertTrue(sink.samples().isEmpty());
            times.record(Optional.of(ACME), 3_000);
            down.set(false);
            flusher.flush();
        }
        Map<String, MetricSample> acme = byName(Optional.of(ACME));
        assertEquals(2.0, acme.get("header_processing_count").value());
        assertEquals(3.0, acme.get("header_processing_time_max").value(), 0.01);
    }

    @Test
    void theScheduleFlushesOnItsOwn() throws InterruptedException {
        times.record(Optional.of(ACME), 1_000);
        MetricsFlusher flusher = MetricsFlusher.builder(times, sink).interval(Duration.ofMillis(20)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (sink.samples().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        flusher.close();
        assertEquals(5, sink.samples().size());
        assertEquals(AggregationPeriod.RAW, sink.samples().get(0).aggregationPeriod());
    }

    private MetricsFlusher flusher(MetricSink target) {
        return MetricsFlusher.builder(times, target)
                .interval(Duration.ofHours(1))
                .aggregationPeriod(AggregationPeriod.MINUTE)
                .instance("node-1")
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();
    }

    private Map<String, MetricSample> byName(Optional<TenantKey> tenant) {
        return sink.samples().stream()
                .filter(s -> s.tenant().equals(tenant))
                .collect(Collectors.toMap(MetricSample::metricName, s -> s));
    }
}
