package org.secheaders.domain.model;

/** How bad a violation, finding or incident is; ordered from least to most severe. */
public enum SecuritySeverity {
    LOW, MEDIUM, HIGH, CRITICAL;

    /** The lower-case wire/database name, e.g. {@code "high"}. */
    public String wireName() {
        return WireEnums.wireName(this);
    }

    public static SecuritySeverity fromWire(String value) {
        return WireEnums.parse(SecuritySeverity.class, value, "severity");
    }
}
