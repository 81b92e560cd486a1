package org.secheaders.compliance.testing;

import java.util.Map;
import org.secheaders.compliance.ComplianceServer;
import org.secheaders.platform.config.PlatformConfig;
import org.secheaders.platform.config.PlatformConfigLoader;
import org.secheaders.platform.server.RunningServer;
import org.secheaders.platform.server.ServerDefinition;
import org.secheaders.platform.server.ServerRuntime;
import org.secheaders.platform.testkit.SharedMcpServer;

/**
 * The compliance server on the shared {@link ComplianceScenario}, over Streamable HTTP on an
 * ephemeral port with one static token per role under test; started once per test JVM.
 */
public final class ComplianceTestServer {

    public static final String OFFICER = "compliance-token-00000000000001";
    public static final String ANALYST = "analyst-token-0000000000000001";
    public static final String ADMIN = "admin-token-000000000000000001";
    public static final String ACME_ADMIN = "acme-admin-token-00000000000001";

    public static final SharedMcpServer SERVER = new SharedMcpServer("compliance", ComplianceTestServer::start);

    private ComplianceTestServer() {
    }

    private static RunningServer start() throws Exception {
        ComplianceScenario scenario = ComplianceScenario.shared();
        PlatformConfig config = PlatformConfigLoader.load(new String[] {"--transport", "http", "--port", "0",
                "--token", "compliance_officer:" + OFFICER,
                "--token", "security_analyst:" + ANALYST,
                "--token", "admin:" + ADMIN,
                "--token", "tenant_admin@" + scenario.tenant(ComplianceScenario.ACME).id() + ":" + ACME_ADMIN},
                Map.of());
        return ServerRuntime.startHttp(ComplianceServer.definition(
                ServerDefinition.builder(ComplianceServer.NAME, ComplianceServer.VERSION), scenario.database(),
                scenario.clock()), config);
    }
}
