package org.secheaders.benchmarks.tools;

import java.time.Duration;

/**
 * The five analytics tools and the specification's latency target for each: 100 ms for the tools
 * that answer with aggregations over stored violations, 200 ms ("API") for intake and for the report,
 * which is a stored document rather than a query answer.
 */
enum AnalyticsToolTarget {
    TRACK_CSP_VIOLATION("track_csp_violation", "API", Duration.ofMillis(200)),
    ANALYZE_SECURITY_METRICS("analyze_security_metrics", "aggregation", Duration.ofMillis(100)),
    DETECT_ANOMALIES("detect_anomalies", "aggregation", Duration.ofMillis(100)),
    CORRELATE_SECURITY_EVENTS("correlate_security_events", "aggregation", Duration.ofMillis(100)),
    GENERATE_SECURITY_REPORT("generate_security_report", "API", Duration.ofMillis(200));

    private final String toolName;
    private final String kind;
    private final Duration target;

    AnalyticsToolTarget(String toolName, String kind, Duration target) {
        this.toolName = toolName;
        this.kind = kind;
        this.target = target;
    }

    String toolName() {
        return toolName;
    }

    String kind() {
        return kind;
    }

    Duration target() {
        return target;
    }
}
