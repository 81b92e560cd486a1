package org.secheaders.platform.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.secheaders.platform.config.TransportKind;
import org.secheaders.platform.server.RunningServer;
import org.secheaders.platform.testkit.AboutResource;
import org.secheaders.platform.testkit.FailingTool;
import org.secheaders.platform.testkit.ItemTemplate;
import org.secheaders.platform.testkit.McpClients;
import org.secheaders.platform.testkit.TenantNoteTemplate;
import org.secheaders.platform.testkit.TestServers;
import org.secheaders.platform.testkit.TestTokens;

/** What every HTTP transport must do, driven by the SDK client; one subclass per transport. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class McpTransportContract {

    protected RunningServer server;

    abstract TransportKind transport();

    abstract McpSyncClient client(String token);

    @BeforeAll
    void startServer() throws Exception {
        server = TestServers.start(transport());
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    @Test
    void listsToolsWithSchemasAndTruthfulAnnotations() {
        try (McpSyncClient client = client(TestTokens.ANALYST)) {
            List<Tool> tools = client.listTools().tools();

            assertEquals(Set.of("sum", "set_threshold", "explode"),
                    tools.stream().map(Tool::name).collect(Collectors.toSet()));
            Tool sum = tool(tools, "sum");
            assertEquals("Sum numbers", sum.title());
            assertEquals(List.of("numbers"), sum.inputSchema().get("required"));
            assertTrue(sum.outputSchema().containsKey("properties"));
            assertEquals(new McpSchema.ToolAnnotations("Sum numbers", true, false, true, false, null), sum.annotations());
            Tool setThreshold = tool(tools, "set_threshold");
            assertEquals(new McpSchema.ToolAnnotations("Set alert threshold", false, false, true, false, null),
                    setThreshold.annotations());
        }
    }

    @Test
    void callsAReadOnlyToolPlatformWide() {
        try (McpSyncClient client = client(TestTokens.ANALYST)) {
            CallToolResult result = McpClients.call(client, "sum", Map.of("numbers", List.of(1, 2, 3.5)));

            assertFalse(result.isError(), () -> McpClients.text(result));
            Map<?, ?> structured = (Map<?, ?>) result.structuredContent();
            assertEquals(6.5, structured.get("sum"));
            assertEquals(3, structured.get("count"));
            assertEquals("all tenants", structured.get("scope"));
            assertFalse(structured.containsKey("since"), "an empty Optional is left out, not null");
            assertTrue(((String) structured.get("caller")).startsWith("token:security_analyst:"));
            assertTrue(McpClients.text(result).contains("\"sum\":6.5"));
        }
    }

    @Test
    void callsAWritingToolForANamedTenant() {
        try (McpSyncClient client = client(TestTokens.SUPERADMIN)) {
            CallToolResult result = McpClients.call(client, "set_threshold",
                    Map.of("tenant_id", 7, "threshold", 40, "severity", "critical"));

            assertFalse(result.isError(), () -> McpClients.text(result));
            Map<?, ?> structured = (Map<?, ?>) result.structuredContent();
            assertEquals(7, structured.get("tenantId"));
            assertEquals(40, structured.get("threshold"));
            assertEquals("critical", structured.get("severity"));
        }
    }

    @Test
    void schemaViolationIsAToolErrorNamingTheArgument() {
        try (McpSyncClient client = client(TestTokens.ANALYST)) {
            CallToolResult result = McpClients.call(client, "sum", Map.of("numbers", "1,2,3"));

            assertTrue(result.isError());
            assertTrue(McpClients.text(result).contains("numbers"), McpClients.text(result));
        }
    }

    @Test
    void unusableArgumentIsAToolErrorNamingTheArgument() {
        try (McpSyncClient client = client(TestTokens.ANALYST)) {
            CallToolResult result = McpClients.call(client, "sum", Map.of("numbers", List.of(1), "since", "yesterday"));

            assertTrue(result.isError());
            assertEquals("argument 'since' must be an ISO-8601 instant such as 2026-01-31T12:00:00Z, got 'yesterday'",
                    McpClients.text(result));
        }
    }

    @Test
    void roleWithoutWriteAccessIsDenied() {
        try (McpSyncClient client = client(TestTokens.MANAGER)) {
            CallToolResult result = McpClients.call(client, "set_threshold", Map.of("tenant_id", 7, "threshold", 1));

            assertTrue(result.isError());
            assertEquals("access denied: role manager may only read tenant_policies", McpClients.text(result));
        }
    }

    @Test
    void ownTenantIdentityOnlyReachesItsTenant() {
        try (McpSyncClient client = client(TestTokens.TENANT_ADMIN_7)) {
            CallToolResult other = McpClients.call(client, "sum", Map.of("numbers", List.of(1), "tenant_id", 8));
            CallToolResult platformWide = McpClients.call(client, "sum", Map.of("numbers", List.of(1)));
            CallToolResult own = McpClients.call(client, "sum", Map.of("numbers", List.of(1), "tenant_id", 7));

            assertTrue(other.isError());
            assertEquals("access denied: role tenant_admin may only access metrics of tenant 7, not tenant 8",
                    McpClients.text(other));
            assertTrue(platformWide.isError());
            assertEquals("access denied: role tenant_admin may not access platform-wide metrics; pass tenant_id 7",
                    McpClients.text(platformWide));
            assertFalse(own.isError(), () -> McpClients.text(own));
            assertEquals("tenant 7", ((Map<?, ?>) own.structuredContent()).get("scope"));
        }
    }

    @Test
    void tenantSlugNamesTheTenantForAuthorization() {
        try (McpSyncClient client = client(TestTokens.TENANT_ADMIN_7)) {
            CallToolResult own = McpClients.call(client, "sum", Map.of("numbers", List.of(1), "tenant", "acme"));
            CallToolResult other = McpClients.call(client, "sum", Map.of("numbers", List.of(1), "tenant", "globex"));
            CallToolResult unknown = McpClients.call(client, "sum", Map.of("numbers", List.of(1), "tenant", "initech"));

            assertFalse(own.isError(), () -> McpClients.text(own));
            assertEquals("tenant 7", ((Map<?, ?>) own.structuredContent()).get("scope"));
            assertEquals("access denied: role tenant_admin may only access metrics of tenant 7, not tenant 8",
                    McpClients.text(other));
            assertTrue(unknown.isError());
            assertEquals("argument 'tenant' names no tenant: 'initech'", McpClients.text(unknown));
        }
    }

    @Test
    void listsResourceTemplates() {
        try (McpSyncClient client = client(TestTokens.ANALYST)) {
            assertEquals(Set.of(TenantNoteTemplate.TEMPLATE, ItemTemplate.TEMPLATE),
                    client.listResourceTemplates().resourceTemplates().stream()
                            .map(McpSchema.ResourceTemplate::uriTemplate).collect(Collectors.toSet()));
        }
    }

    @Test
    void templateReadIsAuthorizedForTheTenantItsUriNames() {
        try (McpSyncClient admin = client(TestTokens.TENANT_ADMIN_7); McpSyncClient analyst = client(TestTokens.ANALYST)) {
            assertEquals("note of acme for tenant 7", readText(admin, TenantNoteTemplate.uri("acme")));
            McpError denied = assertThrows(McpError.class, () -> readText(admin, TenantNoteTemplate.uri("globex")));
            assertTrue(denied.getMessage().contains(
                    "access denied: role tenant_admin may only access metrics of tenant 7, not tenant 8"), denied.getMessage());
            assertEquals("note of globex for tenant 8", readText(analyst, TenantNoteTemplate.uri("globex")));
            McpError unknown = assertThrows(McpError.class, () -> readText(analyst, TenantNoteTemplate.uri("initech")));
            assertTrue(unknown.getMessage().contains("no tenant 'initech'"), unknown.getMessage());
        }
    }

    @Test
    void idAddressedTemplateReadUsesTheCallersOwnTenant() {
        try (McpSyncClient admin = client(TestTokens.TENANT_ADMIN_7); McpSyncClient analyst = client(TestTokens.ANALYST)) {
            assertEquals("{\"item\":\"12\",\"scope\":\"tenant 7\"}", readText(admin, ItemTemplate.uri("12")));
            assertEquals("{\"item\":\"12\",\"scope\":\"all tenants\"}", readText(analyst, ItemTemplate.uri("12")));
            McpError missing = assertThrows(McpError.class, () -> readText(analyst, ItemTemplate.uri(ItemTemplate.MISSING)));
            assertTrue(missing.getMessage().contains("no item 404"), missing.getMessage());
        }
    }

    @Test
    void unexpectedHandlerFailureShowsOnlyACorrelationId() {
        try (McpSyncClient client = client(TestTokens.ANALYST)) {
            CallToolResult result = McpClients.call(client, "explode", Map.of());

            assertTrue(result.isError());
            String text = McpClients.text(result);
            assertTrue(text.startsWith("internal error in explode; correlation id "), text);
            assertFalse(text.contains(FailingTool.SECRET_DETAIL), text);
            assertFalse(text.contains("Exception"), text);
        }
    }

    @Test
    void readsAResourceWhenTheRoleMay() {
        try (McpSyncClient client = client(TestTokens.SUPERADMIN)) {
            assertEquals(List.of(AboutResource.URI),
                    client.listResources().resources().stream().map(McpSchema.Resource::uri).toList());
            McpSchema.ReadResourceResult result = client.readResource(McpSchema.ReadResourceRequest.builder(AboutResource.URI).build());

            String text = ((McpSchema.TextResourceContents) result.contents().get(0)).text();
            assertTrue(text.startsWith("read by token:superadmin:") && text.endsWith("for all tenants"), text);
        }
    }

    @Test
    void resourceReadIsDeniedWhenTheRoleMayNot() {
        try (McpSyncClient client = client(TestTokens.ANALYST)) {
            McpError error = assertThrows(McpError.class,
                    () -> client.readResource(McpSchema.ReadResourceRequest.builder(AboutResource.URI).build()));

            assertTrue(error.getMessage().contains("access denied: role security_analyst has no access to system_config"),
                    error.getMessage());
        }
    }

    private static String readText(McpSyncClient client, String uri) {
        McpSchema.ReadResourceResult result = client.readResource(McpSchema.ReadResourceRequest.builder(uri).build());
        return ((McpSchema.TextResourceContents) result.contents().get(0)).text();
    }

    private static Tool tool(List<Tool> tools, String name) {
        return tools.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }
}
