package org.secheaders.domain.model;

/** Incident lifecycle; {@link #RESOLVED} and {@link #CLOSED} are terminal until reopened. */
public enum IncidentStatus {
    OPEN, INVESTIGATING, CONTAINED, RESOLVED, CLOSED;

    /** The lower-case wire/database name. */
    public String wireName() {
        return WireEnums.wireName(this);
    }

    /** True for the states that close an incident ({@code resolved_at} is set on entering them). */
    public boolean isResolution() {
        return this == RESOLVED || this == CLOSED;
    }

    public static IncidentStatus fromWire(String value) {
        return WireEnums.parse(IncidentStatus.class, value, "status");
    }
}
