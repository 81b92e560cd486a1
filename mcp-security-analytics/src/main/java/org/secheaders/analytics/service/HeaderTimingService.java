package org.secheaders.analytics.service;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.secheaders.domain.model.AggregationPeriod;
import org.secheaders.domain.model.HeaderProcessingMetric;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.repo.MetricAggregate;
import org.secheaders.domain.repo.MetricQuery;
import org.secheaders.domain.repo.MetricRepository;
import org.secheaders.domain.repo.TenantScope;
import org.secheaders.domain.repo.TimeBucket;

/**
 * Finds jumps in how long header enforcement takes: runs of minutes whose p99
 * ({@link HeaderProcessingMetric#TIME_P99}, written by the enforcement library's metrics flusher) is well
 * above the tenant's median of the previous 24 hours.
 */
public final class HeaderTimingService {

    private static final HeaderProcessingMetric P99 = HeaderProcessingMetric.TIME_P99;
    static final Duration BASELINE = Duration.ofHours(24);
    /** A minute breaches when its p99 is at least this multiple of the baseline median... */
    static final double JUMP_FACTOR = 2.0;
    /** ...and at least this many microseconds above it, so a 5 µs → 11 µs wobble is no regression. */
    static final double MIN_JUMP_MICROS = 100;
    static final int MIN_RUN_MINUTES = 3;
    /** Fewer baseline minutes than this give no trustworthy median. */
    static final int MIN_BASELINE_MINUTES = 10;

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final MetricRepository metrics;

    public HeaderTimingService(MetricRepository metrics) {
        this.metrics = metrics;
    }

    /** A run of minutes with a jumped p99; values in microseconds, the observed one the run's median. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TimingRegression(String tenant, long tenantId, String metric, Instant startedAt, Instant endedAt,
            double baselineP99Us, double observedP99Us, double ratio) {
    }

    /** Regressions that start inside {@code window}, for each of {@code tenants} that {@code scope} permits. */
    public List<TimingRegression> regressions(TenantScope scope, Map<Long, Tenant> tenants, TimeRange window) {
        List<TimingRegression> found = new ArrayList<>();
        tenants.values().stream().filter(tenant -> scope.permits(tenant.id()))
                .forEach(tenant -> found.addAll(regressions(tenant, window)));
        return found;
    }

    private List<TimingRegression> regressions(Tenant tenant, TimeRange window) {
        MetricQuery query = MetricQuery.all().withType(HeaderProcessingMetric.METRIC_TYPE).withName(P99.metricName())
                .withPeriod(AggregationPeriod.MINUTE).between(window.start().minus(BASELINE), window.end());
        // Several instances may report the same minute; the slowest one is what users felt.
        TreeMap<Instant, Double> perMinute = new TreeMap<>();
        for (MetricAggregate bucket : metrics.aggregate(TenantScope.tenant(tenant.id()), query, TimeBucket.MINUTE)) {
            perMinute.merge(bucket.bucketStart(), bucket.max().doubleValue(), Math::max);
        }
        List<Double> baseline = new ArrayList<>(perMinute.headMap(window.start()).values());
        if (baseline.size() < MIN_BASELINE_MINUTES) {
            return List.of();
        }
        double median = median(baseline);
        List<TimingRegression> regressions = new ArrayList<>();
        List<Map.Entry<Instant, Double>> run = new ArrayList<>();
        for (Map.Entry<Instant, Double> minute : perMinute.tailMap(window.start()).entrySet()) {
            boolean continues = run.isEmpty() || run.get(run.size() - 1).getKey().plus(MINUTE).equals(minute.getKey());
            if (!breaches(minute.getValue(), median) || !continues) {
                close(tenant, run, median, regressions);
            }
            if (breaches(minute.getValue(), median)) {
                run.add(minute);
            }
        }
        close(tenant, run, median, regressions);
        return regressions;
    }

    private static boolean breaches(double p99, double baseline) {
        return p99 >= JUMP_FACTOR * baseline && p99 - baseline >= MIN_JUMP_MICROS;
    }

    private static void close(Tenant tenant, List<Map.Entry<Instant, Double>> run, double baseline,
            List<TimingRegression> regressions) {
        if (run.size() >= MIN_RUN_MINUTES) {
            double observed = median(run.stream().map(Map.Entry::getValue).toList());
            regressions.add(new TimingRegression(tenant.slug(), tenant.id(), P99.metricName(), run.get(0).getKey(),
                    run.get(run.size() - 1).getKey().plus(MINUTE), Rounding.round(baseline), Rounding.round(observed),
                    Rounding.round(observed / baseline)));
        }
        run.clear();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
