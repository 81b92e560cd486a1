package org.secheaders.platform.testkit;

import org.secheaders.platform.data.ServerDatabase;
import org.secheaders.platform.server.McpServerModule;
import org.secheaders.platform.server.ServerFactory;

/**
 * The sample server as a module with a database (tokens from {@code api_tokens}), registered for
 * tests in {@code META-INF/services} so {@code secheaders serve sample} finds it.
 */
public final class SampleServerModule implements McpServerModule {

    public static final String ID = "sample";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Sample tools backed by the platform database";
    }

    @Override
    public ServerFactory factory() {
        return config -> {
            ServerDatabase database = ServerDatabase.open(config);
            return database.attachTo(SampleServer.builder()).build();
        };
    }
}
