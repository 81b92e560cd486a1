package org.secheaders.domain.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.secheaders.domain.model.AggregationPeriod;
import org.secheaders.domain.model.HeaderProcessingMetric;
import org.secheaders.domain.model.SecurityMetric;

/**
 * Header-processing time of a demo tenant, in the rows the header library's metrics flusher writes
 * ({@link HeaderProcessingMetric}: p50 and p99 in microseconds, tagged with the tenant and a demo
 * instance, plus the policy version in force): per UTC hour (the mean of the hour's minutes) over the
 * whole period, and per minute over the last {@value #MINUTE_DETAIL_DAYS} days and around the planted
 * regression. Time grows a little with load; rare GC-like spikes hit p99; during the planted policy
 * regression the oversized hashed policy makes both percentiles regress.
 */
final class HeaderMetrics {
    static final HeaderProcessingMetric P50 = HeaderProcessingMetric.TIME_P50;
    static final HeaderProcessingMetric P99 = HeaderProcessingMetric.TIME_P99;
    static final String INSTANCE = "demo-seed";

    /**
     * Minute rows cost as much to store as violations, so only the last two days (which include the
     * attack burst) get them, and the regressed tenant's minutes from a day before the planted
     * regression to an hour after its rollback: the analytics compare a minute's p99 with the
     * median of the previous day's minutes.
     */
    static final int MINUTE_DETAIL_DAYS = 2;
    static final Duration REGRESSION_BASELINE = Duration.ofDays(1).plusHours(1);
    static final Duration REGRESSION_AFTER = Duration.ofHours(1);
    private static final double MICROS_PER_MILLI = 1_000;

    private static final double LOAD_SLOWDOWN = 0.35;
    private static final double JITTER = 0.06;
    private static final double SPIKE_RATE = 0.002;
    private static final double REGRESSION_P50 = 2.3;
    private static final double REGRESSION_P99 = 6.5;

    private HeaderMetrics() {
    }

    /** One p50 and one p99 per UTC hour of the scenario and per minute of its last days, oldest first. */
    static List<SecurityMetric.Draft> generate(long tenantId, DemoTenant tenant, DemoScenario scenario,
                                               ReplayedPolicy policy, SplittableRandom random) {
        SiteModel model = tenant.kind().model();
        PlantedPattern.PolicyRegression regression = scenario.policyRegression();
        boolean regressed = regression.tenantSlug().equals(tenant.slug());
        Instant minuteDetailFrom = scenario.end().minus(Duration.ofDays(MINUTE_DETAIL_DAYS));
        Instant regressionDetailFrom = regression.changedAt().minus(REGRESSION_BASELINE);
        Instant regressionDetailTo = regression.rolledBackAt().plus(REGRESSION_AFTER);
        List<SecurityMetric.Draft> rows = new ArrayList<>();
        HourAverage hour = new HourAverage(scenario.start().truncatedTo(ChronoUnit.HOURS));
        for (Instant minute = scenario.start(); minute.isBefore(scenario.end()); minute = minute.plus(Duration.ofMinutes(1))) {
            if (!minute.truncatedTo(ChronoUnit.HOURS).equals(hour.start)) {
                hour.addRows(tenantId, tenant, policy, rows);
                hour = new HourAverage(minute.truncatedTo(ChronoUnit.HOURS));
            }
            double load = model.traffic().multiplier(minute.atZone(tenant.zone()));
            double p50 = model.headerP50Millis() * (1 + LOAD_SLOWDOWN * load) * (1 + JITTER * random.nextGaussian());
            double p99 = p50 * (4.2 + 1.3 * random.nextDouble());
            if (random.nextDouble() < SPIKE_RATE) {
                p99 *= 2.5 + 3 * random.nextDouble();
            }
            if (regressed && !minute.isBefore(regression.changedAt()) && minute.isBefore(regression.rolledBackAt())) {
                p50 *= REGRESSION_P50;
                p99 *= REGRESSION_P99;
            }
            boolean aroundRegression = regressed && !minute.isBefore(regressionDetailFrom)
                    && minute.isBefore(regressionDetailTo);
            if (!minute.isBefore(minuteDetailFrom) || aroundRegression) {
                Map<String, String> tags = tags(tenant, policy, minute);
                rows.add(row(tenantId, P50, p50, AggregationPeriod.MINUTE, tags, minute));
                rows.add(row(tenantId, P99, p99, AggregationPeriod.MINUTE, tags, minute));
            }
            hour.add(p50, p99);
        }
        hour.addRows(tenantId, tenant, policy, rows);
        return rows;
    }

    /** The minutes of one UTC hour seen so far. */
    private static final class HourAverage {
        private final Instant start;
        private double p50Sum;
        private double p99Sum;
        private int minutes;

        HourAverage(Instant start) {
            this.start = start;
        }

        void add(double p50, double p99) {
            p50Sum += p50;
            p99Sum += p99;
            minutes++;
        }

        void addRows(long tenantId, DemoTenant tenant, ReplayedPolicy policy, List<SecurityMetric.Draft> rows) {
            Map<String, String> tags = tags(tenant, policy, start);
            rows.add(row(tenantId, P50, p50Sum / minutes, AggregationPeriod.HOUR, tags, start));
            rows.add(row(tenantId, P99, p99Sum / minutes, AggregationPeriod.HOUR, tags, start));
        }
    }

    private static Map<String, String> tags(DemoTenant tenant, ReplayedPolicy policy, Instant at) {
        return Map.of(HeaderProcessingMetric.TENANT_TAG, tenant.slug(), HeaderProcessingMetric.INSTANCE_TAG, INSTANCE,
                "policy_version", Long.toString(policy.versionAt(at)));
    }

    private static SecurityMetric.Draft row(long tenantId, HeaderProcessingMetric metric, double millis,
                                            AggregationPeriod period, Map<String, String> tags, Instant at) {
        double micros = Math.max(millis, 0.0001) * MICROS_PER_MILLI;
        return new SecurityMetric.Draft(tenantId, HeaderProcessingMetric.METRIC_TYPE, metric.metricName(),
                BigDecimal.valueOf(micros), metric.unit(), period, tags, at);
    }
}
