package org.secheaders.domain.model;

/** How a stored compliance report is rendered, with the mime type it is served as. */
public enum ComplianceReportFormat {
    JSON("application/json", false),
    MARKDOWN("text/markdown", false),
    HTML("text/html", false),
    PDF("application/pdf", true);

    private final String mimeType;
    private final boolean binary;

    ComplianceReportFormat(String mimeType, boolean binary) {
        this.mimeType = mimeType;
        this.binary = binary;
    }

    public String mimeType() {
        return mimeType;
    }

    /** Whether the content is bytes rather than UTF-8 text (served as a blob resource). */
    public boolean binary() {
        return binary;
    }

    /** The lower-case wire/database name. */
    public String wireName() {
        return WireEnums.wireName(this);
    }

    public static ComplianceReportFormat fromWire(String value) {
        return WireEnums.parse(ComplianceReportFormat.class, value, "report_format");
    }
}
