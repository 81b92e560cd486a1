package org.secheaders.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secheaders.distribution.SecheadersJar.Run;

/**
 * Runs the shaded {@code secheaders.jar} as a process, as users do: the manifest, the merged
 * service files (the JSON mapper, JDBC drivers, Liquibase) and logging on stderr only.
 */
class ShadedJarTest {

    private static final String MODULE_SERVICE = "META-INF/services/org.secheaders.platform.server.McpServerModule";

    @TempDir
    Path dir;

    @Test
    void theManifestNamesTheCliAndItsVersion() throws Exception {
        Run version = run("--version");
        assertEquals(0, version.exitCode(), version::toString);
        assertTrue(version.out().matches("secheaders \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\n"), version::toString);
        try (JarFile jar = new JarFile(SecheadersJar.JAR.toFile())) {
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
        Run demo = run("demo", "--no-serve", "--data-dir", data.toString(), "--format", "json", "--days", "8", "--violations", "10000");

        assertEquals(0, demo.exitCode(), demo::toString);
        JsonNode document = new ObjectMapper().readTree(demo.out());
        assertEquals(3, document.get("tenants").size(), demo::toString);
        assertTrue(document.get("tenants").get(0).get("headers").has("Content-Security-Policy"), demo::toString);
        assertTrue(demo.err().contains("Migrating jdbc:h2:file:"), demo::toString);

        Run health = run("health", "--data-dir", data.toString());
        assertEquals(0, health.exitCode(), health::toString);
        assertTrue(health.out().contains("Healthy."), health::toString);
    }

    @Test
    void serveFindsTheServerModulesOfTheJar() throws Exception {
        boolean modules;
        try (JarFile jar = new JarFile(SecheadersJar.JAR.toFile())) {
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
        return SecheadersJar.run(dir, Map.of(), args);
    }
}
