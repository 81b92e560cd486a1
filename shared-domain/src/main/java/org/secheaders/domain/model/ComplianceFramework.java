package org.secheaders.domain.model;

/** Frameworks the compliance checker evaluates. */
public enum ComplianceFramework {
    OWASP, SOC2, GDPR, ISO27001, NIST;

    /** The lower-case wire/database name. */
    public String wireName() {
        return WireEnums.wireName(this);
    }

    public static ComplianceFramework fromWire(String value) {
        return WireEnums.parse(ComplianceFramework.class, value, "framework");
    }
}
