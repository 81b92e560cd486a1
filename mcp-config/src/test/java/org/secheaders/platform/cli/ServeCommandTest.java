package org.secheaders.platform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpSyncClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secheaders.platform.PlatformJson;
import org.secheaders.platform.server.ServerModules;
import org.secheaders.platform.testkit.McpClients;
import org.secheaders.platform.testkit.TestTokens;

/** {@code serve} with the test server modules registered in META-INF/services. */
class ServeCommandTest {

    private static final Pattern ROW = Pattern.compile("^(sample(?:-static)?) +(http://127\\.0\\.0\\.1:\\d+/mcp) +(.+)$",
            Pattern.MULTILINE);
    private static final Duration STARTUP = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void servesEveryModuleOverHttpOnItsOwnPortWithDatabaseTokens() throws Exception {
        String dataDir = dir.resolve("data").toString();
        CliRun cli = CliRun.standard();
        assertEquals(0, cli.run("db", "migrate", "--data-dir", dataDir).exitCode());
        String secret = PlatformJson.mapper().readTree(cli.run("token", "create", "--name", "test", "--role",
                "security_analyst", "--data-dir", dataDir, "--format", "json").out()).get("secret").asText();

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread server = new Thread(() -> exit.set(cli.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                "serve", "--all", "--transport", "http", "--port", "0", "--data-dir", dataDir,
                "--token", "superadmin:" + TestTokens.SUPERADMIN, "--log-level", "warn")), "serve-under-test");
        server.start();
        try {
            Map<String, URI> urls = awaitUrls(out, err, server, 2);
            assertTrue(out.toString().startsWith("SERVER         URL"), out::toString);
            assertTrue(out.toString().contains("Sample tools backed by the platform database"), out::toString);
            assertTrue(urls.get("sample").getPort() != urls.get("sample-static").getPort());
            try (McpSyncClient client = McpClients.streamable(base(urls.get("sample")), secret)) {
                assertTrue(client.listTools().tools().stream().anyMatch(tool -> tool.name().equals("sum")),
                        "the database token opens the database-backed server");
            }
            try (McpSyncClient client = McpClients.streamable(base(urls.get("sample-static")), TestTokens.SUPERADMIN)) {
                assertEquals(3, client.listTools().tools().size());
            }
        } finally {
            server.interrupt();
            server.join(STARTUP.toMillis());
        }
        assertEquals(0, exit.get(), "an interrupt stops serve cleanly: " + err);
    }

    @Test
    void stdioServesExactlyOneServer() {
        CliRun.Result all = CliRun.standard().run("serve", "--all");
        assertEquals(2, all.exitCode(), all::toString);
        assertTrue(all.err().contains("stdio serves exactly one server, not 2 (sample, sample-static); name one, "
                + "or serve them over HTTP with --transport http"), all::toString);

        CliRun.Result two = CliRun.standard().run("serve", "sample", "sample-static", "--transport", "stdio");
        assertEquals(2, two.exitCode(), two::toString);
    }

    @Test
    void namesWhatCanBeServed() {
        CliRun.Result none = CliRun.standard().run("serve");
        assertEquals(2, none.exitCode(), none::toString);
        assertTrue(none.err().contains("name a server to run (sample, sample-static) or pass --all"), none::toString);

        CliRun.Result unknown = CliRun.standard().run("serve", "payroll");
        assertEquals(2, unknown.exitCode(), unknown::toString);
        assertTrue(unknown.err().contains("no server module 'payroll'; known: sample, sample-static"), unknown::toString);

        CliRun.Result both = CliRun.standard().run("serve", "sample", "--all");
        assertEquals(2, both.exitCode(), both::toString);
    }

    @Test
    void saysSoWhenNoServerModuleIsInstalled() {
        CliRun.Result result = CliRun.standard().modules(ServerModules.of(List.of())).run("serve", "--all");
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.err().startsWith("No MCP server modules are installed"), result::toString);

        CliRun.Result help = CliRun.standard().modules(ServerModules.of(List.of())).run("serve", "--help");
        assertTrue(help.out().contains("No MCP server modules are installed"), help::toString);
    }

    private static URI base(URI endpoint) {
        return endpoint.resolve("/");
    }

    private static Map<String, URI> awaitUrls(StringWriter out, StringWriter err, Thread server, int count)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline) && server.isAlive()) {
            Matcher matcher = ROW.matcher(out.toString());
            Map<String, URI> urls = new TreeMap<>();
            while (matcher.find()) {
                urls.put(matcher.group(1), URI.create(matcher.group(2)));
            }
            if (urls.size() == count) {
                return urls;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("serve printed no URLs:\n" + out + "\n" + err);
    }
}
