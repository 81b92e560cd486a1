package org.secheaders.distribution;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.secheaders.distribution.SecheadersJar.Run;

/**
 * The MCP Inspector CLI, an MCP client written independently of the Java SDK, run through {@code npx}.
 * Every call is one Inspector process: it connects, sends one request and prints the answer as JSON.
 */
final class InspectorCli {

    /** Pinned: the CLI's flags and output shape are what the assertions read. */
    static final String PACKAGE = "@modelcontextprotocol/inspector@2.12.0";
    /** A system property, not an environment variable: the servers reject unknown SECHEADERS_* variables. */
    static final String REQUIRED_PROPERTY = "SECHEADERS_REQUIRE_INSPECTOR";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path npx;
    private final Path workDir;

    private InspectorCli(Path npx, Path workDir) {
        this.npx = npx;
        this.workDir = workDir;
    }

    /** The Inspector, or a skipped test when npx is missing (a failed one when the property requires it). */
    static InspectorCli findOrSkip(Path workDir) {
        Optional<Path> npx = onPath("npx");
        if (npx.isEmpty() && Boolean.getBoolean(REQUIRED_PROPERTY)) {
            throw new AssertionError("npx is not on the PATH, and -D" + REQUIRED_PROPERTY + "=true requires the MCP Inspector");
        }
        Assumptions.assumeTrue(npx.isPresent(), "npx is not on the PATH: the MCP Inspector end-to-end tests are skipped "
                + "(install Node.js 20+ and npm, or pass -D" + REQUIRED_PROPERTY + "=true to fail instead)");
        return new InspectorCli(npx.get(), workDir);
    }

    /**
     * Runs {@code npx -y <inspector> --cli -q --format json <target...> <request...>} and returns the JSON answer
     * (the {@code result} member when the Inspector wraps it).
     */
    JsonNode request(List<String> target, String... request) throws IOException, InterruptedException {
        // The default 15 s connect timeout is too short for a JVM starting on a loaded two-core build machine.
        List<String> command = new ArrayList<>(List.of(npx.toString(), "-y", PACKAGE, "--cli", "-q", "--format", "json",
                "--connect-timeout", "120000"));
        command.addAll(target);
        command.addAll(Arrays.asList(request));
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).start();
        process.getOutputStream().close();
        // The first npx run downloads the Inspector (about 20 s on a warm network); the JVM under it starts in about 1 s.
        Run run = SecheadersJar.await(process, 180, "MCP Inspector " + String.join(" ", request));
        String out = run.out().strip();
        assertTrue(out.startsWith("{"), () -> "the Inspector printed no JSON: " + run);
        JsonNode answer = JSON.readTree(out);
        return answer.has("result") ? answer.get("result") : answer;
    }

    private static Optional<Path> onPath(String program) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
