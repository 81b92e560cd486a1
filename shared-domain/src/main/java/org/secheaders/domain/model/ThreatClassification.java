package org.secheaders.domain.model;

/** How a violation was judged: noise, suspicious, malicious or not yet known. */
public enum ThreatClassification {
    FALSE_POSITIVE, SUSPICIOUS, MALICIOUS, UNKNOWN;

    /** The lower-case wire/database name. */
    public String wireName() {
        return WireEnums.wireName(this);
    }

    public static ThreatClassification fromWire(String value) {
        return WireEnums.parse(ThreatClassification.class, value, "threat_classification");
    }
}
