package org.secheaders.analytics.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /**
     * The CORS preflight a browser sends before a cross-origin Reporting API upload is the collector's
     * to answer (no token, any Origin); the collector's open CORS does not extend to {@code /mcp}, where a
     * foreign Origin is refused even with a valid token and no CORS permission is granted.
     */
    @Test
    void preflightReachesTheCollectorAndMcpStaysClosedToForeignOrigins() throws Exception {
        try (RunningServer server = start(TransportKind.HTTP)) {
            HttpResponse<String> preflight = options(server, "/csp-report/acme", Map.of("Origin", "https://shop.acme.example",
                    "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type"));
            assertEquals(204, preflight.statusCode(), preflight.body());
            assertEquals("*", preflight.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
            assertTrue(preflight.headers().firstValue("Access-Control-Allow-Methods").orElseThrow().contains("POST"));
            assertTrue(preflight.headers().firstValue("Access-Control-Allow-Headers").orElseThrow()
                    .toLowerCase(Locale.ROOT).contains("content-type"));

            Map<String, String> mcpHeaders = Map.of("Accept", "application/json, text/event-stream",
                    "Content-Type", "application/json", "Authorization", "Bearer " + TOKEN);
            HttpResponse<String> foreign = RawHttp.post(server.baseUri().resolve("/mcp"),
                    withOrigin(mcpHeaders, "https://shop.acme.example"), RawHttp.initializeRequest());
            HttpResponse<String> local = RawHttp.post(server.baseUri().resolve("/mcp"),
                    withOrigin(mcpHeaders, "http://localhost:6274"), RawHttp.initializeRequest());
            HttpResponse<String> mcpPreflight = options(server, "/mcp", Map.of("Origin", "https://shop.acme.example",
                    "Access-Control-Request-Method", "POST", "Authorization", "Bearer " + TOKEN));

            assertEquals(403, foreign.statusCode(), foreign.body());
            assertEquals(200, local.statusCode(), "the token and request are fine: the Origin alone was refused");
            // Without an Access-Control-Allow-Origin a browser fails the preflight and never sends the POST.
            for (HttpResponse<String> mcp : List.of(foreign, local, mcpPreflight)) {
                assertTrue(mcp.headers().map().keySet().stream()
                        .noneMatch(name -> name.toLowerCase(Locale.ROOT).startsWith("access-control-allow")),
                        mcp.headers()::toString);
            }
        }
    }

    /**
     * Every outcome the collector counts moves its counter on {@code /metrics}, and its series carry
     * only closed-set labels: nothing of the tenant, the page or the report.
     */
    @Test
    void collectorCountersMoveOnMetricsWithTenantFreeLabels() throws Exception {
        try (RunningServer server = start(TransportKind.HTTP)) {
            String noise = LEGACY_REPORT.replace("https://evil.example/skimmer.js", "chrome-extension://abcdefghijklmnop/inject.js");
            String hundredIdentical = "[" + String.join(",", Collections.nCopies(100,
                    REPORTING_API_BATCH.substring(1, REPORTING_API_BATCH.length() - 1))) + "]";
            assertEquals(204, post(server, "/csp-report/acme", "application/csp-report", LEGACY_REPORT).statusCode());
            assertEquals(204, post(server, "/csp-report/acme", "application/csp-report", noise).statusCode());
            assertEquals(400, post(server, "/csp-report/acme", "application/csp-report", "{").statusCode());
            assertEquals(415, post(server, "/csp-report/acme", "text/plain", LEGACY_REPORT).statusCode());
            assertEquals(413, post(server, "/csp-report/acme", "application/csp-report", "x".repeat(70_000)).statusCode());
            assertEquals(404, post(server, "/csp-report/nobody", "application/csp-report", LEGACY_REPORT).statusCode());
            assertEquals(405, RawHttp.get(server.baseUri().resolve("/csp-report/acme"), Map.of()).statusCode());
            // The bucket holds 500 reports and refills 100/s: ten batches of 100 overdraw it.
            List<Integer> batches = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                batches.add(post(server, "/csp-report/acme", "application/reports+json", hundredIdentical).statusCode());
            }
            assertTrue(batches.contains(204) && batches.contains(429), batches::toString);
            long acceptedBatches = batches.stream().filter(status -> status == 204).count();

            Map<String, Double> metrics = CollectorSeries.await(server, m -> m.getOrDefault("csp_collector_reports_stored_total", 0.0)
                    >= 2 + 100 * acceptedBatches);
            assertEquals(2 + acceptedBatches, metrics.get("csp_collector_requests_accepted_total"));
            assertEquals(2 + 100 * acceptedBatches, metrics.get("csp_collector_reports_accepted_total"));
            assertEquals(10 - acceptedBatches, metrics.get(rejected("rate_limited", 429)));
            assertEquals(1.0, metrics.get(rejected("malformed", 400)));
            assertEquals(1.0, metrics.get(rejected("unsupported_media_type", 415)));
            assertEquals(1.0, metrics.get(rejected("payload_too_large", 413)));
            assertEquals(1.0, metrics.get(rejected("unknown_tenant", 404)));
            assertEquals(1.0, metrics.get(rejected("method_not_allowed", 405)));
            assertEquals(0.0, metrics.get(rejected("backlog_full", 503)));
            assertEquals(1.0, metrics.get("csp_collector_reports_noise_total{category=\"extension\"}"));
            assertEquals(3.0, metrics.get("csp_collector_rows_stored_total"), "the hundreds of identical reports are one row");
            assertEquals(100 * acceptedBatches - 1, metrics.get("csp_collector_reports_duplicate_total"));
            assertEquals(0.0, metrics.get("csp_collector_backlog_records"));
            assertTrue(metrics.get("csp_collector_lag_seconds_count") >= 1, metrics::toString);
            assertTrue(metrics.containsKey("csp_collector_lag_seconds_bucket{le=\"1.0\"}"), metrics::toString);
            assertTrue(metrics.containsKey("csp_collector_lag_seconds_sum"), metrics::toString);

            Set<String> labels = new TreeSet<>();
            for (String series : metrics.keySet()) {
                Matcher label = Pattern.compile("(\\w+)=\"([^\"]*)\"").matcher(series);
                while (label.find()) {
                    labels.add(label.group(1));
                    assertTrue(!label.group(2).contains("acme") && !label.group(2).contains("evil"), series);
                }
            }
            assertEquals(Set.of("category", "le", "reason", "status"), labels);
            assertEquals(39, metrics.size(), () -> "the collector's series are a fixed set: " + metrics.keySet());
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

    private static HttpResponse<String> options(RunningServer server, String path, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.baseUri().resolve(path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> withOrigin(Map<String, String> headers, String origin) {
        Map<String, String> all = new HashMap<>(headers);
        all.put("Origin", origin);
        return all;
    }

    private static String rejected(String reason, int status) {
        return "csp_collector_requests_rejected_total{reason=\"" + reason + "\",status=\"" + status + "\"}";
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
