package org.secheaders.domain.model;

/** Roll-up status of a framework or control group for a tenant. */
public enum ComplianceStatus {
    COMPLIANT, NON_COMPLIANT, PARTIAL, PENDING;

    /** The lower-case wire/database name. */
    public String wireName() {
        return WireEnums.wireName(this);
    }

    public static ComplianceStatus fromWire(String value) {
        return WireEnums.parse(ComplianceStatus.class, value, "compliance_status");
    }
}
