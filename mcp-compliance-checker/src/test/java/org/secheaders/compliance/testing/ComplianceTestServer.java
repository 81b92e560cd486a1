package org.secheaders.compliance.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.secheaders.compliance.ComplianceServer;
import org.secheaders.domain.compliance.run.ComplianceCheckService;
import org.secheaders.platform.config.PlatformConfig;
import org.secheaders.platform.config.PlatformConfigLoader;
import org.secheaders.platform.server.RunningServer;
import org.secheaders.platform.server.ServerDefinition;
import org.secheaders.platform.server.ServerRuntime;
import org.secheaders.platform.testkit.SharedMcpServer;

/**
 * The compliance server on the shared {@link ComplianceScenario}, over Streamable HTTP on an
 * ephemeral port with one static token per role under test; started once per test JVM.
 * {@link #SERVER} allows private addresses, because the live-scan tests serve their sites on
 * 127.0.0.1; {@link #DEFAULT_SERVER} keeps the default, which refuses them.
 */
public final class ComplianceTestServer {

    public static final String OFFICER = "compliance-token-00000000000001";
    public static final String ANALYST = "analyst-token-0000000000000001";
    public static final String ADMIN = "admin-token-000000000000000001";
    public static final String ACME_ADMIN = "acme-admin-token-00000000000001";

    public static final SharedMcpServer SERVER = new SharedMcpServer("compliance",
            () -> start(List.of("--compliance-scanner-private-addresses", "allow")));
    public static final SharedMcpServer DEFAULT_SERVER = new SharedMcpServer("compliance-default",
            () -> start(List.of()));

    private ComplianceTestServer() {
    }

    private static RunningServer start(List<String> extraFlags) throws Exception {
        ComplianceScenario scenario = ComplianceScenario.shared();
        List<String> flags = new ArrayList<>(List.of("--transport", "http", "--port", "0",
                "--token", "compliance_officer:" + OFFICER,
                "--token", "security_analyst:" + ANALYST,
                "--token", "admin:" + ADMIN,
                "--token", "tenant_admin@" + scenario.tenant(ComplianceScenario.ACME).id() + ":" + ACME_ADMIN));
        flags.addAll(extraFlags);
        PlatformConfig config = PlatformConfigLoader.load(flags.toArray(String[]::new), Map.of());
        ComplianceCheckService checks = ComplianceCheckService.create(scenario.database(), scenario.clock(),
                config.compliance().privateAddresses().targetPolicy());
        return ServerRuntime.startHttp(ComplianceServer.definition(
                ServerDefinition.builder(ComplianceServer.NAME, ComplianceServer.VERSION), scenario.database(),
                checks, scenario.clock()), config);
    }
}
