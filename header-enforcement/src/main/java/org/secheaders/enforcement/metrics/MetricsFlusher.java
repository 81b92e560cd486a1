package org.secheaders.enforcement.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.secheaders.domain.model.AggregationPeriod;
import org.secheaders.domain.model.HeaderProcessingMetric;
import org.secheaders.enforcement.TenantKey;
import org.secheaders.enforcement.support.OutageLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Periodically turns the {@link ProcessingTimes} interval histograms into {@code security_metrics}
 * rows ({@link HeaderProcessingMetric}): p50, p90, p99 and max in microseconds plus the request count,
 * per tenant, tagged with the tenant and this instance. If the sink fails, the interval data is kept and merged into the
 * next flush, so an outage widens one row's window instead of losing it.
 */
public final class MetricsFlusher implements AutoCloseable {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(MetricsFlusher.class);
    private static final double NANOS_PER_MICRO = 1_000.0;

    private final ProcessingTimes times;
    private final MetricSink sink;
    private final String instance;
    private final AggregationPeriod period;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final OutageLog outage = new OutageLog(LOG, "writing header-processing metrics");
    /** Data not yet written (only on the flusher thread, or under the lock for close()). */
    private final Map<Optional<TenantKey>, Histogram> pending = new HashMap<>();

    private MetricsFlusher(Builder builder) {
        this.times = builder.times;
        this.sink = builder.sink;
        this.instance = builder.instance;
        this.period = builder.period;
        this.clock = builder.clock;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "secheaders-metrics-flusher");
            thread.setDaemon(true);
            return thread;
        });
        long millis = builder.interval.toMillis();
        scheduler.scheduleWithFixedDelay(this::flush, millis, millis, TimeUnit.MILLISECONDS);
    }

    public static Builder builder(ProcessingTimes times, MetricSink sink) {
        return new Builder(times, sink);
    }

    /** Writes everything recorded since the last successful flush; safe to call from any thread. */
    public synchronized void flush() {
        times.drainIntervals((tenant, interval) -> pending.merge(tenant, interval, (held, more) -> {
            held.add(more);
            return held;
        }));
        if (pending.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<MetricSample> rows = new ArrayList<>(pending.size() * 5);
        pending.forEach((tenant, histogram) -> rows.addAll(rowsFor(tenant, histogram, now)));
        try {
            sink.write(List.copyOf(rows));
            pending.clear();
            outage.success();
        } catch (RuntimeException e) {
            outage.failure(e);
        }
    }

    /** Stops the schedule and writes what is left. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        flush();
    }

    private List<MetricSample> rowsFor(Optional<TenantKey> tenant, Histogram histogram, Instant now) {
        Map<String, String> tags = new HashMap<>();
        tags.put(HeaderProcessingMetric.INSTANCE_TAG, instance);
        tenant.ifPresent(t -> tags.put(HeaderProcessingMetric.TENANT_TAG, t.id()));
        return List.of(
                timeRow(tenant, HeaderProcessingMetric.TIME_P50, histogram.getValueAtPercentile(50), now, tags),
                timeRow(tenant, HeaderProcessingMetric.TIME_P90, histogram.getValueAtPercentile(90), now, tags),
                timeRow(tenant, HeaderProcessingMetric.TIME_P99, histogram.getValueAtPercentile(99), now, tags),
                timeRow(tenant, HeaderProcessingMetric.TIME_MAX, histogram.getMaxValue(), now, tags),
                row(tenant, HeaderProcessingMetric.REQUEST_COUNT, histogram.getTotalCount(), now, tags));
    }

    private MetricSample timeRow(Optional<TenantKey> tenant, HeaderProcessingMetric metric, long nanos, Instant now,
                                 Map<String, String> tags) {
        return row(tenant, metric, nanos / NANOS_PER_MICRO, now, tags);
    }

    private MetricSample row(Optional<TenantKey> tenant, HeaderProcessingMetric metric, double value, Instant now,
                             Map<String, String> tags) {
        return new MetricSample(now, tenant, HeaderProcessingMetric.METRIC_TYPE, metric.metricName(), value,
                metric.unit(), period, tags);
    }

    /** Flusher settings; {@link #build()} validates them and starts the schedule. */
    public static final class Builder {
        private final ProcessingTimes times;
        private final MetricSink sink;
        private Duration interval = DEFAULT_INTERVAL;
        private AggregationPeriod period = AggregationPeriod.RAW;
        private String instance = defaultInstanceName();
        private Clock clock = Clock.systemUTC();

        private Builder(ProcessingTimes times, MetricSink sink) {
            this.times = Objects.requireNonNull(times, "times");
            this.sink = Objects.requireNonNull(sink, "sink");
        }

        public Builder interval(Duration value) {
            if (value.toMillis() < 1) {
                throw new IllegalArgumentException("metrics flush interval must be at least 1 ms, was " + value);
            }
            this.interval = value;
            return this;
        }

        public Builder aggregationPeriod(AggregationPeriod value) {
            this.period = Objects.requireNonNull(value, "aggregationPeriod");
            return this;
        }

        /** The {@code instance} tag; defaults to the JVM's {@code pid@host} name. */
        public Builder instance(String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("metrics instance name must not be blank");
            }
            this.instance = value;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public MetricsFlusher build() {
            return new MetricsFlusher(this);
        }

        private static String defaultInstanceName() {
            return java.lang.management.ManagementFactory.getRuntimeMXBean().getName();
        }
    }
}
