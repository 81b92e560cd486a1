package org.secheaders.domain.model;

/** What raised an incident. */
public enum IncidentSource {
    ANOMALY, VIOLATION, COMPLIANCE, MANUAL;

    /** The lower-case wire/database name. */
    public String wireName() {
        return WireEnums.wireName(this);
    }

    public static IncidentSource fromWire(String value) {
        return WireEnums.parse(IncidentSource.class, value, "source");
    }
}
