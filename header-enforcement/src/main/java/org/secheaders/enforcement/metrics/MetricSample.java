package org.secheaders.enforcement.metrics;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.secheaders.domain.model.AggregationPeriod;
import org.secheaders.enforcement.TenantKey;

/**
 * One {@code security_metrics} row as the library produces it.
 *
 * @param tenant empty for requests no tenant was resolved for (served the platform baseline)
 * @param tags   {@code tenant} (when present) and {@code instance}
 */
public record MetricSample(
        Instant recordedAt,
        Optional<TenantKey> tenant,
        String metricType,
        String metricName,
        double value,
        String unit,
        AggregationPeriod aggregationPeriod,
        Map<String, String> tags) {

    public MetricSample {
        tags = Map.copyOf(tags);
    }
}
