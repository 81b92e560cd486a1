package org.secheaders.platform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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
import org.secheaders.domain.model.ApiTokens;
import org.secheaders.domain.model.AuditLogEntry;
import org.secheaders.domain.model.Role;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.repo.AuditQuery;
import org.secheaders.domain.repo.PageRequest;
import org.secheaders.domain.repo.TenantScope;
import org.secheaders.platform.PlatformJson;
import org.secheaders.platform.auth.Identity;
import org.secheaders.platform.data.DatabaseTokenAuthenticator;

/** {@code token create}, {@code list} and {@code revoke} against an H2 file, checked in the database and by authentication. */
class TokenCommandsTest {

    private static final Pattern SECRET = Pattern.compile("^  (shm_[A-Za-z0-9_-]{43})$", Pattern.MULTILINE);

    @TempDir
    Path dir;

    private String dataDir;
    private final CliRun cli = CliRun.standard();

    @BeforeEach
    void migrate() {
        dataDir = dir.resolve("data").toString();
        assertEquals(0, cli.run("db", "migrate", "--data-dir", dataDir).exitCode());
    }

    @Test
    void theSecretIsPrintedOnceStoredAsAHashAndStopsWorkingWhenRevoked() throws Exception {
        CliRun.Result created = cli.run("token", "create", "--name", "ci-deploy", "--role", "admin", "--expires-in", "30d",
                "--data-dir", dataDir);
        assertEquals(0, created.exitCode(), created::toString);
        Matcher matcher = SECRET.matcher(created.out());
        assertTrue(matcher.find(), created::toString);
        String secret = matcher.group(1);
        assertTrue(created.out().startsWith("Created token 'ci-deploy' (id 1): role admin, no tenant, expires "),
                created::toString);

        try (Database db = open()) {
            var stored = db.apiTokens().findByHash(ApiTokens.hash(secret)).orElseThrow();
            assertEquals(ApiTokens.hash(secret), stored.tokenHash());
            List<Map<String, Object>> rows = db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM api_tokens").mapToMap().list());
            assertEquals(1, rows.size());
            assertFalse(rows.get(0).values().stream().anyMatch(value -> String.valueOf(value).contains(secret)),
                    () -> "the secret itself is stored nowhere: " + rows);
            assertTrue(stored.expiresAt().orElseThrow().isAfter(Instant.now().plus(Duration.ofDays(29))));
            DatabaseTokenAuthenticator authenticator = new DatabaseTokenAuthenticator(db.apiTokens(), Clock.systemUTC());
            Optional<Identity> identity = authenticator.authenticate(secret);
            assertEquals(Role.ADMIN, identity.orElseThrow().role());

            CliRun.Result list = cli.run("token", "list", "--data-dir", dataDir);
            assertEquals(0, list.exitCode(), list::toString);
            assertFalse(list.out().contains(secret), "list never shows secrets");
            List<String> lines = list.out().lines().toList();
            assertEquals(List.of("ID", "NAME", "PREFIX", "ROLE", "TENANT", "CREATED", "LAST", "USED", "EXPIRES", "REVOKED"),
                    List.of(lines.get(0).split("\\s+")));
            assertTrue(lines.get(1).startsWith("1   ci-deploy  " + stored.tokenPrefix() + "…  admin "), list::toString);

            CliRun.Result revoked = cli.run("token", "revoke", "ci-deploy", "--data-dir", dataDir);
            assertEquals(0, revoked.exitCode(), revoked::toString);
            assertTrue(revoked.out().startsWith("Revoked token 'ci-deploy' (id 1) at "), revoked::toString);
            assertTrue(authenticator.authenticate(secret).isEmpty(), "a revoked token no longer authenticates");
            authenticator.close();

            CliRun.Result again = cli.run("token", "revoke", "1", "--data-dir", dataDir);
            assertEquals(0, again.exitCode(), again::toString);
            assertTrue(again.out().startsWith("Already revoked: token 'ci-deploy' (id 1) at "), again::toString);

            List<String> actions = db.auditLog().query(TenantScope.platform(), AuditQuery.all(), PageRequest.first(10))
                    .items().stream().map(AuditLogEntry::action).toList();
            assertTrue(actions.containsAll(List.of("token.create", "token.revoke")), actions::toString);
        }
    }

    @Test
    void listsAsJsonWithoutSecretsAndTenantTokensNameTheirTenant() throws Exception {
        try (Database db = open()) {
            db.tenants().create(TenantScope.platform(), new Tenant.Draft("acme", "Acme", "acme.example", Map.of()));
        }
        CliRun.Result created = cli.run("token", "create", "--name", "acme-admin", "--role", "tenant_admin", "--tenant", "acme",
                "--data-dir", dataDir, "--format", "json");
        assertEquals(0, created.exitCode(), created::toString);
        JsonNode token = PlatformJson.mapper().readTree(created.out());
        assertEquals("acme", token.get("tenant").asText());
        assertTrue(token.get("secret").asText().startsWith(token.get("prefix").asText()));

        JsonNode list = PlatformJson.mapper().readTree(cli.run("token", "list", "--data-dir", dataDir, "--format", "json").out());
        assertEquals(1, list.size());
        assertEquals("acme-admin", list.get(0).get("name").asText());
        assertEquals("tenant_admin", list.get(0).get("role").asText());
        assertFalse(list.get(0).has("secret"));
        assertFalse(list.toString().contains(token.get("secret").asText()));
    }

    @Test
    void badRequestsNameTheFlagOrSayWhatToDo() {
        assertUsage(cli.run("token", "create", "--name", "x", "--role", "tenant_admin", "--data-dir", dataDir),
                "--role tenant_admin needs --tenant SLUG");
        assertUsage(cli.run("token", "create", "--name", "x", "--role", "admin", "--tenant", "nope", "--data-dir", dataDir),
                "--tenant: no tenant with slug 'nope' (there are no tenants yet)");
        assertUsage(cli.run("token", "create", "--name", "x", "--role", "admin", "--expires-in", "3 days"),
                "Invalid value for option '--expires-in': '3 days' is not a lifetime");
        assertUsage(cli.run("token", "create", "--name", "x", "--role", "root"),
                "Invalid value for option '--role': role 'root' is not one of [superadmin, admin");
        assertUsage(cli.run("token", "create", "--role", "admin"), "Missing required option: '--name=NAME'");

        assertEquals(0, cli.run("token", "create", "--name", "dup", "--role", "admin", "--data-dir", dataDir).exitCode());
        CliRun.Result duplicate = cli.run("token", "create", "--name", "dup", "--role", "admin", "--data-dir", dataDir);
        assertEquals(1, duplicate.exitCode(), duplicate::toString);
        assertTrue(duplicate.err().contains("token 'dup' already exists (id 1)"), duplicate::toString);

        CliRun.Result unknown = cli.run("token", "revoke", "nobody", "--data-dir", dataDir);
        assertEquals(1, unknown.exitCode(), unknown::toString);
        assertTrue(unknown.err().contains("No token has the name or id 'nobody'"), unknown::toString);
    }

    @Test
    void anUnmigratedDatabaseGetsAHintNotAnSqlError() {
        CliRun.Result result = cli.run("token", "list", "--data-dir", dir.resolve("elsewhere").toString());
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.err().contains("is not up to date (0 of ") && result.err().contains("run 'secheaders db migrate' first"),
                result::toString);
    }

    private static void assertUsage(CliRun.Result result, String message) {
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().contains(message), result::toString);
    }

    private Database open() {
        return Database.open(DatabaseConfig.h2(Path.of(dataDir)));
    }
}
