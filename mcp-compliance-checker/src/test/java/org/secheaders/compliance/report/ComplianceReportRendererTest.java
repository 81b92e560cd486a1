package org.secheaders.compliance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secheaders.compliance.testing.HeaderSets.PAYLOAD;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.secheaders.compliance.testing.HeaderSets;
import org.secheaders.domain.compliance.run.CheckRun;
import org.secheaders.domain.model.ComplianceFramework;
import org.secheaders.domain.model.ComplianceReportFormat;

class ComplianceReportRendererTest {

    private static final String TITLE = "Acme <b>audit</b> | Q4";

    private static String render(ComplianceReportFormat format, ComplianceReportDocument document) {
        return new String(ComplianceReportRenderer.of(format).render(document), StandardCharsets.UTF_8);
    }

    private static ComplianceReportDocument hostile() {
        return ReportFixtures.document(TITLE, false, ReportFixtures.configured(1, "acme", HeaderSets.hostile()));
    }

    @Test
    void markdownPutsTheExecutiveSummaryBeforeTheEvidenceAndEscapesObservedValues() {
        CheckRun run = ReportFixtures.configured(1, "acme", HeaderSets.hostile());
        String markdown = render(ComplianceReportFormat.MARKDOWN, ReportFixtures.document(TITLE, false, run));

        assertTrue(markdown.startsWith("# Acme \\<b\\>audit\\</b\\> \\| Q4\n"), markdown.substring(0, 80));
        int summary = markdown.indexOf("\n## Executive summary\n");
        int evidence = markdown.indexOf("\n## Evidence: OWASP (");
        assertTrue(summary > 0 && evidence > summary, "summary at " + summary + ", evidence at " + evidence);
        int owaspScore = run.evaluation().framework(ComplianceFramework.OWASP).orElseThrow().score();
        assertTrue(markdown.contains("| OWASP | non compliant | " + owaspScore + "/100 |"), markdown);
        assertTrue(markdown.contains("\n### Top 3 high-severity failures\n"));
        assertTrue(markdown.contains("Drift: not available."));
        assertTrue(markdown.contains("Trend: this is the first compliance report"));
        assertTrue(markdown.contains("\n### ASVS-3.4.3 "), "every control has its evidence section");
        assertTrue(markdown.contains("- **Citation:** OWASP ASVS"));
        assertTrue(markdown.contains("> Header evidence supports, but does not by itself establish"), "the disclaimer");
        assertFalse(markdown.contains("<script>"), "no raw HTML survives");
        assertFalse(markdown.contains("[click](javascript:"), "no link survives");
        assertTrue(markdown.contains("\\<script\\>alert('x')\\</script\\> \\| \\[click\\](javascript:alert(1)) \\*bold\\* \\`code\\` \\&"),
                "the payload is shown, escaped");
    }

    @Test
    void htmlEscapesEveryValueAndAllowsNoScript() {
        String html = render(ComplianceReportFormat.HTML, hostile());

        assertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"" + HtmlComplianceRenderer.CSP + "\">"));
        assertTrue(html.contains("<title>Acme &lt;b&gt;audit&lt;/b&gt; | Q4</title>"));
        assertFalse(html.contains("<script"), "no script element");
        assertFalse(html.contains("<b>audit"), "the title stays text");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; | [click](javascript:alert(1)) *bold* `code` &amp; &quot;q&quot;"));
        assertTrue(html.indexOf("<h2>Executive summary</h2>") < html.indexOf("<h2>Evidence: OWASP"));
        assertTrue(html.contains("<pre>x-powered-by: &lt;script&gt;") || html.contains("X-Powered-By: &lt;script&gt;"),
                "raw header lines are evidence: " + html.substring(html.indexOf("<pre>"), html.indexOf("<pre>") + 120));
    }

    @Test
    void jsonKeepsTheDocumentStructureAndTheValuesVerbatim() throws IOException {
        CheckRun run = ReportFixtures.configured(1, "acme", HeaderSets.hostile());
        JsonNode json = new ObjectMapper().readTree(render(ComplianceReportFormat.JSON,
                ReportFixtures.document(TITLE, false, run)));

        assertEquals(TITLE, json.get("title").asText());
        assertFalse(json.get("platform").asBoolean());
        JsonNode tenant = json.get("tenants").get(0);
        assertEquals("acme", tenant.get("tenant").asText());
        JsonNode frameworks = tenant.get("summary").get("frameworks");
        assertEquals(5, frameworks.size());
        assertEquals(run.evaluation().framework(ComplianceFramework.GDPR).orElseThrow().score(),
                frameworks.get(2).get("score").asInt());
        assertEquals("not_available", tenant.get("summary").get("drift").get("status").asText());
        assertTrue(tenant.get("summary").get("top_failures").size() <= 3);
        assertEquals(run.evaluation().controls().size(), tenant.get("frameworks").findValues("control_id").size());
        assertTrue(json.toString().contains(new ObjectMapper().writeValueAsString(PAYLOAD).replace("\"", "")
                .substring(0, 20)), "observed values are kept verbatim (JSON-escaped)");
    }

    @Test
    void aPlatformReportHasAnOverviewAndNamesTheTenantInEverySection() {
        String markdown = render(ComplianceReportFormat.MARKDOWN, ReportFixtures.document("Platform", true,
                ReportFixtures.configured(1, "acme", HeaderSets.weak()),
                ReportFixtures.configured(2, "globex", HeaderSets.strong())));

        assertTrue(markdown.contains("\n## Platform overview\n\n| Tenant | OWASP | SOC 2 | GDPR | ISO 27001 | NIST 800-53 |\n"));
        assertTrue(markdown.contains("\n| acme | non compliant, "));
        assertTrue(markdown.contains("\n| globex | "));
        assertTrue(markdown.contains("\n## acme: Executive summary\n"));
        assertTrue(markdown.contains("\n## globex: Executive summary\n"));
        assertTrue(markdown.indexOf("## globex: Executive summary") < markdown.indexOf("## acme: Evidence: OWASP"),
                "every summary comes before the evidence");
    }

    @Test
    void driftIsSummarisedWithItsHeaders() {
        String markdown = render(ComplianceReportFormat.MARKDOWN, ReportFixtures.document("Drift", false,
                ReportFixtures.drifted(1, "acme", HeaderSets.strong(), HeaderSets.weak())));

        assertTrue(markdown.contains("Drift: critical. "), markdown);
        assertTrue(markdown.contains("| Header | Kind | Configured | Observed | Critical |"));
        assertTrue(markdown.contains("| strict-transport-security | different | max-age=63072000; includeSubDomains; preload | max-age=86400 | yes |"),
                markdown);
    }
}
