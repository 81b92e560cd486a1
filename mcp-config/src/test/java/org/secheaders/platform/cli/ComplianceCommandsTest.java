package org.secheaders.platform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.db.DatabaseConfig;
import org.secheaders.domain.model.Actor;
import org.secheaders.domain.model.ComplianceFramework;
import org.secheaders.domain.model.PolicyInheritanceMode;
import org.secheaders.domain.model.PolicyType;
import org.secheaders.domain.model.Role;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.model.TenantSecurityPolicy;
import org.secheaders.domain.policy.OverridePermissions;
import org.secheaders.domain.policy.PolicyConfig;
import org.secheaders.domain.repo.TenantScope;
import org.secheaders.platform.PlatformJson;

/** {@code compliance run --due} and {@code compliance events} with the real check service on an H2 file. */
class ComplianceCommandsTest {

    @TempDir
    Path dir;

    private String dataDir;
    private final CliRun cli = CliRun.standard();
    private Tenant acme;

    @BeforeEach
    void migrateAndCreateTenants() {
        dataDir = dir.resolve("data").toString();
        assertEquals(0, cli.run("db", "migrate", "--data-dir", dataDir).exitCode());
        try (Database db = open()) {
            acme = db.tenants().create(TenantScope.platform(), new Tenant.Draft("acme", "Acme", "acme.example", Map.of()));
            db.tenants().create(TenantScope.platform(), new Tenant.Draft("globex", "Globex", "globex.example", Map.of()));
        }
    }

    private Database open() {
        return Database.open(DatabaseConfig.h2(Path.of(dataDir)));
    }

    @Test
    void runsEveryNeverCheckedTenantAndFrameworkOnceWithProgressOnStderr() throws Exception {
        CliRun.Result first = cli.run("compliance", "run", "--due", "--data-dir", dataDir);

        assertEquals(0, first.exitCode(), first::toString);
        assertTrue(first.err().contains("Checking acme (1/2)...") && first.err().contains("Checking globex (2/2)..."),
                first::toString);
        List<String> lines = first.out().lines().toList();
        assertTrue(lines.get(0).matches("TENANT +FRAMEWORK +STATUS +SCORE +REGRESSIONS +NEXT CHECK +ERROR"), first::toString);
        assertEquals(2 * ComplianceFramework.values().length, lines.stream().filter(l -> l.matches("(acme|globex) .*")).count());
        int statusColumn = lines.get(0).indexOf("STATUS");
        assertTrue(lines.stream().filter(l -> l.startsWith("acme ")).allMatch(l -> l.indexOf(' ', statusColumn) > statusColumn),
                "aligned: every status starts in the STATUS column\n" + first.out());
        assertTrue(first.out().contains("10 checks, 0 failed, 0 regressions"), first::toString);

        CliRun.Result second = cli.run("compliance", "run", "--due", "--format", "json", "--data-dir", dataDir);
        assertEquals(0, second.exitCode(), second::toString);
        JsonNode document = PlatformJson.mapper().readTree(second.out());
        assertEquals(0, document.get("checks").size(), "nothing is due right after a run");
        assertFalse(document.get("webhookConfigured").asBoolean());
    }

