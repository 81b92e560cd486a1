package org.secheaders.platform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secheaders.platform.PlatformJson;

/** {@code demo} on a fresh data directory: migrates, seeds (the smallest scenario), shows the resolved headers. */
class DemoCommandTest {

    private static final String[] SMALL = {"--days", "8", "--violations", "10000"};

    @TempDir
    Path dir;

    @Test
    void setsUpAFreshDirectoryAndShowsEachTenantsEffectiveHeaders() throws Exception {
        Path dataDir = dir.resolve("fresh/data");
        CliRun cli = CliRun.standard().env(Map.of("SECHEADERS_DATA_DIR", dataDir.toString()));
        CliRun.Result seeded = cli.run(args("demo", "--format", "json"));

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

        CliRun.Result again = cli.run(args("demo"));
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
