package org.secheaders.domain.model;

/** Result of one control check. */
public enum CheckResult {
    PASS, FAIL, WARNING, NOT_APPLICABLE;

    /** The lower-case wire/database name. */
    public String wireName() {
        return WireEnums.wireName(this);
    }

    public static CheckResult fromWire(String value) {
        return WireEnums.parse(CheckResult.class, value, "check_result");
    }
}
