package org.secheaders.domain.model;

/**
 * What kind of browser report a violation came from, as the analytics API groups it; set by the
 * classification rule that fired. {@code MIME_SNIFFING} exists for structured reports submitted
 * through the MCP tool: browsers send no report when {@code X-Content-Type-Options: nosniff}
 * blocks a response, so no CSP report maps to it.
 */
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
