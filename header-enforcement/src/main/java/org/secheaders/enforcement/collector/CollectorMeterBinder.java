package org.secheaders.enforcement.collector;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.secheaders.domain.report.NoiseCategory;

/**
 * The collector's {@link CollectorMetrics} as Micrometer meters (needs {@code micrometer-core}, an
 * optional dependency of this library), e.g. for a Prometheus {@code /metrics}. Counters and gauges
 * read the collector's own counts when scraped, so they include everything since the collector
 * started; the lag timer records each body stored after binding. Every label comes from a closed set
 * (reject reason, noise category): no tenant, host, rule pattern or report type a browser could vary.
 */
public final class CollectorMeterBinder implements MeterBinder {

    /** Fixed buckets, so the lag aggregates across instances; the collector aims at well under a second. */
    private static final Duration[] LAG_BUCKETS = {
            Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30)};

    private final CollectorMetrics metrics;

    public CollectorMeterBinder(ReportCollector collector) {
        this.metrics = collector.metrics();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        counter(registry, "csp.collector.requests.accepted", "Report requests answered 204",
                CollectorMetrics.Snapshot::acceptedRequests);
        counter(registry, "csp.collector.reports.accepted", "Reports (CSP and other types) in accepted requests",
                CollectorMetrics.Snapshot::acceptedReports);
        for (RejectReason reason : RejectReason.values()) {
            FunctionCounter.builder("csp.collector.requests.rejected", metrics, m -> m.snapshot().rejected(reason))
                    .description("Report requests refused, by reason and HTTP status")
                    .tag("reason", reason.wireName())
                    .tag("status", Integer.toString(reason.status()))
                    .register(registry);
        }
        for (NoiseCategory category : NoiseCategory.values()) {
            FunctionCounter.builder("csp.collector.reports.noise", metrics, m -> noise(m.snapshot(), category))
                    .description("CSP reports the noise filter matched (stored as false_positive), by category")
                    .tag("category", category.id())
                    .register(registry);
        }
        counter(registry, "csp.collector.reports.duplicate",
                "Reports counted on an identical report's row instead of a row of their own",
                CollectorMetrics.Snapshot::duplicates);
        counter(registry, "csp.collector.reports.invalid", "Batch items the parser skipped (the rest was kept)",
                CollectorMetrics.Snapshot::invalidReports);
        counter(registry, "csp.collector.reports.other.type",
                "Reporting API reports of other types than csp-violation (counted, not stored)",
                s -> s.otherReportsByType().values().stream().mapToLong(Long::longValue).sum());
        counter(registry, "csp.collector.reports.stored", "CSP reports stored (rows plus duplicate counts)",
                CollectorMetrics.Snapshot::storedReports);
        counter(registry, "csp.collector.rows.stored", "Violation rows inserted",
                CollectorMetrics.Snapshot::storedRows);
        counter(registry, "csp.collector.records.dropped", "Accepted bodies whose tenant was gone when processed",
                CollectorMetrics.Snapshot::droppedRecords);
        counter(registry, "csp.collector.store.failures", "Failed attempts to store a batch (each retried)",
                CollectorMetrics.Snapshot::storeFailures);
        gauge(registry, "csp.collector.backlog.records", "Bodies accepted and not yet stored (the queue depth)",
                CollectorMetrics.Snapshot::backlogRecords);
        gauge(registry, "csp.collector.backlog.bytes", "Write-ahead log bytes accepted and not yet stored",
                CollectorMetrics.Snapshot::backlogBytes);
        gauge(registry, "csp.collector.wal.segments", "Write-ahead log segment files on disk",
                CollectorMetrics.Snapshot::walSegments);
        Timer lag = Timer.builder("csp.collector.lag")
                .description("Receipt (the 204) to stored in the database, per body")
                .serviceLevelObjectives(LAG_BUCKETS)
                .register(registry);
        metrics.observeLag(micros -> lag.record(micros, TimeUnit.MICROSECONDS));
    }

    private void counter(MeterRegistry registry, String name, String description,
                         ToDoubleFunction<CollectorMetrics.Snapshot> value) {
        FunctionCounter.builder(name, metrics, m -> value.applyAsDouble(m.snapshot()))
                .description(description)
                .register(registry);
    }

    private void gauge(MeterRegistry registry, String name, String description,
                       ToDoubleFunction<CollectorMetrics.Snapshot> value) {
        Gauge.builder(name, metrics, m -> value.applyAsDouble(m.snapshot()))
                .description(description)
                .register(registry);
    }

    /** Noise rule ids are {@code category:rule}; the rule (a pattern, possibly a tenant's) stays out of the label. */
    private static long noise(CollectorMetrics.Snapshot snapshot, NoiseCategory category) {
        String prefix = category.id() + ":";
        return snapshot.noiseByRule().entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }
}
