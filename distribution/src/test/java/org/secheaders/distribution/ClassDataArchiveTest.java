package org.secheaders.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.db.DatabaseConfig;
import org.secheaders.platform.PlatformJson;

/**
 * {@code cds create} makes the analytics server's AppCDS archive next to (a copy of) the jar,
 * {@code client-config} puts it on the server's command line, and a real MCP client starts the server
 * with that command line. An archive outdated by a newer jar must not break a start either: the
 * JVM's warning goes to stderr, never into the protocol.
 */
class ClassDataArchiveTest {

    private static final String SERVER = "security-analytics";
    private static final String UNUSABLE = "Unable to use shared archive";

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    void cdsCreateMakesTheArchiveClientConfigNamesItAndTheServerStartsWithIt() throws Exception {
        Path jar = Files.createDirectories(dir.resolve("app")).resolve("secheaders.jar");
        Files.copy(SecheadersJar.JAR, jar, StandardCopyOption.COPY_ATTRIBUTES);
        Path data = dir.resolve("data");
        try (Database database = Database.open(DatabaseConfig.h2(data))) {
            database.migrations().migrate();
        }

        SecheadersJar.Run created = SecheadersJar.run(jar, dir, Map.of(), "cds", "create", "--server", SERVER,
                "--data-dir", data.toString(), "--format", "json");
        assertEquals(0, created.exitCode(), created::toString);
        assertTrue(created.err().contains("Training " + SERVER), created::toString);
        Path archive = dir.resolve("app/secheaders." + SERVER + ".jsa").toAbsolutePath();
        JsonNode row = PlatformJson.mapper().readTree(created.out()).get("archives").get(0);
        assertEquals(archive.toString(), row.get("archive").asText());
        assertEquals(Files.size(archive), row.get("bytes").asLong());
        assertTrue(Files.size(archive) > 1_000_000, "an archive of the classes loaded until tools/list");

        Launch launch = clientConfig(jar, data);
        assertTrue(launch.args().contains("-XX:SharedArchiveFile=" + archive), launch::toString);
        List<String> stderr = toolsList(launch);
        assertTrue(stderr.stream().noneMatch(line -> line.contains(UNUSABLE)), () -> String.join("\n", stderr));

        // A jar newer than its archive (rebuilt, or here touched): the JVM refuses the archive and says so on stderr.
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        List<String> staleStderr = toolsList(launch);
        assertTrue(staleStderr.stream().anyMatch(line -> line.contains(UNUSABLE)), () -> String.join("\n", staleStderr));
        Launch withoutArchive = clientConfig(jar, data);
        assertFalse(withoutArchive.args().stream().anyMatch(arg -> arg.startsWith("-XX:SharedArchiveFile")),
                withoutArchive::toString);
    }

    private record Launch(String command, List<String> args, Map<String, String> env) {
    }

    /** The claude-desktop entry client-config prints for the analytics server. */
    private Launch clientConfig(Path jar, Path data) throws Exception {
        SecheadersJar.Run config = SecheadersJar.run(jar, dir, Map.of(), "client-config", "--client", "claude-desktop",
                "--server", SERVER, "--data-dir", data.toString());
        assertEquals(0, config.exitCode(), config::toString);
        JsonNode entry = PlatformJson.mapper().readTree(config.out()).get("mcpServers").get("secheaders-" + SERVER);
        List<String> args = new ArrayList<>();
        entry.get("args").forEach(arg -> args.add(arg.asText()));
        Map<String, String> env = new LinkedHashMap<>();
        entry.get("env").fields().forEachRemaining(field -> env.put(field.getKey(), field.getValue().asText()));
        return new Launch(entry.get("command").asText(), args, env);
    }

    /** Starts the server as a host does, lists its tools over stdio, and returns what it wrote to stderr. */
    private static List<String> toolsList(Launch launch) {
        List<String> stderr = new CopyOnWriteArrayList<>();
        StdioClientTransport transport = new StdioClientTransport(
                ServerParameters.builder(launch.command()).args(launch.args()).env(launch.env()).build(),
                McpJsonDefaults.getMapper());
        transport.setStdErrorHandler(stderr::add);
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(120))
                .initializationTimeout(Duration.ofSeconds(180)).build();
        try {
            client.initialize();
            List<String> tools = client.listTools().tools().stream().map(Tool::name).toList();
            assertTrue(tools.containsAll(List.of("track_csp_violation", "analyze_security_metrics", "detect_anomalies",
                    "generate_security_report", "correlate_security_events")), tools::toString);
        } finally {
            client.closeGracefully();
        }
        return stderr;
    }
}