    @Test
    void aControlThatPassedAndFailsNowIsAnEventAndExitsThree() throws Exception {
        CliRun.Result baseline = cli.run("compliance", "run", "--due", "--tenant", "acme", "--framework", "owasp",
                "--format", "json", "--data-dir", dataDir);
        assertEquals(0, baseline.exitCode(), baseline::toString);
        JsonNode checks = PlatformJson.mapper().readTree(baseline.out()).get("checks");
        assertEquals(1, checks.size(), "only the tenant and framework asked for");
        assertEquals("acme", checks.get(0).get("tenant").asText());
        assertEquals(0, cli.run("compliance", "run", "--due", "--data-dir", dataDir).exitCode(), "the rest");
        try (Database db = open()) {
            // A granted override shortens HSTS to five minutes, and the tenant's OWASP check is due again.
            TenantSecurityPolicy weaker = db.policies().insert(TenantScope.tenant(acme.id()), new TenantSecurityPolicy.Draft(
                    acme.id(), "short hsts", PolicyType.HEADERS,
                    PolicyConfig.fromJson("{\"headers\":{\"Strict-Transport-Security\":\"max-age=300\"}}"),
                    PolicyInheritanceMode.OVERRIDE,
                    OverridePermissions.fromJson("{\"headers\":[\"Strict-Transport-Security\"],\"weakenings\":["
                            + "\"strict-transport-security:max-age\",\"strict-transport-security:includesubdomains\","
                            + "\"strict-transport-security:preload\"]}"),
                    Instant.now().minusSeconds(120), Optional.empty()), Actor.of("test", Role.ADMIN));
            db.policies().activate(TenantScope.tenant(acme.id()), weaker.id(), Actor.of("test", Role.ADMIN));
            db.jdbi().useHandle(handle -> handle.createUpdate("""
                    UPDATE compliance_checks SET next_check_at = :past WHERE tenant_id = :tenant AND framework = 'owasp'""")
                    .bind("past", Instant.now().minusSeconds(60)).bind("tenant", acme.id()).execute());
        }

        CliRun.Result run = cli.run("compliance", "run", "--due", "--data-dir", dataDir);

        assertEquals(3, run.exitCode(), run::toString);
        Matcher summary = Pattern.compile("1 checks, 0 failed, (\\d+) regressions").matcher(run.out());
        assertTrue(summary.find(), run::toString);
        int failing = Integer.parseInt(summary.group(1));
        assertTrue(failing > 0, run::toString);
        assertTrue(run.out().contains("No webhook is configured"), run::toString);
        assertTrue(run.err().contains("Checking acme (1/1)..."), run::toString);

        CliRun.Result events = cli.run("compliance", "events", "--tenant", "acme", "--format", "json", "--data-dir", dataDir);
        assertEquals(0, events.exitCode(), events::toString);
        JsonNode list = PlatformJson.mapper().readTree(events.out());
        assertEquals(failing, list.size());
        for (JsonNode event : list) {
            assertEquals("acme", event.get("tenant").asText());
            assertEquals("owasp", event.get("framework").asText());
            assertEquals("pass", event.get("before").asText());
            assertEquals("fail", event.get("after").asText());
            assertEquals("pending", event.get("delivery").asText());
            assertFalse(event.get("remediation").asText().isBlank());
        }
        CliRun.Result table = cli.run("compliance", "events", "--data-dir", dataDir);
        assertTrue(table.out().startsWith("ID  DETECTED"), table::toString);
        assertEquals(failing + 1, table.out().lines().count());
        assertEquals("No non-compliance events for globex.\n",
                cli.run("compliance", "events", "--tenant", "globex", "--data-dir", dataDir).out());
    }

    @Test
    void badFlagsAreNamed() {
        assertUsage(cli.run("compliance", "run", "--data-dir", dataDir), "Missing required option: '--due'");
        assertUsage(cli.run("compliance", "run", "--due", "--framework", "pci", "--data-dir", dataDir),
                "Invalid value for option '--framework'");
        assertUsage(cli.run("compliance", "run", "--due", "--tenant", "initech", "--data-dir", dataDir),
                "--tenant: tenant 'initech' does not exist");
        assertUsage(cli.run("compliance", "run", "--due", "--compliance-webhook-url", "mailto:x@y", "--data-dir", dataDir),
                "--compliance-webhook-url='mailto:x@y' is not an absolute http:// or https:// URL");
        assertUsage(cli.run("compliance", "events", "--limit", "0", "--data-dir", dataDir), "--limit must be 1-1000, was 0");
        assertUsage(cli.run("compliance", "events", "--tenant", "initech", "--data-dir", dataDir),
                "--tenant: tenant 'initech' does not exist");
    }

    private static void assertUsage(CliRun.Result result, String message) {
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().contains(message), result::toString);
    }
}
