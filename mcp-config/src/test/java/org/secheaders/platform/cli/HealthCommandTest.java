package org.secheaders.platform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secheaders.platform.PlatformJson;
import org.secheaders.platform.config.TransportKind;
import org.secheaders.platform.observability.ReadinessCheck;
import org.secheaders.platform.server.RunningServer;
import org.secheaders.platform.testkit.SampleServer;
import org.secheaders.platform.testkit.TestServers;

/** {@code health} against healthy, unmigrated, missing and unreachable databases, and a running server. */
class HealthCommandTest {

    @TempDir
    Path dir;

    @Test
    void aMigratedDatabaseAndARunningServerAreHealthy() throws Exception {
        String dataDir = dir.resolve("data").toString();
        assertEquals(0, CliRun.standard().run("db", "migrate", "--data-dir", dataDir).exitCode());
        try (RunningServer server = TestServers.start(TransportKind.HTTP, SampleServer.definition())) {
            CliRun.Result health = CliRun.standard().run("health", "--data-dir", dataDir, "--url", server.baseUri().toString());

            assertEquals(0, health.exitCode(), health::toString);
            List<String> lines = health.out().lines().toList();
            assertEquals("CHECK                 STATUS  DETAIL", lines.get(0));
            assertTrue(lines.get(1).startsWith("database              UP      jdbc:h2:file:"), health::toString);
            assertTrue(lines.get(2).matches("migrations            UP      (\\d+) of \\1 changesets applied"), health::toString);
            assertTrue(lines.get(3).startsWith("server /health        UP      " + server.baseUri() + "/health answered 200"),
                    health::toString);
            assertTrue(lines.get(4).startsWith("server /health/ready  UP      "), health::toString);
            assertEquals("Healthy.", lines.get(5));
        }
    }

    @Test
    void anUnreachableDatabaseIsUnhealthy() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CliRun.Result health = CliRun.standard().run("health", "--db-url", "jdbc:postgresql://127.0.0.1:" + closedPort + "/x",
                "--format", "json");

        assertEquals(1, health.exitCode(), health::toString);
        JsonNode document = PlatformJson.mapper().readTree(health.out());
        assertEquals("DOWN", document.get("status").asText());
        assertEquals("DOWN", document.get("checks").get(0).get("status").asText());
        assertTrue(document.get("checks").get(0).get("detail").asText().contains("Connection refused"), health::toString);
    }

    @Test
    void pendingMigrationsAndAMissingDatabaseAreUnhealthyAndNothingIsCreated() throws Exception {
        Path missing = dir.resolve("missing");
        CliRun.Result none = CliRun.standard().run("health", "--data-dir", missing.toString());
        assertEquals(1, none.exitCode(), none::toString);
        assertTrue(none.out().contains("DOWN    no database file at " + missing.toAbsolutePath().resolve("secheaders.mv.db")),
                none::toString);
        assertFalse(Files.exists(missing), "health never creates a database");

        String dataDir = dir.resolve("data").toString();
        assertEquals(0, CliRun.standard().run("db", "migrate", "--data-dir", dataDir).exitCode());
        assertEquals(0, CliRun.standard().run("db", "rollback", "--data-dir", dataDir).exitCode());
        CliRun.Result behind = CliRun.standard().run("health", "--data-dir", dataDir);
        assertEquals(1, behind.exitCode(), behind::toString);
        assertTrue(behind.out().lines().anyMatch(l -> l.matches("migrations +DOWN +(\\d+) of (\\d+) changesets applied; "
                + "run 'secheaders db migrate'")), behind::toString);
    }

    @Test
    void aServerThatIsNotReadyOrNotThereIsUnhealthy() throws Exception {
        String dataDir = dir.resolve("data").toString();
        assertEquals(0, CliRun.standard().run("db", "migrate", "--data-dir", dataDir).exitCode());
        ReadinessCheck broken = new ReadinessCheck("upstream", () -> {
            throw new IllegalStateException("upstream is down");
        });
        try (RunningServer server = TestServers.start(TransportKind.HTTP, SampleServer.definition(List.of(broken)))) {
            CliRun.Result health = CliRun.standard().run("health", "--data-dir", dataDir, "--url", server.baseUri().toString());
            assertEquals(1, health.exitCode(), health::toString);
            assertTrue(health.out().contains("server /health/ready  DOWN    " + server.baseUri() + "/health/ready answered 503"),
                    health::toString);
        }
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CliRun.Result gone = CliRun.standard().run("health", "--data-dir", dataDir, "--url", "http://127.0.0.1:" + closedPort);
        assertEquals(1, gone.exitCode(), gone::toString);
        assertTrue(gone.out().contains("server /health        DOWN    http://127.0.0.1:" + closedPort
                + "/health: cannot connect (is the server running?)"), gone::toString);
    }
}
