package org.secheaders.enforcement.metrics;

import java.util.Locale;

/** What window one metric row summarizes ({@code security_metrics.aggregation_period}). */
public enum AggregationPeriod {
    /** One flush interval (10 s by default), not aligned to a calendar unit. */
    RAW,
    /** One minute; use with a 60 s flush interval. */
    MINUTE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
