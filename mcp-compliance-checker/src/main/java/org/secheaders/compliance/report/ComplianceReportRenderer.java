package org.secheaders.compliance.report;

import org.secheaders.domain.model.ComplianceReportFormat;

/** Turns a compliance report into the bytes of one format; every value from the data is escaped for that format. */
public sealed interface ComplianceReportRenderer
        permits JsonComplianceRenderer, MarkdownComplianceRenderer, HtmlComplianceRenderer, PdfComplianceRenderer {

    /** UTF-8 text for the text formats, the document itself for PDF. */
    byte[] render(ComplianceReportDocument document);

    static ComplianceReportRenderer of(ComplianceReportFormat format) {
        return switch (format) {
            case JSON -> new JsonComplianceRenderer();
            case MARKDOWN -> new MarkdownComplianceRenderer();
            case HTML -> new HtmlComplianceRenderer();
            case PDF -> new PdfComplianceRenderer();
        };
    }
}
