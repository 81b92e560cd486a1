package org.secheaders.platform.observability;

import org.secheaders.domain.model.WireEnums;

/** How a tool call or resource read ended; a metric tag and an audit log field. */
public enum CallOutcome {
    SUCCESS,
    /** An argument was unusable. */
    INVALID_INPUT,
    /** The handler reported an expected failure (not found, conflict, …). */
    FAILED,
    /** Not authenticated or not authorized. */
    DENIED,
    /** An unexpected exception; logged with its stack trace, never shown to the caller. */
    ERROR;

    public String wireName() {
        return WireEnums.wireName(this);
    }
}
