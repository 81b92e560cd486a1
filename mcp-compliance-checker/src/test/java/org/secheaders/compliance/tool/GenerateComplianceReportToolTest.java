package org.secheaders.compliance.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secheaders.compliance.testing.ComplianceTestServer.ACME_ADMIN;
import static org.secheaders.compliance.testing.ComplianceTestServer.ADMIN;
import static org.secheaders.compliance.testing.ComplianceTestServer.ANALYST;
import static org.secheaders.compliance.testing.ComplianceTestServer.OFFICER;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.secheaders.compliance.testing.ComplianceScenario;
import org.secheaders.compliance.testing.ComplianceTestServer;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.model.TenantStatus;
import org.secheaders.domain.repo.TenantScope;

class GenerateComplianceReportToolTest {

    private static final String TOOL = "generate_compliance_report";
    private static Tenant first() {
        return ComplianceScenario.shared().tenant(ComplianceScenario.ACME);
    }

    /** Resources of any kind; the shared server's own read() expects text. */
    private static McpSchema.ResourceContents read(String token, String uri) {
        try (McpSyncClient client = ComplianceTestServer.SERVER.client(token)) {
            return client.readResource(McpSchema.ReadResourceRequest.builder(uri).build()).contents().get(0);
        }
    }

    @Test
    void isListedAsAWritingToolThatMayReachOutside() {
        try (McpSyncClient client = ComplianceTestServer.SERVER.client(OFFICER)) {
            McpSchema.Tool tool = client.listTools().tools().stream().filter(t -> t.name().equals(TOOL)).findFirst()
                    .orElseThrow();
            assertFalse(tool.annotations().readOnlyHint());
            assertFalse(tool.annotations().destructiveHint());
            assertFalse(tool.annotations().idempotentHint());
            assertTrue(tool.annotations().openWorldHint());
        }
    }

    @Test
    void aPdfReportOfADemoTenantIsStoredAndReadableAsABlob() {
        Map<?, ?> report = ComplianceTestServer.SERVER.success(OFFICER, TOOL, Map.of("tenant", first().slug(), "format", "pdf"));

        assertEquals("application/pdf", report.get("mime_type"));
        assertEquals("configured", report.get("target"));
        assertEquals(List.of("owasp", "soc2", "gdpr", "iso27001", "nist"), report.get("frameworks"));
        assertFalse(report.containsKey("content"), "a PDF is read as the resource");
        Map<?, ?> tenant = (Map<?, ?>) ((List<?>) report.get("tenants")).get(0);
        assertEquals(first().slug(), tenant.get("tenant"));
        Map<?, ?> summary = (Map<?, ?>) tenant.get("summary");
        assertEquals(5, ((List<?>) summary.get("frameworks")).size());
        McpSchema.ResourceContents contents = read(OFFICER, (String) report.get("uri"));
        McpSchema.BlobResourceContents blob = assertInstanceOf(contents);
        assertEquals("application/pdf", blob.mimeType());
        byte[] pdf = Base64.getDecoder().decode(blob.blob());
        assertEquals(((Number) report.get("content_length")).intValue(), pdf.length);
        assertTrue(new String(pdf, 0, 7, StandardCharsets.US_ASCII).startsWith("%PDF-1."));
    }

    private static McpSchema.BlobResourceContents assertInstanceOf(McpSchema.ResourceContents contents) {
        assertTrue(contents instanceof McpSchema.BlobResourceContents, "a blob, not " + contents.getClass().getSimpleName());
        return (McpSchema.BlobResourceContents) contents;
    }

    @Test
    void theSecondReportOfAScopeCarriesTheTrendAgainstTheFirst() {
        Tenant tenant = ComplianceScenario.shared().tenant(ComplianceScenario.GLOBEX);
        Map<String, Object> arguments = Map.of("tenant", tenant.slug(), "frameworks", List.of("owasp", "gdpr"),
                "format", "json");
        Map<?, ?> before = ComplianceTestServer.SERVER.success(ADMIN, TOOL, arguments);
        Map<?, ?> after = ComplianceTestServer.SERVER.success(ADMIN, TOOL, arguments);

        Map<?, ?> trend = (Map<?, ?>) summary(after).get("trend");
        assertEquals(((Number) before.get("report_id")).longValue(), ((Number) trend.get("previous_report_id")).longValue());
        List<?> scores = (List<?>) trend.get("scores");
        assertEquals(2, scores.size());
        assertEquals(0, ((Number) ((Map<?, ?>) scores.get(0)).get("change")).intValue(), "nothing changed in between");
        assertEquals(List.of(), trend.get("changed_controls"));
        String json = (String) after.get("content");
        assertTrue(json.contains("\"previous_report_id\" : " + before.get("report_id")), "the stored report has it too");
    }

