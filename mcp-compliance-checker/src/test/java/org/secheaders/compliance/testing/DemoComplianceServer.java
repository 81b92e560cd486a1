package org.secheaders.compliance.testing;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.secheaders.compliance.ComplianceServer;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.demo.DemoDataSeeder;
import org.secheaders.domain.demo.DemoScenario;
import org.secheaders.domain.demo.ProgressListener;
import org.secheaders.domain.demo.SeedOutcome;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.testing.DbKind;
import org.secheaders.domain.testing.TestDatabase;
import org.secheaders.domain.testing.TestDatabases;
import org.secheaders.platform.admin.PipelineViolationProcessor;
import org.secheaders.platform.config.PlatformConfig;
import org.secheaders.platform.config.PlatformConfigLoader;
import org.secheaders.platform.server.RunningServer;
import org.secheaders.platform.server.ServerDefinition;
import org.secheaders.platform.server.ServerRuntime;
import org.secheaders.platform.testkit.McpClients;

/**
 * The compliance checker as shipped ({@link ComplianceServer#definition}) on the demo data (three
 * seeded tenants with their policies and history), over Streamable HTTP on an ephemeral port with one
 * static token per role under test; started once per test JVM.
 */
public final class DemoComplianceServer {

    public static final String ADMIN = "admin-token-00000000000000001";
    public static final String OFFICER = "compliance-token-00000000000001";
    public static final String MANAGER = "manager-token-0000000000000001";
    public static final String ANALYST = "analyst-token-0000000000000001";
    public static final String FIRST_TENANT_ADMIN = "tenant-admin-token-000000000001";

    private static DemoComplianceServer shared;

    private final TestDatabase test;
    private final List<Tenant> tenants;
    private final RunningServer server;

    private DemoComplianceServer(TestDatabase test, List<Tenant> tenants, RunningServer server) {
        this.test = test;
        this.tenants = tenants;
        this.server = server;
    }

    public static synchronized DemoComplianceServer shared() {
        if (shared == null) {
            TestDatabase test = TestDatabases.create(DbKind.H2);
            try {
                Database database = test.database();
                // After the seeded history, so that the SOC 2 history controls see it.
                Clock clock = Clock.fixed(Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(1, ChronoUnit.HOURS),
                        ZoneOffset.UTC);
                SeedOutcome outcome = new DemoDataSeeder(database, new PipelineViolationProcessor()).seed(
                        new DemoScenario(DemoScenario.DEFAULT_SEED, DemoScenario.MIN_TENANT_COUNT, DemoScenario.MIN_DAYS,
                                DemoScenario.MIN_TOTAL_VIOLATIONS, Instant.now().truncatedTo(ChronoUnit.MINUTES)),
                        ProgressListener.NONE);
                List<Tenant> tenants = outcome.tenants();
                PlatformConfig config = PlatformConfigLoader.load(new String[] {"--transport", "http", "--port", "0",
                        "--token", "admin:" + ADMIN,
                        "--token", "compliance_officer:" + OFFICER,
                        "--token", "manager:" + MANAGER,
                        "--token", "security_analyst:" + ANALYST,
                        "--token", "tenant_admin@" + tenants.get(0).id() + ":" + FIRST_TENANT_ADMIN}, Map.of());
                RunningServer server = ServerRuntime.startHttp(ComplianceServer.definition(
                        ServerDefinition.builder(ComplianceServer.NAME, ComplianceServer.VERSION), database, clock), config);
                shared = new DemoComplianceServer(test, tenants, server);
            } catch (Exception e) {
                test.close();
                throw new IllegalStateException("the compliance test server did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                shared.server.close();
                shared.test.close();
            }, "stop-compliance-test-server"));
        }
        return shared;
    }

    /** The seeded tenants, in seeding order. */
    public List<Tenant> tenants() {
        return tenants;
    }

    public Database database() {
        return test.database();
    }

    public McpSyncClient client(String token) {
        return McpClients.streamable(server.baseUri(), token);
    }

    public CallToolResult call(String token, String tool, Map<String, Object> arguments) {
        try (McpSyncClient client = client(token)) {
            return McpClients.call(client, tool, arguments);
        }
    }

    /** The structured result of a call that must succeed; a schema mismatch on the server fails the test here. */
    public Map<?, ?> success(String token, String tool, Map<String, Object> arguments) {
        CallToolResult result = call(token, tool, arguments);
        if (Boolean.TRUE.equals(result.isError())) {
            throw new AssertionError(tool + " failed: " + McpClients.text(result));
        }
        return (Map<?, ?>) result.structuredContent();
    }

    /** The text of a call that must fail as a tool error. */
    public String failure(String token, String tool, Map<String, Object> arguments) {
        CallToolResult result = call(token, tool, arguments);
        if (!Boolean.TRUE.equals(result.isError())) {
            throw new AssertionError(tool + " should have failed: " + result.structuredContent());
        }
        return McpClients.text(result);
    }

    /** Reads a resource; a JSON-RPC error is thrown as {@link io.modelcontextprotocol.spec.McpError}. */
    public McpSchema.ResourceContents read(String token, String uri) {
        try (McpSyncClient client = client(token)) {
            return client.readResource(McpSchema.ReadResourceRequest.builder(uri).build()).contents().get(0);
        }
    }
}
