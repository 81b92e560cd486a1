package org.secheaders.domain.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Map;

/**
 * One metric sample or roll-up. Values carry exactly {@value #SCALE} decimal places, the
 * precision of the {@code DECIMAL(19,4)} column, so a stored value equals the value read back.
 *
 * @param metricType e.g. {@code violations}, {@code header_latency}, {@code compliance_score}
 * @param tags       dimensions such as directive or browser family (JSON object of strings)
 */
public record SecurityMetric(
        long id,
        long tenantId,
        String metricType,
        String metricName,
        BigDecimal metricValue,
        String measurementUnit,
        AggregationPeriod aggregationPeriod,
        Map<String, String> tags,
        Instant recordedAt) {

    public static final int SCALE = 4;

    public SecurityMetric {
        metricValue = normalize(metricValue);
        tags = Values.jsonMap(tags);
    }

    /** {@code value} rounded half-up to the stored scale. */
    public static BigDecimal normalize(BigDecimal value) {
        return Values.require(value, "metric_value").setScale(SCALE, RoundingMode.HALF_UP);
    }

    public record Draft(
            long tenantId,
            String metricType,
            String metricName,
            BigDecimal metricValue,
            String measurementUnit,
            AggregationPeriod aggregationPeriod,
            Map<String, String> tags,
            Instant recordedAt) {

        public Draft {
            Values.requireText(metricType, "metric_type");
            Values.requireText(metricName, "metric_name");
            metricValue = normalize(metricValue);
            Values.requireText(measurementUnit, "measurement_unit");
            Values.require(aggregationPeriod, "aggregation_period");
            tags = Values.jsonMap(tags);
            Values.require(recordedAt, "recorded_at");
        }
    }
}
