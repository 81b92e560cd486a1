package org.secheaders.domain.repo;

import java.time.Instant;
import java.util.Optional;
import org.secheaders.domain.model.AggregationPeriod;

/**
 * Filters for metric queries and aggregates; every present filter must match.
 *
 * @param from inclusive lower bound of {@code recorded_at}
 * @param to   exclusive upper bound of {@code recorded_at}
 */
public record MetricQuery(
        Optional<String> metricType,
        Optional<String> metricName,
        Optional<AggregationPeriod> period,
        Optional<Instant> from,
        Optional<Instant> to) {

    private static final MetricQuery ALL = new MetricQuery(
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public static MetricQuery all() {
        return ALL;
    }

    public MetricQuery withType(String value) {
        return new MetricQuery(Optional.of(value), metricName, period, from, to);
    }

    public MetricQuery withName(String value) {
        return new MetricQuery(metricType, Optional.of(value), period, from, to);
    }

    public MetricQuery withPeriod(AggregationPeriod value) {
        return new MetricQuery(metricType, metricName, Optional.of(value), from, to);
    }

    /** Samples recorded in {@code [start, end)}. */
    public MetricQuery between(Instant start, Instant end) {
        return new MetricQuery(metricType, metricName, period, Optional.of(start), Optional.of(end));
    }
}
