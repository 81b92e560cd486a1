package org.secheaders.analytics.service;

import org.secheaders.domain.model.SecurityReportFormat;

/** Turns a report into the text of one format; every value from the data is escaped for that format. */
public sealed interface ReportRenderer permits JsonReportRenderer, MarkdownReportRenderer, HtmlReportRenderer {

    String render(ReportDocument document);

    static ReportRenderer of(SecurityReportFormat format) {
        return switch (format) {
            case JSON -> new JsonReportRenderer();
            case MARKDOWN -> new MarkdownReportRenderer();
            case HTML -> new HtmlReportRenderer();
        };
    }
}
