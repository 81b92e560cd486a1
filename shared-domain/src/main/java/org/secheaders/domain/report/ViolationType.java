package org.secheaders.domain.report;

import org.secheaders.domain.model.WireEnums;

/**
 * The violation type the analytics API groups by, set by the rule that fired. There is no
 * {@code mime_sniffing}: browsers send no report when {@code X-Content-Type-Options: nosniff} blocks a
 * response, so no CSP report can carry it.
 */
public enum ViolationType {
    CSP, XSS, CLICKJACKING;

    public String wireName() {
        return WireEnums.wireName(this);
    }
}
