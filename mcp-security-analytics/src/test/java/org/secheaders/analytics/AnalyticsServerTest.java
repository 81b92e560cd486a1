package org.secheaders.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.secheaders.analytics.testing.AnalyticsTestServer;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.db.DatabaseConfig;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.repo.TenantScope;
import org.secheaders.platform.testkit.ChildJvm;
import org.secheaders.platform.testkit.McpClients;

class AnalyticsServerTest {

    private static final Set<String> READ_ONLY = Set.of("analyze_security_metrics", "detect_anomalies",
            "correlate_security_events");

    @Test
    void listsTheFiveToolsWithStrictSchemasAndTruthfulAnnotations() {
        try (McpSyncClient client = AnalyticsTestServer.SERVER.client(AnalyticsTestServer.ANALYST)) {
            List<Tool> tools = client.listTools().tools();

            assertEquals(Set.of("track_csp_violation", "analyze_security_metrics", "detect_anomalies",
                    "generate_security_report", "correlate_security_events"),
                    tools.stream().map(Tool::name).collect(Collectors.toSet()));
            for (Tool tool : tools) {
                assertEquals(false, tool.inputSchema().get("additionalProperties"), tool.name());
                assertEquals(false, tool.outputSchema().get("additionalProperties"), tool.name());
                assertTrue(((Map<?, ?>) tool.inputSchema().get("properties")).containsKey("tenant"), tool.name());
                McpSchema.ToolAnnotations hints = tool.annotations();
                assertEquals(READ_ONLY.contains(tool.name()), hints.readOnlyHint(), tool.name());
                assertEquals(false, hints.destructiveHint(), tool.name());
                assertEquals(READ_ONLY.contains(tool.name()), hints.idempotentHint(), tool.name());
                assertEquals(false, hints.openWorldHint(), tool.name());
                assertTrue(tool.description().length() > 100, tool.name());
            }
        }
    }

    /** main() as an MCP host starts it: its own database in a data directory, stdio, the local identity. */
    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void servesStdioFromMainOnItsOwnDatabase(@TempDir Path dataDir) throws Exception {
        try (Database database = Database.open(DatabaseConfig.h2(dataDir))) {
            database.migrations().migrate();
            database.tenants().create(TenantScope.platform(), new Tenant.Draft("acme", "Acme", "acme.example", Map.of()));
        }
        ServerParameters parameters = ServerParameters.builder(ChildJvm.java())
                .args(ChildJvm.arguments(AnalyticsServer.class, "--data-dir", dataDir.toString(),
                        "--identity-role", "security_analyst"))
                .build();
        StdioClientTransport transport = new StdioClientTransport(parameters, McpJsonDefaults.getMapper());
        List<String> stderr = new CopyOnWriteArrayList<>();
        transport.setStdErrorHandler(stderr::add);

        try (McpSyncClient client = McpClients.connect(transport)) {
            assertEquals(5, client.listTools().tools().size());
            CallToolResult tracked = McpClients.call(client, "track_csp_violation", Map.of("tenant", "acme",
                    "document_uri", "https://acme.example/", "effective_directive", "img-src", "blocked_uri", "data"));
            CallToolResult analysed = McpClients.call(client, "analyze_security_metrics", Map.of("tenant", "acme"));

            assertFalse(tracked.isError(), () -> McpClients.text(tracked));
            assertFalse(analysed.isError(), () -> McpClients.text(analysed));
            assertEquals(1, ((Map<?, ?>) ((Map<?, ?>) analysed.structuredContent()).get("totals")).get("violations"));
        }
        assertTrue(Files.exists(dataDir.resolve("secheaders.mv.db")));
        assertTrue(stderr.stream().anyMatch(line -> line.contains("tool call tool=track_csp_violation outcome=success")),
                () -> "audit lines on stderr: " + stderr);
    }
}
