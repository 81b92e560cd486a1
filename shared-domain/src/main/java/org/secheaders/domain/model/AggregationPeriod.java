package org.secheaders.domain.model;

/** Whether a metric row is a raw sample or a roll-up over a fixed period. */
public enum AggregationPeriod {
    RAW, MINUTE, HOUR, DAY;

    /** The lower-case wire/database name. */
    public String wireName() {
        return WireEnums.wireName(this);
    }

    public static AggregationPeriod fromWire(String value) {
        return WireEnums.parse(AggregationPeriod.class, value, "aggregation_period");
    }
}
