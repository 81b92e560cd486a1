package org.secheaders.compliance.testing;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.List;
import java.util.Map;
import org.secheaders.compliance.ComplianceServer;
import org.secheaders.platform.config.PlatformConfig;
import org.secheaders.platform.config.PlatformConfigLoader;
import org.secheaders.platform.server.RunningServer;
import org.secheaders.platform.server.ServerDefinition;
import org.secheaders.platform.server.ServerRuntime;
import org.secheaders.platform.testkit.McpClients;

/**
 * The compliance server on the shared {@link ComplianceScenario}, over Streamable HTTP on an
 * ephemeral port with one static token per role under test; started once per test JVM.
 */
public final class ComplianceTestServer {

    public static final String OFFICER = "compliance-token-00000000000001";
    public static final String ANALYST = "analyst-token-0000000000000001";
    public static final String ADMIN = "admin-token-000000000000000001";
    public static final String ACME_ADMIN = "acme-admin-token-00000000000001";

    private static RunningServer server;

    private ComplianceTestServer() {
    }

    public static synchronized RunningServer shared() {
        if (server == null) {
            ComplianceScenario scenario = ComplianceScenario.shared();
            try {
                PlatformConfig config = PlatformConfigLoader.load(new String[] {"--transport", "http", "--port", "0",
                        "--token", "compliance_officer:" + OFFICER,
                        "--token", "security_analyst:" + ANALYST,
                        "--token", "admin:" + ADMIN,
                        "--token", "tenant_admin@" + scenario.tenant(ComplianceScenario.ACME).id() + ":" + ACME_ADMIN},
                        Map.of());
                server = ServerRuntime.startHttp(ComplianceServer.definition(
                        ServerDefinition.builder(ComplianceServer.NAME, ComplianceServer.VERSION), scenario.database(),
                        scenario.clock()), config);
            } catch (Exception e) {
                throw new IllegalStateException("the compliance test server did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop-compliance-test-server"));
        }
        return server;
    }

    public static McpSyncClient client(String token) {
        return McpClients.streamable(shared().baseUri(), token);
    }

    public static CallToolResult call(String token, String tool, Map<String, Object> arguments) {
        try (McpSyncClient client = client(token)) {
            return McpClients.call(client, tool, arguments);
        }
    }

    /** The structured result of a call that must succeed; the server checks it against the output schema. */
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

    public static McpSchema.TextResourceContents read(String token, String uri) {
        try (McpSyncClient client = client(token)) {
            List<McpSchema.ResourceContents> contents =
                    client.readResource(McpSchema.ReadResourceRequest.builder(uri).build()).contents();
            return (McpSchema.TextResourceContents) contents.get(0);
        }
    }
}
