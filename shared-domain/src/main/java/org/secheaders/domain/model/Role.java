package org.secheaders.domain.model;

/** Roles of the authorization matrix; a token or stdio identity carries exactly one. */
public enum Role {
    SUPERADMIN, ADMIN, MANAGER, SECURITY_ANALYST, COMPLIANCE_OFFICER, TENANT_ADMIN;

    /** The lower-case wire/database name. */
    public String wireName() {
        return WireEnums.wireName(this);
    }

    public static Role fromWire(String value) {
        return WireEnums.parse(Role.class, value, "role");
    }
}
