package org.secheaders.domain.report;

import org.secheaders.domain.model.WireEnums;

/** Which part of a report a noise or allow rule matched. */
public enum NoiseLocation {
    BLOCKED_URI, SOURCE_FILE, DOCUMENT_URI, SAMPLE, USER_AGENT;

    public String wireName() {
        return WireEnums.wireName(this);
    }
}
