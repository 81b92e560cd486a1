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

/** {@code demo} on a fresh data directory: migrates, seeds, and shows the resolved headers. */
class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void setsUpAFreshDirectoryAndPrintsEachTenantsEffectiveHeaders() throws Exception {
        Path dataDir = dir.resolve("fresh/data");
        CliRun.Result demo = CliRun.standard().env(Map.of("SECHEADERS_DATA_DIR", dataDir.toString())).run("demo");

        assertEquals(0, demo.exitCode(), demo::toString);
        assertTrue(Files.exists(dataDir.resolve("secheaders.mv.db")), "SECHEADERS_DATA_DIR chose the database file");
        assertTrue(demo.err().contains("Migrating jdbc:h2:file:" + dataDir.toAbsolutePath()), demo::toString);
        assertTrue(demo.err().contains("[1/2] tenant acme-shop: created with 2 active policies"), demo::toString);
        assertTrue(demo.err().contains("[2/2] tenant globex-news: created with 2 active policies"), demo::toString);
        String out = demo.out();
        assertTrue(out.contains("== acme-shop: Acme Shop (shop.acme.example)"), out);
        assertTrue(out.contains("== globex-news: Globex News (news.globex.example)"), out);
        List<String> acmeCsp = out.lines().filter(l -> l.matches("Content-Security-Policy +default-src .*")).toList();
        assertEquals(2, acmeCsp.size(), "one enforced CSP per tenant");
        assertTrue(acmeCsp.get(0).contains("script-src 'nonce-{nonce}' 'strict-dynamic'")
                && acmeCsp.get(0).contains("connect-src 'self' https://api.stripe.com"), acmeCsp.get(0));
        assertTrue(out.lines().anyMatch(l -> l.matches("HEADER +VALUE")), "aligned header table");
        assertTrue(out.lines().anyMatch(l -> l.matches("newsroom +refused weakening +Strict-Transport-Security .*")),
                "the engine's refusals are shown: " + out);
        assertTrue(out.contains("CSP findings:"), out);
        assertTrue(out.contains("secheaders client-config"), "says how to connect a client: " + out);
    }

    @Test
    void printsJsonForScriptsAndLeavesSeededTenantsAlone() throws Exception {
        String dataDir = dir.resolve("data").toString();
        assertEquals(0, CliRun.standard().run("demo", "--data-dir", dataDir).exitCode());

        CliRun.Result again = CliRun.standard().run("demo", "--data-dir", dataDir, "--format", "json");
        assertEquals(0, again.exitCode(), again::toString);
        assertTrue(again.err().contains("acme-shop: already present, left unchanged"), again::toString);
        JsonNode document = PlatformJson.mapper().readTree(again.out());
        assertEquals(Path.of(dataDir).toAbsolutePath().toString(), document.get("dataDir").asText());
        List<JsonNode> tenants = StreamSupport.stream(document.get("tenants").spliterator(), false).toList();
        assertEquals(List.of("acme-shop", "globex-news"), tenants.stream().map(t -> t.get("slug").asText()).toList());
        for (JsonNode tenant : tenants) {
            assertFalse(tenant.get("created").asBoolean());
            JsonNode headers = tenant.get("headers");
            for (String name : List.of("Content-Security-Policy", "Strict-Transport-Security", "X-Content-Type-Options",
                    "Referrer-Policy", "Permissions-Policy", "Cross-Origin-Opener-Policy")) {
                assertTrue(headers.has(name), () -> tenant.get("slug") + " lacks " + name + ": " + headers);
            }
            assertTrue(tenant.get("decisions").size() > 0);
            assertTrue(tenant.get("cspFindings").size() > 0);
        }
        JsonNode globex = tenants.get(1).get("headers");
        assertEquals("sameorigin", globex.get("X-Frame-Options").asText(), "a granted override took effect");
        assertEquals("max-age=63072000; includeSubDomains", globex.get("Strict-Transport-Security").asText(),
                "a weakening without a grant was refused");
        assertTrue(tenants.get(0).get("headers").has("Content-Security-Policy-Report-Only"), "the report-only trial");
    }
}
