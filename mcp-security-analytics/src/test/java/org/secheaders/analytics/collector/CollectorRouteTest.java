package org.secheaders.analytics.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.secheaders.analytics.AnalyticsServer;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.db.DatabaseConfig;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.repo.TenantScope;
import org.secheaders.platform.config.PlatformConfigLoader;
import org.secheaders.platform.config.TransportKind;
import org.secheaders.platform.server.RunningServer;
import org.secheaders.platform.server.ServerDefinition;
import org.secheaders.platform.server.ServerRuntime;
import org.secheaders.platform.testkit.McpClients;
import org.secheaders.platform.testkit.RawHttp;

/**
 * The analytics server in HTTP mode serves the CSP report collector beside {@code /mcp}: a browser's
 * report (no token, a foreign Origin) is accepted, and the violation is then seen through
 * {@code analyze_security_metrics} with the SDK client.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CollectorRouteTest {

    private static final String TOKEN = "analyst-token-collector-000000001";
    private static final String LEGACY_REPORT = """
            {"csp-report": {"document-uri": "https://acme.example/checkout?order=1", "referrer": "",
             "violated-directive": "script-src-elem", "effective-directive": "script-src-elem",
             "original-policy": "script-src 'self'; report-uri /csp-report", "disposition": "enforce",
             "blocked-uri": "https://evil.example/skimmer.js", "status-code": 200}}""";
    private static final String REPORTING_API_BATCH = """
            [{"type": "csp-violation", "age": 10, "url": "https://acme.example/login", "user_agent": "Mozilla/5.0",
              "body": {"documentURL": "https://acme.example/login", "effectiveDirective": "img-src",
                       "blockedURL": "https://tracker.example/pixel.gif", "originalPolicy": "img-src 'self'",
                       "disposition": "enforce", "statusCode": 200}}]""";

    @TempDir
    Path dataDir;
    private Database database;

    @BeforeEach
    void openDatabase() {
        database = Database.open(DatabaseConfig.h2(dataDir));
        database.migrations().migrate();
        database.tenants().create(TenantScope.platform(), new Tenant.Draft("acme", "Acme", "acme.example", Map.of()));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    private RunningServer start(TransportKind transport) throws Exception {
        return ServerRuntime.startHttp(AnalyticsServer.definition(
                ServerDefinition.builder(AnalyticsServer.NAME, AnalyticsServer.VERSION), database, Clock.systemUTC()),
                PlatformConfigLoader.load(new String[] {"--transport", transport.wireName(), "--port", "0",
                        "--data-dir", dataDir.toString(), "--token", "security_analyst:" + TOKEN}, Map.of()));
    }

    private static McpSyncClient client(TransportKind transport, URI base) {
        return transport == TransportKind.SSE ? McpClients.sse(base, TOKEN) : McpClients.streamable(base, TOKEN);
    }

    private static HttpResponse<String> post(RunningServer server, String path, String contentType, String body) {
        return RawHttp.post(server.baseUri().resolve(path),
                Map.of("Content-Type", contentType, "Origin", "https://acme.example"), body);
    }

    @ParameterizedTest
    @EnumSource(value = TransportKind.class, names = {"HTTP", "STATELESS", "SSE"})
    void reportsPostedToTheCollectorAreAnalysedThroughMcp(TransportKind transport) throws Exception {
        try (RunningServer server = start(transport)) {
            HttpResponse<String> legacy = post(server, "/csp-report/acme", "application/csp-report", LEGACY_REPORT);
            HttpResponse<String> batch = post(server, "/csp-report/acme", "application/reports+json",
                    REPORTING_API_BATCH);

            assertEquals(204, legacy.statusCode(), legacy.body());
            assertEquals(204, batch.statusCode(), batch.body());
            assertEquals("*", legacy.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
            try (McpSyncClient client = client(transport, server.baseUri())) {
                Map<?, ?> totals = awaitViolations(client, 2);
                assertEquals(2, totals.get("violations"), totals::toString);
            }
        }
    }

    @Test
    void collectorAnswersForItselfWithoutATokenAndMcpStillNeedsOne() throws Exception {
        try (RunningServer server = start(TransportKind.HTTP)) {
            HttpResponse<String> preflight = RawHttp.get(server.baseUri().resolve("/csp-report/acme"), Map.of());
            HttpResponse<String> unknown = post(server, "/csp-report/nobody", "application/csp-report", LEGACY_REPORT);
            HttpResponse<String> noTenant = post(server, "/csp-report", "application/csp-report", LEGACY_REPORT);
            HttpResponse<String> tooLarge = post(server, "/csp-report/acme", "application/csp-report",
                    "x".repeat(70_000));
            HttpResponse<String> mcp = RawHttp.post(server.baseUri().resolve("/mcp"),
                    Map.of("Accept", "application/json, text/event-stream"), RawHttp.initializeRequest());

            assertEquals(405, preflight.statusCode());
            assertEquals("use POST to send reports", preflight.body().strip());
            assertEquals(404, unknown.statusCode());
            assertEquals(404, noTenant.statusCode(), "127.0.0.1 is no tenant's host");
            assertEquals(413, tooLarge.statusCode());
            assertEquals(401, mcp.statusCode());
        }
    }

    /** Two stateless instances on one data directory (behind a load balancer) each take a report log of their own. */
    @Test
    void instancesSharingADataDirectoryEachGetTheirOwnLog() throws Exception {
        try (RunningServer first = start(TransportKind.STATELESS); RunningServer second = start(TransportKind.STATELESS)) {
            assertEquals(204, post(first, "/csp-report/acme", "application/csp-report", LEGACY_REPORT).statusCode());
            assertEquals(204, post(second, "/csp-report/acme", "application/reports+json", REPORTING_API_BATCH)
                    .statusCode());
            try (McpSyncClient client = client(TransportKind.STATELESS, first.baseUri())) {
                assertEquals(2, awaitViolations(client, 2).get("violations"));
            }
        }
        Path logs = dataDir.resolve(CollectorRoute.WAL_DIRECTORY);
        assertTrue(Files.isDirectory(logs.resolve("1")) && Files.isDirectory(logs.resolve("2")));
        assertTrue(!Files.readString(logs.resolve("1/collector-id")).equals(Files.readString(logs.resolve("2/collector-id"))));
    }

    /** The totals of acme's violations once at least {@code expected} are stored (the collector stores in the background). */
    private static Map<?, ?> awaitViolations(McpSyncClient client, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            CallToolResult result = McpClients.call(client, "analyze_security_metrics", Map.of("tenant", "acme"));
            assertTrue(!Boolean.TRUE.equals(result.isError()), () -> McpClients.text(result));
            Map<?, ?> totals = (Map<?, ?>) ((Map<?, ?>) result.structuredContent()).get("totals");
            if (((Number) totals.get("violations")).intValue() >= expected || System.nanoTime() > deadline) {
                return totals;
            }
            Thread.sleep(100);
        }
    }
}
