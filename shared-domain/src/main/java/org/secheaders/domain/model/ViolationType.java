package org.secheaders.domain.model;

/** What kind of browser report a violation came from. */
public enum ViolationType {
    CSP, XSS, CLICKJACKING, MIME_SNIFFING;

    /** The lower-case wire/database name. */
    public String wireName() {
        return WireEnums.wireName(this);
    }

    public static ViolationType fromWire(String value) {
        return WireEnums.parse(ViolationType.class, value, "violation_type");
    }
}
