package org.secheaders.platform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secheaders.platform.PlatformJson;
import org.secheaders.platform.admin.ClientConfigurations;
import org.secheaders.platform.server.ServerModules;
import org.secheaders.platform.testkit.SampleServerModule;

/** {@code client-config} for the test server modules and a jar built in a temporary directory. */
class ClientConfigCommandTest {

    @TempDir
    Path dir;

    @Test
    void everyClientGetsAbsoluteCommandLinesForTheAllInOneJar() throws Exception {
        Path jar = jar("with space/secheaders.jar", SecheadersCli.class.getName());
        CliRun.Result result = CliRun.standard().run("client-config", "--jar", jar.toString(), "--data-dir", "relative/data",
                "--format", "json");

        assertEquals(0, result.exitCode(), result::toString);
        JsonNode document = PlatformJson.mapper().readTree(result.out());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String dataDir = Path.of("relative/data").toAbsolutePath().normalize().toString();
        for (String client : List.of("claude-desktop", "cursor")) {
            JsonNode entry = document.get(client).get("mcpServers").get("secheaders-sample");
            assertEquals(java, entry.get("command").asText());
            assertTrue(Path.of(entry.get("command").asText()).isAbsolute());
            assertEquals(jvm("-jar", jar.toString(), "serve", "sample"), strings(entry.get("args")));
            assertEquals(dataDir, entry.get("env").get("SECHEADERS_DATA_DIR").asText());
            assertEquals("security_analyst", entry.get("env").get("SECHEADERS_IDENTITY_ROLE").asText());
        }
        JsonNode vscode = document.get("vscode").get("servers");
        assertEquals(List.of("secheaders-sample", "secheaders-sample-static"), fieldNames(vscode));
        assertEquals("stdio", vscode.get("secheaders-sample").get("type").asText());

        List<String> stdio = strings(document.get("inspector").get("stdio"));
        assertEquals("npx -y @modelcontextprotocol/inspector@2.12.0 --cli -e SECHEADERS_DATA_DIR=" + dataDir
                + " -e SECHEADERS_IDENTITY_ROLE=security_analyst " + java + " " + String.join(" ", ClientConfigurations.LATER_C2)
                + " -jar '" + jar + "' serve sample"
                + " --method tools/list", stdio.get(0));
        List<String> http = strings(document.get("inspector").get("http"));
        assertEquals(List.of(
                "npx -y @modelcontextprotocol/inspector@2.12.0 --cli http://127.0.0.1:8080/mcp"
                        + " --header \"Authorization: Bearer $MCP_TOKEN\" --method tools/list",
                "npx -y @modelcontextprotocol/inspector@2.12.0 --cli http://127.0.0.1:8081/mcp"
                        + " --header \"Authorization: Bearer $MCP_TOKEN\" --method tools/list"), http);
    }

    @Test
    void oneClientPrintsOnlyItsDocumentAndTheDatabaseButNeverItsPassword() throws Exception {
        Path jar = jar("secheaders.jar", SecheadersCli.class.getName());
        CliRun.Result result = CliRun.standard().runningFrom(jar).run("client-config", "--client", "claude-desktop",
                "--server", "sample", "--db-url", "jdbc:postgresql://db.internal/secheaders", "--db-user", "mcp",
                "--db-password", "hunter2-hunter2", "--identity-role", "tenant_admin", "--identity-tenant", "7");

        assertEquals(0, result.exitCode(), result::toString);
        JsonNode env = PlatformJson.mapper().readTree(result.out()).get("mcpServers").get("secheaders-sample").get("env");
        assertEquals("jdbc:postgresql://db.internal/secheaders", env.get("SECHEADERS_DB_URL").asText());
        assertEquals("mcp", env.get("SECHEADERS_DB_USER").asText());
        assertEquals("tenant_admin", env.get("SECHEADERS_IDENTITY_ROLE").asText());
        assertEquals("7", env.get("SECHEADERS_IDENTITY_TENANT").asText());
        assertFalse(result.out().contains("hunter2"));
        assertTrue(result.err().contains("add SECHEADERS_DB_PASSWORD to each entry's env yourself"), result::toString);
        assertTrue(result.err().contains("Paste into claude_desktop_config.json"), result::toString);
    }

