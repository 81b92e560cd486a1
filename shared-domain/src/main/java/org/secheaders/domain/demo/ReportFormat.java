package org.secheaders.domain.demo;

/** The two wire formats of CSP violation reports (design notes §1.1, §1.2). */
public enum ReportFormat {
    /** {@code report-uri}: one POST per violation, body {@code {"csp-report": {...}}} with kebab-case keys. */
    LEGACY_CSP_REPORT("application/csp-report"),
    /** {@code report-to}: a JSON array of reports, batched per origin, camelCase body keys. */
    REPORTING_API("application/reports+json");

    private final String contentType;

    ReportFormat(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }
}
