package org.secheaders.domain.model;

/** Lifecycle of a tenant; a suspended tenant keeps its data but gets only the platform baseline. */
public enum TenantStatus {
    ACTIVE, SUSPENDED;

    /** The lower-case wire/database name. */
    public String wireName() {
        return WireEnums.wireName(this);
    }

    public static TenantStatus fromWire(String value) {
        return WireEnums.parse(TenantStatus.class, value, "status");
    }
}
