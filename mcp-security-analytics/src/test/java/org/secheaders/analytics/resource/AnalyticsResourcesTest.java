package org.secheaders.analytics.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secheaders.analytics.testing.AnalyticsTestServer.ACME_ADMIN;
import static org.secheaders.analytics.testing.AnalyticsTestServer.ANALYST;
import static org.secheaders.analytics.testing.AnalyticsTestServer.SERVER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.secheaders.analytics.testing.AnalyticsScenario;
import org.secheaders.analytics.testing.AnalyticsTestServer;

class AnalyticsResourcesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void listsTheReportIndexAndTheTemplates() {
        try (McpSyncClient client = AnalyticsTestServer.SERVER.client(ANALYST)) {
            assertEquals(Set.of("secheaders://reports"), client.listResources().resources().stream()
                    .map(McpSchema.Resource::uri).collect(Collectors.toSet()));
            assertEquals(Set.of("secheaders://reports/{id}", "secheaders://tenants/{tenant}/reports",
                    "secheaders://tenants/{tenant}/effective-policy"), client.listResourceTemplates().resourceTemplates()
                    .stream().map(McpSchema.ResourceTemplate::uriTemplate).collect(Collectors.toSet()));
        }
    }

    @Test
    void effectivePolicyOfTheOwnTenantOnly() throws Exception {
        McpSchema.TextResourceContents own = SERVER.read(ACME_ADMIN, "secheaders://tenants/acme/effective-policy");

        JsonNode policy = JSON.readTree(own.text());
        assertEquals("application/json", own.mimeType());
        assertEquals("acme", policy.get("tenant").asText());
        assertEquals("acme main", policy.get("policies").get(0).get("name").asText());
        assertTrue(policy.get("headers").size() > 1);
        McpError denied = assertThrows(McpError.class, () -> SERVER.read(ACME_ADMIN, "secheaders://tenants/globex/effective-policy"));
        assertTrue(denied.getMessage().startsWith("access denied: role tenant_admin may only access tenant_policies of tenant "
                + AnalyticsScenario.shared().acme().id()), denied.getMessage());
        McpError unknown = assertThrows(McpError.class, () -> SERVER.read(ANALYST, "secheaders://tenants/umbrella/effective-policy"));
        assertTrue(unknown.getMessage().contains("no tenant 'umbrella'"), unknown.getMessage());
    }

    @Test
    void theReportIndexIsPlatformWideAndTheTenantIndexPerTenant() throws Exception {
        JsonNode all = JSON.readTree(SERVER.read(ANALYST, "secheaders://reports").text());
        assertEquals("all tenants", all.get("scope").asText());
        assertThrows(McpError.class, () -> SERVER.read(ACME_ADMIN, "secheaders://reports"));
        JsonNode acme = JSON.readTree(SERVER.read(ACME_ADMIN, "secheaders://tenants/acme/reports").text());
        assertEquals("acme", acme.get("scope").asText());
        acme.get("reports").forEach(entry -> assertEquals("acme", entry.get("tenant").asText()));
        McpError missing = assertThrows(McpError.class, () -> SERVER.read(ANALYST, "secheaders://reports/not-a-number"));
        assertTrue(missing.getMessage().contains("no report not-a-number"), missing.getMessage());
    }
}
