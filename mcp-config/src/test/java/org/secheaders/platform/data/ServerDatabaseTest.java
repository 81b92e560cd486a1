package org.secheaders.platform.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.db.DatabaseConfig;
import org.secheaders.domain.model.ApiToken;
import org.secheaders.domain.model.ApiTokens;
import org.secheaders.domain.model.Role;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.repo.TenantScope;
import org.secheaders.domain.testing.DbKind;
import org.secheaders.domain.testing.TestDatabase;
import org.secheaders.domain.testing.TestDatabases;
import org.secheaders.domain.testing.TestTenants;
import org.secheaders.platform.config.PlatformConfig;
import org.secheaders.platform.config.PlatformConfigLoader;
import org.secheaders.platform.server.RunningServer;
import org.secheaders.platform.server.ServerRuntime;
import org.secheaders.platform.testkit.McpClients;
import org.secheaders.platform.testkit.RawHttp;
import org.secheaders.platform.testkit.SampleServer;

/** Database-backed bearer tokens through the real streamable HTTP transport, on every supported database. */
class ServerDatabaseTest {

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void tokensCreatedInTheDatabaseAuthenticateUntilRevokedOrExpired(DbKind kind) throws Exception {
        try (TestDatabase fixture = TestDatabases.createUnmigrated(kind)) {
            PlatformConfig config = config(fixture.database().config());
            try (ServerDatabase serverDb = ServerDatabase.open(config);
                 RunningServer server = ServerRuntime.startHttp(
                         serverDb.attachTo(SampleServer.builder()).build(), config)) {
                Database db = fixture.database();
                Tenant tenant = TestTenants.create(db);
                String active = token(db, "active", Optional.empty());
                String revoked = token(db, "revoked", Optional.empty());
                String expired = token(db, "expired", Optional.of(Instant.now().minusSeconds(1)));

                try (McpSyncClient client = McpClients.streamable(server.baseUri(), active)) {
                    assertTrue(client.listTools().tools().stream().anyMatch(t -> t.name().equals("sum")));
                    CallToolResult result = McpClients.call(client, "sum",
                            Map.of("numbers", List.of(1, 2), "tenant_id", tenant.id()));
                    assertFalse(result.isError(), () -> McpClients.text(result));
                    assertEquals("tenant " + tenant.id(), ((Map<?, ?>) result.structuredContent()).get("scope"));
                    assertTrue(((String) ((Map<?, ?>) result.structuredContent()).get("caller")).startsWith("token:active#"));
                }
                assertEquals(200, initialize(server.baseUri(), revoked).statusCode());
                long revokedId = db.apiTokens().findByHash(ApiTokens.hash(revoked)).orElseThrow().id();
                db.apiTokens().revoke(TenantScope.platform(), revokedId);

                assertEquals(401, initialize(server.baseUri(), revoked).statusCode());
                assertEquals(401, initialize(server.baseUri(), expired).statusCode());
                assertEquals(401, initialize(server.baseUri(), "shm_not-a-token-anyone-created").statusCode());
                assertLastUseRecorded(db, active);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = DbKind.class, names = "H2")
    void readinessFollowsTheDatabaseAndMigrationCanBeLeftToTheOperator(DbKind kind) throws Exception {
        try (TestDatabase fixture = TestDatabases.createUnmigrated(kind)) {
            List<String> args = new ArrayList<>(flags(fixture.database().config()));
            args.addAll(List.of("--db-migrate", "false"));
            PlatformConfig config = PlatformConfigLoader.load(args.toArray(String[]::new), Map.of());
            ServerDatabase serverDb = ServerDatabase.open(config);
            try (RunningServer server = ServerRuntime.startHttp(serverDb.attachTo(SampleServer.builder()).build(), config)) {
                assertTrue(fixture.database().migrations().status().stream().noneMatch(s -> s.applied()),
                        "db.migrate=false leaves the schema alone");
                assertEquals(200, ready(server).statusCode());

                serverDb.database().close();
                HttpResponse<String> down = ready(server);
                assertEquals(503, down.statusCode(), down::body);
                assertTrue(down.body().contains("\"database\":\"DOWN\""), down::body);
            }
        }
    }

    private static HttpResponse<String> ready(RunningServer server) {
        return RawHttp.get(server.baseUri().resolve("/health/ready"), Map.of());
    }

    private static PlatformConfig config(DatabaseConfig database) {
        return PlatformConfigLoader.load(flags(database).toArray(String[]::new), Map.of());
    }

    private static List<String> flags(DatabaseConfig database) {
        List<String> flags = new ArrayList<>(List.of("--transport", "http", "--port", "0",
                "--db-url", database.url(), "--data-dir", database.dataDir().toString(), "--db-pool-size", "2"));
        database.user().ifPresent(user -> flags.addAll(List.of("--db-user", user)));
        return flags;
    }

    private static String token(Database db, String name, Optional<Instant> expiresAt) {
        ApiTokens.NewSecret secret = ApiTokens.generate();
        db.apiTokens().create(TenantScope.platform(), new ApiToken.Draft(name, secret.hash(), secret.displayPrefix(),
                Role.SUPERADMIN, Optional.empty(), expiresAt));
        return secret.secret();
    }

    private static HttpResponse<String> initialize(URI base, String token) {
        return RawHttp.post(base.resolve("/mcp"), Map.of(
                "Authorization", "Bearer " + token,
                "Content-Type", "application/json",
                "Accept", "application/json, text/event-stream"), RawHttp.initializeRequest());
    }

    private static void assertLastUseRecorded(Database db, String secret) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (db.apiTokens().findByHash(ApiTokens.hash(secret)).orElseThrow().lastUsedAt().isEmpty()) {
            assertTrue(Instant.now().isBefore(deadline), "last_used_at was never written");
            Thread.sleep(50);
        }
    }
}
