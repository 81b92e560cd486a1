package org.secheaders.domain.compliance;

import org.secheaders.domain.model.WireEnums;

/** How an observed header differs from the configured one. */
public enum DriftKind {
    /** Configured but not observed. */
    MISSING,
    /** Observed with another value than configured. */
    DIFFERENT,
    /** Observed but not configured: a security header someone else sets, or a leaking one. */
    EXTRA;

    public String wireName() {
        return WireEnums.wireName(this);
    }
}
