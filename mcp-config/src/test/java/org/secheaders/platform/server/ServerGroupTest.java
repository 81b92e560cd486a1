package org.secheaders.platform.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.secheaders.platform.config.ConfigException;
import org.secheaders.platform.config.PlatformConfig;
import org.secheaders.platform.config.PlatformConfigLoader;
import org.secheaders.platform.testkit.RawHttp;
import org.secheaders.platform.testkit.StaticSampleServerModule;
import org.secheaders.platform.testkit.TestTokens;

class ServerGroupTest {

    private static final McpServerModule FIRST = new StaticSampleServerModule();

    @Test
    void serversTakeConsecutivePortsFromTheConfiguredOne() throws Exception {
        int port = twoFreePorts();
        try (ServerGroup group = ServerGroup.startHttp(List.of(FIRST, renamed("second")), config("http", port))) {
            List<URI> endpoints = group.members().stream().map(ServerGroup.Member::endpoint).toList();
            assertEquals(List.of(URI.create("http://127.0.0.1:" + port + "/mcp"),
                    URI.create("http://127.0.0.1:" + (port + 1) + "/mcp")), endpoints);
            for (URI endpoint : endpoints) {
                assertEquals(200, RawHttp.get(endpoint.resolve("/health"), Map.of()).statusCode());
            }
        }
    }

    @Test
    void legacySseServersAreReachedAtSse() throws Exception {
        try (ServerGroup group = ServerGroup.startHttp(List.of(FIRST), config("sse", 0))) {
            assertTrue(group.members().get(0).endpoint().toString().endsWith("/sse"));
        }
    }

    @Test
    void aFailingModuleStopsTheOnesAlreadyStarted() throws Exception {
        McpServerModule broken = new StaticSampleServerModule() {
            @Override
            public ServerFactory factory() {
                return config -> {
                    throw new IllegalStateException("cannot start");
                };
            }
        };
        int port = twoFreePorts();
        assertThrows(IllegalStateException.class, () -> ServerGroup.startHttp(List.of(FIRST, broken), config("http", port)));
        try (ServerSocket again = new ServerSocket(port)) {
            assertEquals(port, again.getLocalPort(), "the first server released its port");
        }
    }

    @Test
    void portsMustFit() {
        assertEquals("--port=65535 leaves no room for 2 servers on consecutive ports", assertThrows(ConfigException.class,
                () -> ServerGroup.startHttp(List.of(FIRST, renamed("second")), config("http", 65_535))).getMessage());
    }

    private static PlatformConfig config(String transport, int port) {
        List<String> args = new ArrayList<>(List.of("--transport", transport, "--port", Integer.toString(port)));
        args.addAll(TestTokens.flags());
        return PlatformConfigLoader.load(args.toArray(String[]::new), Map.of());
    }

    private static McpServerModule renamed(String id) {
        return new StaticSampleServerModule() {
            @Override
            public String id() {
                return id;
            }
        };
    }

    /** A port whose successor is free too (checked, not guaranteed to stay so, which is enough for a test). */
    @SuppressWarnings("try") // the second socket only proves the port is free
    private static int twoFreePorts() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket first = new ServerSocket(0)) {
                int port = first.getLocalPort();
                if (port < 65_535) {
                    try (ServerSocket second = new ServerSocket(port + 1)) {
                        return port;
                    } catch (IOException taken) {
                        // try another pair
                    }
                }
            }
        }
        throw new IOException("no two consecutive free ports");
    }
}
