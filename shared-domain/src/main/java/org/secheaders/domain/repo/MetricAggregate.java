package org.secheaders.domain.repo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import org.secheaders.domain.model.SecurityMetric;

/** Count, sum, minimum and maximum of one metric's samples in one time bucket. */
public record MetricAggregate(
        Instant bucketStart, String metricName, long count, BigDecimal sum, BigDecimal min, BigDecimal max) {

    public MetricAggregate {
        sum = SecurityMetric.normalize(sum);
        min = SecurityMetric.normalize(min);
        max = SecurityMetric.normalize(max);
    }

    /** Computed here rather than by SQL AVG, whose result scale differs between databases. */
    public BigDecimal average() {
        return sum.divide(BigDecimal.valueOf(count), SecurityMetric.SCALE, RoundingMode.HALF_UP);
    }
}
