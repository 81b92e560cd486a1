package org.secheaders.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shaded {@code secheaders.jar} as a process, as users do: the manifest, the merged
 * service files (the JSON mapper, JDBC drivers, Liquibase) and logging on stderr only.
 */
class ShadedJarTest {

    private static final Path JAR = Path.of(System.getProperty("secheaders.jar", "target/secheaders.jar"));
    private static final String MODULE_SERVICE = "META-INF/services/org.secheaders.platform.server.McpServerModule";

    @TempDir
    Path dir;

    /** What a run of the jar printed and how it ended. */
    private record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    @Test
    void theManifestNamesTheCliAndItsVersion() throws Exception {
        Run version = run("--version");
        assertEquals(0, version.exitCode(), version::toString);
        assertTrue(version.out().matches("secheaders \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\n"), version::toString);
        try (JarFile jar = new JarFile(JAR.toFile())) {
            assertTrue(jar.getEntry("META-INF/services/io.modelcontextprotocol.json.McpJsonMapperSupplier") != null,
                    "the MCP JSON mapper is found through ServiceLoader");
            assertTrue(jar.stream().noneMatch(e -> e.getName().matches("META-INF/[^/]+\\.(SF|DSA|RSA)")),
                    "no signature files of shaded jars");
            assertTrue(jar.getEntry("module-info.class") == null);
        }
    }

    @Test
    void theDemoRunsOnAFreshDirectoryWithOnlyJsonOnStdout() throws Exception {
        Path data = dir.resolve("data");
        Run demo = run("demo", "--data-dir", data.toString(), "--format", "json", "--days", "8", "--violations", "10000");

        assertEquals(0, demo.exitCode(), demo::toString);
        JsonNode document = new ObjectMapper().readTree(demo.out());
        assertEquals(2, document.get("tenants").size(), demo::toString);
        assertTrue(document.get("tenants").get(0).get("headers").has("Content-Security-Policy"), demo::toString);
        assertTrue(demo.err().contains("Migrating jdbc:h2:file:"), demo::toString);

        Run health = run("health", "--data-dir", data.toString());
        assertEquals(0, health.exitCode(), health::toString);
        assertTrue(health.out().contains("Healthy."), health::toString);
    }

    @Test
    void serveFindsTheServerModulesOfTheJar() throws Exception {
        boolean modules;
        try (JarFile jar = new JarFile(JAR.toFile())) {
            modules = jar.getEntry(MODULE_SERVICE) != null;
        }
        Run serve = run("serve", "--help");
        assertEquals(0, serve.exitCode(), serve::toString);
        assertEquals(modules, serve.out().contains("Installed servers:"), serve::toString);
        if (!modules) {
            Run all = run("serve", "--all");
            assertEquals(1, all.exitCode(), all::toString);
            assertTrue(all.err().startsWith("No MCP server modules are installed"), all::toString);
        }
    }

    private Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).start();
        process.getOutputStream().close();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        // A guard against hangs, not a speed test: the demo seeds for about 20 s on an idle 2-core machine.
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("secheaders " + String.join(" ", args) + " did not finish in 300 s");
        }
        return new Run(process.exitValue(), out.join(), err.join());
    }

    private static String read(InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
