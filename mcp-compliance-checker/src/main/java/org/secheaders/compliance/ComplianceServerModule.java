package org.secheaders.compliance;

import java.time.Clock;
import org.secheaders.platform.data.ServerDatabase;
import org.secheaders.platform.server.McpServerModule;
import org.secheaders.platform.server.ServerDefinition;
import org.secheaders.platform.server.ServerFactory;

/**
 * The compliance checker for {@code secheaders serve compliance-checker} (found through
 * META-INF/services) and for its own {@link ComplianceServer#main}: the platform database, migrated
 * on start, with its API tokens and readiness check.
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
            return ComplianceServer.definition(
                    database.attachTo(ServerDefinition.builder(ComplianceServer.NAME, ComplianceServer.VERSION)),
                    database.database(), Clock.systemUTC());
        };
    }
}