    @Test
    void aServersOwnJarRunsWithoutServe() throws Exception {
        Path jar = jar("mcp-sample.jar", "org.example.SampleMain");
        CliRun.Result result = CliRun.standard().run("client-config", "--jar", jar.toString(), "--server",
                SampleServerModule.ID, "--client", "cursor");
        assertEquals(0, result.exitCode(), result::toString);
        JsonNode args = PlatformJson.mapper().readTree(result.out()).get("mcpServers").get("secheaders-sample").get("args");
        assertEquals(jvm("-jar", jar.toString()), strings(args));

        CliRun.Result unnamed = CliRun.standard().run("client-config", "--jar", jar.toString());
        assertEquals(2, unnamed.exitCode(), unnamed::toString);
        assertTrue(unnamed.err().contains("is a single server's jar; name that server with --server"), unnamed::toString);
    }

    @Test
    void anArchiveNewerThanTheJarIsReadAndAnOlderOneIsLeftOutWithAHint() throws Exception {
        Path jar = jar("secheaders.jar", SecheadersCli.class.getName());
        Path archive = dir.resolve("secheaders.sample.jsa");
        CliRun.Result none = CliRun.standard().run("client-config", "--jar", jar.toString(), "--server", "sample",
                "--client", "cursor");
        assertEquals(jvm("-jar", jar.toString(), "serve", "sample"), args(none));
        assertTrue(none.err().contains("secheaders.sample.jsa does not exist") && none.err().contains("cds create"),
                none::toString);

        Files.write(archive, new byte[] {1});
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
        CliRun.Result fresh = CliRun.standard().run("client-config", "--jar", jar.toString(), "--server", "sample",
                "--client", "cursor");
        List<String> withArchive = new ArrayList<>(List.of("-Xlog:disable", "-Xlog:all=warning:stderr",
                "-XX:SharedArchiveFile=" + archive));
        withArchive.addAll(jvm("-jar", jar.toString(), "serve", "sample"));
        assertEquals(withArchive, args(fresh));
        assertFalse(fresh.err().contains("cds create"), fresh::toString);

        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        CliRun.Result stale = CliRun.standard().run("client-config", "--jar", jar.toString(), "--server", "sample",
                "--client", "cursor");
        assertEquals(jvm("-jar", jar.toString(), "serve", "sample"), args(stale));
        assertTrue(stale.err().contains("secheaders.sample.jsa is older than the jar"), stale::toString);
    }

    /** The JIT options every launch carries, then {@code rest}. */
    private static List<String> jvm(String... rest) {
        return Stream.concat(ClientConfigurations.LATER_C2.stream(), Stream.of(rest)).toList();
    }

    private static List<String> args(CliRun.Result result) throws IOException {
        assertEquals(0, result.exitCode(), result::toString);
        return strings(PlatformJson.mapper().readTree(result.out()).get("mcpServers").get("secheaders-sample").get("args"));
    }

    @Test
    void explainsWhatIsMissing() throws IOException {
        CliRun.Result noJar = CliRun.standard().run("client-config");
        assertEquals(2, noJar.exitCode(), noJar::toString);
        assertTrue(noJar.err().contains("--jar PATH is required"), noJar::toString);

        CliRun.Result missingJar = CliRun.standard().run("client-config", "--jar", dir.resolve("nope.jar").toString());
        assertEquals(2, missingJar.exitCode(), missingJar::toString);
        assertTrue(missingJar.err().contains("nope.jar does not exist"), missingJar::toString);

        Path jar = jar("secheaders.jar", SecheadersCli.class.getName());
        CliRun.Result unknown = CliRun.standard().run("client-config", "--jar", jar.toString(), "--server", "payroll");
        assertEquals(2, unknown.exitCode(), unknown::toString);
        assertTrue(unknown.err().contains("--server: no server module 'payroll'; known: sample, sample-static"),
                unknown::toString);

        CliRun.Result none = CliRun.standard().modules(ServerModules.of(List.of())).run("client-config", "--jar", jar.toString());
        assertEquals(1, none.exitCode(), none::toString);
        assertTrue(none.err().contains("No MCP server modules are installed"), none::toString);
    }

    private Path jar(String name, String mainClass) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        Path jar = dir.resolve(name);
        Files.createDirectories(jar.getParent());
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.finish();
        }
        return jar;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
