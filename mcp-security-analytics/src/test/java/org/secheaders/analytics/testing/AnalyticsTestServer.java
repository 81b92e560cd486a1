package org.secheaders.analytics.testing;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.secheaders.analytics.AnalyticsServer;
import org.secheaders.platform.config.PlatformConfig;
import org.secheaders.platform.config.PlatformConfigLoader;
import org.secheaders.platform.server.RunningServer;
import org.secheaders.platform.server.ServerDefinition;
import org.secheaders.platform.server.ServerRuntime;
import org.secheaders.platform.testkit.McpClients;

/**
 * The analytics server on the shared {@link AnalyticsScenario}, over Streamable HTTP on an ephemeral
 * port with one static token per role under test; started once per test JVM.
 */
public final class AnalyticsTestServer {

    public static final String ANALYST = "analyst-token-0000000000000001";
    public static final String MANAGER = "manager-token-0000000000000001";
    public static final String COMPLIANCE_OFFICER = "compliance-token-00000000000001";
    public static final String ACME_ADMIN = "acme-admin-token-00000000000001";
    public static final String INITECH_ADMIN = "initech-admin-token-000000000001";

    private static RunningServer server;

    private AnalyticsTestServer() {
    }

    public static synchronized RunningServer shared() {
        if (server == null) {
            AnalyticsScenario scenario = AnalyticsScenario.shared();
            try {
                // The data directory holds only the report collector's log (the scenario brings its own database).
                String dataDir = Files.createTempDirectory("analytics-test-server").toString();
                PlatformConfig config = PlatformConfigLoader.load(new String[] {"--transport", "http", "--port", "0",
                        "--data-dir", dataDir,
                        "--token", "security_analyst:" + ANALYST,
                        "--token", "manager:" + MANAGER,
                        "--token", "compliance_officer:" + COMPLIANCE_OFFICER,
                        "--token", "tenant_admin@" + scenario.acme().id() + ":" + ACME_ADMIN,
                        "--token", "tenant_admin@" + scenario.initech().id() + ":" + INITECH_ADMIN}, Map.of());
                server = ServerRuntime.startHttp(AnalyticsServer.definition(
                        ServerDefinition.builder(AnalyticsServer.NAME, AnalyticsServer.VERSION), scenario.database(),
                        scenario.clock()), config);
            } catch (Exception e) {
                throw new IllegalStateException("the analytics test server did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop-analytics-test-server"));
        }
        return server;
    }

    public static McpSyncClient client(String token) {
        return McpClients.streamable(shared().baseUri(), token);
    }

    /** Calls a tool as {@code token}; the SDK client validates nothing, the server checks input and output schemas. */
    public static CallToolResult call(String token, String tool, Map<String, Object> arguments) {
        try (McpSyncClient client = client(token)) {
            return McpClients.call(client, tool, arguments);
        }
    }

    /** The structured result of a call that must succeed; a schema mismatch on the server fails the test here. */
    public static Map<?, ?> success(String token, String tool, Map<String, Object> arguments) {
        CallToolResult result = call(token, tool, arguments);
        if (Boolean.TRUE.equals(result.isError())) {
            throw new AssertionError(tool + " failed: " + McpClients.text(result));
        }
        return (Map<?, ?>) result.structuredContent();
    }

    /** The text of a call that must fail as a tool error. */
    public static String failure(String token, String tool, Map<String, Object> arguments) {
        CallToolResult result = call(token, tool, arguments);
        if (!Boolean.TRUE.equals(result.isError())) {
            throw new AssertionError(tool + " should have failed: " + result.structuredContent());
        }
        return McpClients.text(result);
    }

    /** Reads a resource; a JSON-RPC error is thrown as {@link McpError}. */
    public static McpSchema.TextResourceContents read(String token, String uri) {
        try (McpSyncClient client = client(token)) {
            List<McpSchema.ResourceContents> contents =
                    client.readResource(McpSchema.ReadResourceRequest.builder(uri).build()).contents();
            return (McpSchema.TextResourceContents) contents.get(0);
        }
    }
}
