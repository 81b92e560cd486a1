package org.secheaders.platform.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.secheaders.platform.testkit.SampleServer;
import org.secheaders.platform.testkit.SampleServerModule;

class McpServerLauncherTest {

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

    @Test
    void helpExitsCleanlyWithoutServing() {
        assertEquals(McpServerLauncher.EXIT_OK, run(new String[] {"--help"}, config -> {
            throw new AssertionError("no server for --help");
        }));
        assertEquals(0, stdout.size(), "usage goes to stderr");
    }

    @Test
    void aFailingFactoryIsAFailedStart() {
        assertEquals(McpServerLauncher.EXIT_FAILED, run(new String[0], config -> {
            throw new IllegalStateException("database unreachable");
        }));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aDatabaseThatCannotBeOpenedFailsTheStartBeforeAnyAnswer() {
        // The database opens in the background while the server is wired; stdio is held until it is ready.
        String initialize = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}\n";
        int status = McpServerLauncher.run("test-server", new String[] {"--db-url", "jdbc:postgresql://127.0.0.1:1/none"},
                Map.of(), new SampleServerModule().factory(),
                new ByteArrayInputStream(initialize.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(stdout, true, StandardCharsets.UTF_8));
        assertEquals(McpServerLauncher.EXIT_FAILED, status);
        assertEquals("", stdout.toString(StandardCharsets.UTF_8), "no answer from a server that did not start");
    }

    @Test
    void badConfigurationIsItsOwnStatus() {
        assertEquals(McpServerLauncher.EXIT_BAD_CONFIG, run(new String[] {"--transport", "smoke"}, config -> SampleServer.definition()));
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void stdioReturnsWhenItsInputEnds() {
        assertEquals(McpServerLauncher.EXIT_OK, run(new String[0], config -> SampleServer.definition()));
        assertEquals(0, stdout.size(), "no client, no protocol output");
    }

    private int run(String[] args, ServerFactory factory) {
        return McpServerLauncher.run("test-server", args, Map.of(), factory, new ByteArrayInputStream(new byte[0]),
                new PrintStream(stdout, true, StandardCharsets.UTF_8));
    }
}
