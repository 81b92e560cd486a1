package org.secheaders.domain.model;

/** How a stored security report is rendered, with the mime type it is served as. */
public enum SecurityReportFormat {
    JSON("application/json"),
    MARKDOWN("text/markdown"),
    HTML("text/html");

    private final String mimeType;

    SecurityReportFormat(String mimeType) {
        this.mimeType = mimeType;
    }

    public String mimeType() {
        return mimeType;
    }

    /** The lower-case wire/database name. */
    public String wireName() {
        return WireEnums.wireName(this);
    }

    public static SecurityReportFormat fromWire(String value) {
        return WireEnums.parse(SecurityReportFormat.class, value, "report_format");
    }
}
