package org.secheaders.platform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.client.McpSyncClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secheaders.platform.PlatformJson;
import org.secheaders.platform.server.ServerModules;
import org.secheaders.platform.testkit.McpClients;
import org.secheaders.platform.testkit.SampleServerModule;

/** {@code demo} on a fresh data directory: migrates, seeds (the smallest scenario), shows the resolved headers. */
class DemoCommandTest {

    private static final String[] SMALL = {"--days", "8", "--violations", "10000"};
    private static final Duration STARTUP = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    @Test
    void setsUpAFreshDirectoryAndShowsEachTenantsEffectiveHeaders() throws Exception {
        Path dataDir = dir.resolve("fresh/data");
        CliRun cli = CliRun.standard().env(Map.of("SECHEADERS_DATA_DIR", dataDir.toString()));
        CliRun.Result seeded = cli.run(args("demo", "--no-serve", "--format", "json"));

        assertEquals(0, seeded.exitCode(), seeded::toString);
        assertTrue(Files.exists(dataDir.resolve("secheaders.mv.db")), "SECHEADERS_DATA_DIR chose the database file");
        assertTrue(seeded.err().contains("Migrating jdbc:h2:file:" + dataDir.toAbsolutePath()), seeded::toString);
        assertTrue(seeded.err().contains("Seeding demo data (3 tenants, 8 days, 10,000 violations)..."), seeded::toString);
        assertTrue(seeded.err().lines().anyMatch(l -> l.matches("  violations +10,000/10,000")), "progress: " + seeded.err());
        JsonNode document = PlatformJson.mapper().readTree(seeded.out());
        assertFalse(document.get("seeded").get("alreadySeeded").asBoolean());
        assertEquals(10_000, document.get("seeded").get("counts").get("violationsGenerated").asInt());
        assertEquals(List.of("attack_burst", "policy_regression", "rollout_fix"), StreamSupport.stream(
                document.get("seeded").get("planted").spliterator(), false).map(p -> p.get("kind").asText()).toList());
        assertEquals(dataDir.toAbsolutePath().toString(), document.get("dataDir").asText());
        List<JsonNode> tenants = StreamSupport.stream(document.get("tenants").spliterator(), false).toList();
        assertEquals(List.of("acme-shop", "globex-news", "initech-portal"),
                tenants.stream().map(t -> t.get("slug").asText()).toList());
        for (JsonNode tenant : tenants) {
            JsonNode headers = tenant.get("headers");
            for (String name : List.of("Content-Security-Policy", "Strict-Transport-Security", "X-Content-Type-Options",
                    "Referrer-Policy", "Permissions-Policy", "Cross-Origin-Opener-Policy")) {
                assertTrue(headers.has(name), () -> tenant.get("slug") + " lacks " + name + ": " + headers);
            }
            assertTrue(tenant.get("policies").size() > 0, tenant::toString);
            assertTrue(tenant.get("decisions").size() > 0, tenant::toString);
            assertTrue(tenant.get("cspFindings").size() > 0, tenant::toString);
        }
        assertTrue(tenants.get(2).get("headers").has("Content-Security-Policy-Report-Only"), "initech's report-only rollout");

        CliRun.Result again = cli.run(args("demo", "--no-serve"));
        assertEquals(0, again.exitCode(), again::toString);
        String out = again.out();
        assertTrue(out.startsWith("The demo data was already in jdbc:h2:file:"), out);
        for (String tenant : List.of("== acme-shop: ", "== globex-news: ", "== initech-portal: ")) {
            assertTrue(out.contains(tenant), () -> tenant + " missing: " + out);
        }
        assertEquals(3, out.lines().filter(l -> l.matches("HEADER +VALUE")).count(), "a header table per tenant: " + out);
        assertTrue(out.lines().anyMatch(l -> l.matches("Content-Security-Policy +default-src .*'nonce-\\{nonce}'.*")), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("csp-rollout .* +applied +Content-Security-Policy-Report-Only .*")),
                "the policy engine's decisions: " + out);
        assertTrue(out.contains("CSP findings:"), out);
        assertTrue(out.contains("secheaders client-config"), "says how to connect a client: " + out);
        assertFalse(seeded.out().contains("\"serving\""), "--no-serve serves nothing: " + seeded.out());
    }

    /**
     * Without --no-serve the demo serves every installed module over HTTP until interrupted (Ctrl-C in a
     * terminal), with a demo token that a second run on the same data reuses.
     */
    @Test
    void servesTheInstalledServersWithADemoTokenThatLaterRunsReuse() throws Exception {
        CliRun cli = CliRun.standard().modules(ServerModules.of(List.of(new SampleServerModule())))
                .env(Map.of("SECHEADERS_DATA_DIR", dir.resolve("data").toString()));

        DemoRun first = DemoRun.start(cli, args("demo", "--port", "0", "--format", "json"));
        JsonNode serving = first.awaitJson().get("serving");
        String secret = serving.at("/token/secret").asText();
        URI url = URI.create(serving.at("/servers/0/url").asText());
        assertEquals("sample", serving.at("/servers/0/server").asText());
        assertEquals("/mcp", url.getPath());
        assertEquals("127.0.0.1", url.getHost());
        assertFalse(serving.at("/token/reused").asBoolean());
        assertEquals("admin", serving.at("/token/role").asText());
        assertEquals("npx -y @modelcontextprotocol/inspector@2.12.0 --cli " + url + " --transport http --header "
                + "'Authorization: Bearer " + secret + "' --method tools/list", serving.at("/servers/0/inspector").asText());
        assertFalse(serving.has("collector"),
                "the sample module serves no collector: " + serving);
        try (McpSyncClient client = McpClients.streamable(url.resolve("/"), secret)) {
            assertTrue(client.listTools().tools().stream().anyMatch(tool -> tool.name().equals("sum")));
        }
        assertEquals(0, first.stop(), first::toString);
        assertTrue(first.err().toString().contains("Starting sample over HTTP..."), first::toString);

        DemoRun second = DemoRun.start(cli, args("demo", "--port", "0"));
        String out = second.awaitText("Stop with Ctrl-C.");
        assertTrue(out.startsWith("The demo data was already in jdbc:h2:file:"), out);
        assertTrue(out.contains("kept as it is, nothing was reseeded"), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("Token +" + secret + " +\\(demo, role admin; reused from .*demo-token\\)")),
                out);
        assertTrue(out.lines().anyMatch(l -> l.matches("SERVER +URL +DESCRIPTION")), out);
        assertTrue(out.contains("client-config"), out);
        assertEquals(0, second.stop(), second::toString);
    }

    @Test
    void refusesToServeWithoutServerModules() {
        CliRun.Result result = CliRun.standard().modules(ServerModules.of(List.of()))
                .run(args("demo", "--data-dir", dir.resolve("data").toString()));
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().contains("Or pass --no-serve."), result::toString);
        assertFalse(Files.exists(dir.resolve("data")), "nothing was written");
    }

    /** demo running in a thread, as in a terminal; stopped by an interrupt, as Ctrl-C stops the real process. */
    private record DemoRun(Thread thread, StringWriter out, StringWriter err, AtomicInteger exit) {
        static DemoRun start(CliRun cli, String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            AtomicInteger exit = new AtomicInteger(-1);
            Thread thread = new Thread(() -> exit.set(cli.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                    args)), "demo");
            thread.start();
            return new DemoRun(thread, out, err, exit);
        }

        JsonNode awaitJson() throws InterruptedException {
            Instant deadline = Instant.now().plus(STARTUP);
            while (Instant.now().isBefore(deadline) && thread.isAlive()) {
                String text = out.toString();
                if (text.stripTrailing().endsWith("}")) {
                    try {
                        return PlatformJson.mapper().readTree(text);
                    } catch (IOException incomplete) {
                        // still printing
                    }
                }
                Thread.sleep(50);
            }
            throw new AssertionError("demo printed no JSON document: " + this);
        }

        String awaitText(String last) throws InterruptedException {
            Instant deadline = Instant.now().plus(STARTUP);
            while (Instant.now().isBefore(deadline) && thread.isAlive()) {
                if (out.toString().contains(last)) {
                    return out.toString();
                }
                Thread.sleep(50);
            }
            throw new AssertionError("demo did not print '" + last + "': " + this);
        }

        int stop() throws InterruptedException {
            thread.interrupt();
            thread.join(Duration.ofSeconds(60).toMillis());
            assertFalse(thread.isAlive(), "an interrupt stops demo");
            return exit.get();
        }

        @Override
        public String toString() {
            return "exit " + exit.get() + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    @Test
    void scenarioFlagsAreCheckedBeforeAnythingIsWritten() {
        CliRun.Result result = CliRun.standard().run("demo", "--data-dir", dir.resolve("data").toString(), "--days", "3");
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().contains("--days 3 is not between 8 and 90"), result::toString);
        assertFalse(Files.exists(dir.resolve("data")));
    }

    private static String[] args(String... args) {
        String[] all = new String[args.length + SMALL.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(SMALL, 0, all, args.length, SMALL.length);
        return all;
    }
}
