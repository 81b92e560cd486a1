package org.secheaders.platform.testkit;

import org.secheaders.platform.server.McpServerModule;
import org.secheaders.platform.server.ServerFactory;

/** The sample server without a database: over HTTP it accepts only {@code --token}s. */
public class StaticSampleServerModule implements McpServerModule {

    public static final String ID = "sample-static";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Sample tools, static tokens only";
    }

    @Override
    public ServerFactory factory() {
        return config -> SampleServer.definition();
    }
}
