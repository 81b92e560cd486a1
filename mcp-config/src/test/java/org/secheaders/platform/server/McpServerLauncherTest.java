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
