package org.secheaders.domain.report;

import org.secheaders.domain.model.WireEnums;

/** Where a CSP violation report came from. */
public enum ReportFormat {
    /** {@code report-uri}: one {@code {"csp-report": {...}}} per POST, hyphenated keys. */
    REPORT_URI,
    /** {@code report-to}: the Reporting API, a batch of {@code {type, age, url, user_agent, body}}. */
    REPORTING_API,
    /** Fields given directly, e.g. by the {@code track_csp_violation} MCP tool. */
    STRUCTURED;

    public String wireName() {
        return WireEnums.wireName(this);
    }
}
