package org.secheaders.domain.report;

import org.secheaders.domain.model.WireEnums;

/** Why a body or one report in it was not accepted. */
public enum ReportErrorCode {
    UNSUPPORTED_CONTENT_TYPE,
    EMPTY_BODY,
    BODY_TOO_LARGE,
    MALFORMED_JSON,
    NESTING_TOO_DEEP,
    FIELD_TOO_LONG,
    TOO_MANY_REPORTS,
    UNEXPECTED_SHAPE,
    WRONG_TYPE,
    MISSING_FIELD,
    INVALID_VALUE;

    public String wireName() {
        return WireEnums.wireName(this);
    }
}
