package org.secheaders.analytics.testing;

import java.nio.file.Files;
import java.util.Map;
import org.secheaders.analytics.AnalyticsServer;
import org.secheaders.platform.config.PlatformConfig;
import org.secheaders.platform.config.PlatformConfigLoader;
import org.secheaders.platform.server.RunningServer;
import org.secheaders.platform.server.ServerDefinition;
import org.secheaders.platform.server.ServerRuntime;
import org.secheaders.platform.testkit.SharedMcpServer;

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

    public static final SharedMcpServer SERVER = new SharedMcpServer("analytics", AnalyticsTestServer::start);

    private AnalyticsTestServer() {
    }

    private static RunningServer start() throws Exception {
        AnalyticsScenario scenario = AnalyticsScenario.shared();
        // The data directory holds only the report collector's log (the scenario brings its own database).
        String dataDir = Files.createTempDirectory("analytics-test-server").toString();
        PlatformConfig config = PlatformConfigLoader.load(new String[] {"--transport", "http", "--port", "0",
                "--data-dir", dataDir,
                "--token", "security_analyst:" + ANALYST,
                "--token", "manager:" + MANAGER,
                "--token", "compliance_officer:" + COMPLIANCE_OFFICER,
                "--token", "tenant_admin@" + scenario.acme().id() + ":" + ACME_ADMIN,
                "--token", "tenant_admin@" + scenario.initech().id() + ":" + INITECH_ADMIN}, Map.of());
        return ServerRuntime.startHttp(AnalyticsServer.definition(
                ServerDefinition.builder(AnalyticsServer.NAME, AnalyticsServer.VERSION), scenario.database(),
                scenario.clock()), config);
    }
}
