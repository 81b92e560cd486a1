package org.secheaders.analytics.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.secheaders.domain.model.SecurityReportFormat;

class ReportRendererTest {
    private static final Instant T = Instant.parse("2026-03-10T12:00:00Z");
    private static final String HOSTILE = "<script>alert(\"x\")</script> | [click](javascript:alert(1)) *bold* &amp; 'q'\nnext";

    private static ReportDocument document() {
        ExecutiveSummary summary = new ExecutiveSummary(3, Map.of("malicious", 3L), Map.of("critical", 3L),
                new ExecutiveSummary.Trend(new TimeRange(T.minusSeconds(7200), T.minusSeconds(3600)), 0, 3,
                        Optional.empty(), "up"),
                List.of(), new ExecutiveSummary.AnomalyCounts(0, 0, Map.of()),
                new ExecutiveSummary.IncidentCounts(0, Map.of(), List.of()), 0);
        return new ReportDocument("Report " + HOSTILE, "acme", new TimeRange(T.minusSeconds(3600), T), T, summary,
                List.of(new ReportDocument.KeyFact("Top risk", HOSTILE)),
                List.of(new ReportTable("Violations by document", List.of("Document", "Reports"),
                        List.of(List.of("https://acme.example/" + HOSTILE, "3"))),
                        new ReportTable("Open incidents", List.of("Incident"), List.of())));
    }

    @Test
    void htmlEscapesEveryValueAndForbidsScripts() {
        String html = ReportRenderer.of(SecurityReportFormat.HTML).render(document());

        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("'q'"), html);
        assertTrue(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"), html);
        assertTrue(html.contains("&amp;amp;"), "an entity in the data stays text: " + html);
        assertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"), html);
        assertTrue(html.contains("<h2>Open incidents</h2>\n<p>None.</p>"), html);
    }

    @Test
    void markdownEscapesLinksHtmlAndTableBreaks() {
        String markdown = ReportRenderer.of(SecurityReportFormat.MARKDOWN).render(document());

        assertFalse(markdown.contains("<script>"), markdown);
        assertFalse(markdown.contains("[click]("), markdown);
        assertTrue(markdown.contains("\\<script\\>alert(\"x\")\\</script\\> \\| \\[click\\](javascript:alert(1)) "
                + "\\*bold\\* \\&amp; 'q' next"), markdown);
        assertTrue(markdown.contains("| Document | Reports |\n| --- | --- |\n"), markdown);
        assertEquals(1, markdown.lines().filter(line -> line.startsWith("| https")).count(), "one row, one line");
        assertTrue(markdown.contains("## Open incidents\n\nNone."), markdown);
    }

    @Test
    void jsonKeepsTheValuesAsData() throws Exception {
        String json = ReportRenderer.of(SecurityReportFormat.JSON).render(document());

        JsonNode parsed = new ObjectMapper().readTree(json);
        assertEquals("Report " + HOSTILE, parsed.get("title").asText());
        assertEquals("https://acme.example/" + HOSTILE, parsed.get("sections").get(0).get("rows").get(0).get(0).asText());
        assertEquals(3, parsed.get("summary").get("violations").asInt());
        assertFalse(parsed.get("summary").get("trend").has("change_percent"), "absent, not null");
    }
}
