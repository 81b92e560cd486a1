package org.secheaders.analytics.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secheaders.analytics.testing.AnalyticsTestServer.ACME_ADMIN;
import static org.secheaders.analytics.testing.AnalyticsTestServer.ANALYST;
import static org.secheaders.analytics.testing.AnalyticsTestServer.COMPLIANCE_OFFICER;
import static org.secheaders.analytics.testing.AnalyticsTestServer.SERVER;

import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.secheaders.analytics.testing.AnalyticsScenario;

class GenerateSecurityReportToolTest {

    private static final String TOOL = "generate_security_report";

    @Test
    void generatesAnHtmlReportReadableAsAResource() {
        Map<?, ?> report = SERVER.success(ANALYST, TOOL, Map.of("tenant", "acme", "format", "html",
                "start_date", "2026-03-10T08:00:00Z", "title", "Acme <b>incident</b> review"));

        String uri = (String) report.get("uri");
        assertEquals("secheaders://reports/" + report.get("report_id"), uri);
        assertEquals("text/html", report.get("mime_type"));
        assertEquals("Acme <b>incident</b> review", report.get("title"));
        String content = (String) report.get("content");
        assertTrue(content.contains("<title>Acme &lt;b&gt;incident&lt;/b&gt; review</title>"), content);
        Map<?, ?> summary = (Map<?, ?>) report.get("summary");
        assertEquals("up", ((Map<?, ?>) summary.get("trend")).get("direction"));
        assertEquals(AnalyticsScenario.PARTNER_HOST, ((Map<?, ?>) ((List<?>) summary.get("top_risks")).get(0)).get("blocked"));
        McpSchema.TextResourceContents stored = SERVER.read(ANALYST, uri);
        assertEquals("text/html", stored.mimeType());
        assertEquals(content, stored.text());
    }

    @Test
    void aTenantAdminReadsItsOwnReportsButNotOthers() {
        Map<?, ?> own = SERVER.success(ACME_ADMIN, TOOL, Map.of("tenant", "acme", "format", "markdown"));
        Map<?, ?> globex = SERVER.success(ANALYST, TOOL, Map.of("tenant", "globex", "format", "json"));

        assertTrue(SERVER.read(ACME_ADMIN, (String) own.get("uri")).text().startsWith("# Security report for acme"));
        McpError hidden = assertThrows(McpError.class, () -> SERVER.read(ACME_ADMIN, (String) globex.get("uri")));
        assertTrue(hidden.getMessage().contains("no report " + globex.get("report_id")), hidden.getMessage());
        assertTrue(SERVER.read(ACME_ADMIN, "secheaders://tenants/acme/reports").text().contains((String) own.get("uri")));
    }

    @Test
    void badInputAndMissingRightsAreToolErrors() {
        AnalyticsScenario scenario = AnalyticsScenario.shared();
        assertTrue(SERVER.failure(ANALYST, TOOL, Map.of("format", "pdf")).contains("format"));
        assertEquals("argument 'start_date' must be at least 60 minutes before end_date, got 10 minutes",
                SERVER.failure(ANALYST, TOOL, Map.of("start_date", "2026-03-10T11:50:00Z", "end_date", "2026-03-10T12:00:00Z")));
        assertEquals("access denied: role compliance_officer may only read violations",
                SERVER.failure(COMPLIANCE_OFFICER, TOOL, Map.of("tenant", "acme")));
        assertEquals("access denied: role tenant_admin may only access violations of tenant " + scenario.acme().id()
                + ", not tenant " + scenario.globex().id(), SERVER.failure(ACME_ADMIN, TOOL, Map.of("tenant", "globex")));
    }
}
