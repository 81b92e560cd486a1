package org.secheaders.domain.model;

/**
 * The {@code security_metrics} rows of type {@value #METRIC_TYPE}: how long header enforcement took
 * per response, as the enforcement library's metrics flusher writes them (per interval, tenant and
 * instance) and as the demo seeder plants them. One definition, so writers and readers (the analytics
 * server's timing regressions) cannot drift apart.
 */
public enum HeaderProcessingMetric {
    TIME_P50("header_processing_time_p50", Unit.MICROSECONDS),
    TIME_P90("header_processing_time_p90", Unit.MICROSECONDS),
    TIME_P99("header_processing_time_p99", Unit.MICROSECONDS),
    TIME_MAX("header_processing_time_max", Unit.MICROSECONDS),
    REQUEST_COUNT("header_processing_count", Unit.COUNT);

    public static final String METRIC_TYPE = "header_processing";
    /** Tag naming the tenant (its slug) whose responses were timed. */
    public static final String TENANT_TAG = "tenant";
    /** Tag naming the process that timed them, so instances reporting the same minute stay apart. */
    public static final String INSTANCE_TAG = "instance";

    private final String metricName;
    private final Unit unit;

    HeaderProcessingMetric(String metricName, Unit unit) {
        this.metricName = metricName;
        this.unit = unit;
    }

    /** The {@code metric_name} column. */
    public String metricName() {
        return metricName;
    }

    /** The {@code measurement_unit} column. */
    public String unit() {
        return unit.wireName;
    }

    private enum Unit {
        MICROSECONDS("microseconds"),
        COUNT("count");

        private final String wireName;

        Unit(String wireName) {
            this.wireName = wireName;
        }
    }
}
