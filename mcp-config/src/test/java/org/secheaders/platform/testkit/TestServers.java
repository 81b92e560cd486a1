package org.secheaders.platform.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.secheaders.platform.config.PlatformConfig;
import org.secheaders.platform.config.PlatformConfigLoader;
import org.secheaders.platform.config.TransportKind;
import org.secheaders.platform.server.RunningServer;
import org.secheaders.platform.server.ServerDefinition;
import org.secheaders.platform.server.ServerRuntime;

/** Starts sample servers on ephemeral ports through the real configuration path. */
public final class TestServers {

    private TestServers() {
    }

    public static RunningServer start(TransportKind transport) throws Exception {
        return start(transport, SampleServer.definition());
    }

    public static RunningServer start(TransportKind transport, ServerDefinition definition) throws Exception {
        List<String> args = new ArrayList<>(List.of("--transport", transport.wireName(), "--port", "0"));
        args.addAll(TestTokens.flags());
        PlatformConfig config = PlatformConfigLoader.load(args.toArray(String[]::new), Map.of());
        return ServerRuntime.startHttp(definition, config);
    }
}