    private static Map<?, ?> summary(Map<?, ?> report) {
        return (Map<?, ?>) ((Map<?, ?>) ((List<?>) report.get("tenants")).get(0)).get("summary");
    }

    @Test
    void aPlatformReportCoversEveryTenantAndATenantAdminSeesOnlyItsOwn() {
        Map<?, ?> platform = ComplianceTestServer.SERVER.success(OFFICER, TOOL, Map.of("frameworks", List.of("soc2"), "format", "markdown"));
        assertEquals("all tenants", platform.get("scope"));
        assertEquals(ComplianceScenario.shared().database().tenants().list(TenantScope.platform()).stream()
                        .filter(t -> t.status() == TenantStatus.ACTIVE).map(Tenant::slug).toList(),
                ((List<?>) platform.get("tenants")).stream().map(t -> ((Map<?, ?>) t).get("tenant")).toList());
        assertTrue(((String) platform.get("content")).contains("## Platform overview"));

        Map<?, ?> own = ComplianceTestServer.SERVER.success(ACME_ADMIN, TOOL, Map.of("tenant_id", first().id(), "format", "html",
                "frameworks", List.of("gdpr")));
        assertTrue(((String) own.get("content")).startsWith("<!DOCTYPE html>"));
        McpSchema.TextResourceContents index = (McpSchema.TextResourceContents) read(ACME_ADMIN,
                "secheaders://tenants/" + first().slug() + "/compliance-reports");
        assertTrue(index.text().contains((String) own.get("uri")));
        assertFalse(index.text().contains((String) platform.get("uri")));
        McpError hidden = assertThrows(McpError.class, () -> read(ACME_ADMIN, (String) platform.get("uri")));
        assertTrue(hidden.getMessage().contains("no compliance report " + platform.get("report_id")), hidden.getMessage());
        assertTrue(((McpSchema.TextResourceContents) read(OFFICER, "secheaders://compliance-reports")).text()
                .contains((String) platform.get("uri")));
    }

    @Test
    void pastedHeadersAreReportedForATenant() {
        Map<?, ?> report = ComplianceTestServer.SERVER.success(OFFICER, TOOL, Map.of("tenant", first().slug(), "frameworks", List.of("owasp"),
                "headers", "Strict-Transport-Security: max-age=63072000; includeSubDomains; preload\nX-Content-Type-Options: nosniff"));
        assertEquals("supplied headers", report.get("target"));
        assertEquals("supplied", ((Map<?, ?>) ((List<?>) report.get("tenants")).get(0)).get("source"));
    }

    @Test
    void rolesWithoutPlatformOrWriteAccessAreDenied() {
        Tenant other = ComplianceScenario.shared().tenant(ComplianceScenario.GLOBEX);
        assertEquals("access denied: role tenant_admin may not access platform-wide compliance; pass tenant_id "
                + first().id(), ComplianceTestServer.SERVER.failure(ACME_ADMIN, TOOL, Map.of()));
        assertEquals("access denied: role tenant_admin may only access compliance of tenant " + first().id()
                + ", not tenant " + other.id(), ComplianceTestServer.SERVER.failure(ACME_ADMIN, TOOL, Map.of("tenant", other.slug())));
        assertEquals("access denied: role security_analyst may only read compliance",
                ComplianceTestServer.SERVER.failure(ANALYST, TOOL, Map.of("tenant", first().slug())));
    }

    @Test
    void badArgumentsAreToolErrorsNamingTheArgument() {
        String tenant = first().slug();
        assertTrue(ComplianceTestServer.SERVER.failure(OFFICER, TOOL, Map.of("tenant", tenant, "format", "docx")).contains("format"));
        // The SDK checks the input schema first; its message names the argument by its JSON pointer.
        assertTrue(ComplianceTestServer.SERVER.failure(OFFICER, TOOL, Map.of("tenant", tenant, "frameworks", List.of("owasp", "pci")))
                .contains("/frameworks/1"));
        assertTrue(ComplianceTestServer.SERVER.failure(OFFICER, TOOL, Map.of("tenant", tenant, "frameworks", List.of())).contains("frameworks"));
        assertTrue(ComplianceTestServer.SERVER.failure(OFFICER, TOOL, Map.of("tenant", tenant, "url", "ftp://example.com/"))
                .startsWith("argument 'url' must be an http:// or https:// URL"));
        assertEquals("argument 'url' needs a tenant (tenant or tenant_id): a platform-wide report judges configured headers",
                ComplianceTestServer.SERVER.failure(OFFICER, TOOL, Map.of("url", "https://example.com/")));
        assertTrue(ComplianceTestServer.SERVER.failure(OFFICER, TOOL, Map.of("tenant", tenant, "title", "x".repeat(201))).contains("title"));
        assertTrue(ComplianceTestServer.SERVER.failure(OFFICER, TOOL, Map.of("tenant", "no-such-tenant")).contains("tenant"));
    }
}
