package org.secheaders.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CspViolationReportTest {

    @Test
    void buildsFromStructuredFields() {
        CspViolationReport report = CspViolationReport.builder(ReportFormat.STRUCTURED)
                .documentUri("https://a.example/").violatedDirective("script-src 'self'").blockedUri("eval")
                .lineNumber(3).columnNumber(9).statusCode(200).sample("  ").referrer("").build();

        assertEquals("script-src", report.directive());
        assertEquals(Optional.of("eval"), report.blockedUri());
        assertEquals(OptionalInt.of(3), report.lineNumber());
        assertEquals(Optional.empty(), report.sample(), "blank values count as absent");
        assertEquals(Optional.empty(), report.referrer());
        assertEquals(CspViolationReport.TYPE, report.type());
    }

    @Test
    void namesTheMissingOrInvalidFieldWhenBuilt() {
        CspViolationReport.Builder noDocument = CspViolationReport.builder(ReportFormat.STRUCTURED)
                .effectiveDirective("img-src");
        assertEquals(ReportErrorCode.MISSING_FIELD, noDocument.validate().orElseThrow().code());
        assertTrue(assertThrows(IllegalArgumentException.class, noDocument::build).getMessage()
                .startsWith("document-uri"));

        CspViolationReport.Builder noDirective = CspViolationReport.builder(ReportFormat.STRUCTURED)
                .documentUri("https://a.example/").effectiveDirective(" ");
        assertTrue(assertThrows(IllegalArgumentException.class, noDirective::build).getMessage()
                .contains("effective-directive"));

        CspViolationReport.Builder notADirective = CspViolationReport.builder(ReportFormat.STRUCTURED)
                .documentUri("https://a.example/").effectiveDirective("<script>");
        assertEquals(ReportErrorCode.INVALID_VALUE, notADirective.validate().orElseThrow().code());
    }
}
