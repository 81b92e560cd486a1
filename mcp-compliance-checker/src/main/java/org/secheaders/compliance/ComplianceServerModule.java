package org.secheaders.compliance;

import java.time.Clock;
import org.secheaders.compliance.schedule.ComplianceScheduling;
import org.secheaders.domain.compliance.run.ComplianceCheckService;
import org.secheaders.platform.data.ServerDatabase;
import org.secheaders.platform.server.McpServerModule;
import org.secheaders.platform.server.ServerDefinition;
import org.secheaders.platform.server.ServerFactory;

/**
 * The compliance checker for {@code secheaders serve compliance-checker} (found through
 * META-INF/services) and for its own {@link ComplianceServer#main}: the platform database, migrated
 * on start, with its API tokens and readiness check, and the scheduler of due checks
 * (docs/COMPLIANCE_SCHEDULING.md) in every transport.
 */
public final class ComplianceServerModule implements McpServerModule {

    public static final String ID = "compliance-checker";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "OWASP, SOC 2, GDPR, ISO 27001 and NIST checks with evidence, grades, reports and remediation";
    }

    @Override
    public ServerFactory factory() {
        return config -> {
            ServerDatabase database = ServerDatabase.open(config);
            Clock clock = Clock.systemUTC();
            ServerDefinition.Builder builder = database.attachTo(
                    ServerDefinition.builder(ComplianceServer.NAME, ComplianceServer.VERSION));
            // One scanner for the tools and the scheduler, held to compliance.scanner.private.addresses.
            ComplianceCheckService checks = ComplianceCheckService.create(database.database(), clock,
                    config.compliance().privateAddresses().targetPolicy());
            // Registered after the database, so it stops before the pool closes (closeOnShutdown runs in reverse).
            ComplianceScheduling.attach(builder, database.database(), checks, config.compliance(), clock);
            return ComplianceServer.definition(builder, database.database(), checks, clock);
        };
    }
}
