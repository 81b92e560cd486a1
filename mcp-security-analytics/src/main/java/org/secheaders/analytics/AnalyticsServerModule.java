package org.secheaders.analytics;

import java.time.Clock;
import org.secheaders.platform.data.ServerDatabase;
import org.secheaders.platform.server.McpServerModule;
import org.secheaders.platform.server.ServerDefinition;
import org.secheaders.platform.server.ServerFactory;

/** The analytics server for {@code secheaders serve security-analytics}, found through META-INF/services. */
public final class AnalyticsServerModule implements McpServerModule {

    public static final String ID = "security-analytics";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "CSP violation intake, security metrics, anomalies, correlation and reports";
    }

    @Override
    public ServerFactory factory() {
        return config -> {
            ServerDatabase database = ServerDatabase.open(config);
            return AnalyticsServer.definition(
                    database.attachTo(ServerDefinition.builder(AnalyticsServer.NAME, AnalyticsServer.VERSION)),
                    database.database(), Clock.systemUTC());
        };
    }
}
