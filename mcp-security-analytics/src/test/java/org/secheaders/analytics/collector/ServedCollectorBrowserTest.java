package org.secheaders.analytics.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secheaders.analytics.AnalyticsServerModule;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.db.DatabaseConfig;
import org.secheaders.domain.model.Actor;
import org.secheaders.domain.model.PolicyInheritanceMode;
import org.secheaders.domain.model.PolicyType;
import org.secheaders.domain.model.Role;
import org.secheaders.domain.model.SecurityViolation;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.model.TenantSecurityPolicy;
import org.secheaders.domain.nonce.SecurityNonce;
import org.secheaders.domain.policy.HeaderSet;
import org.secheaders.domain.policy.OverridePermissions;
import org.secheaders.domain.policy.PlatformPolicy;
import org.secheaders.domain.policy.PolicyConfig;
import org.secheaders.domain.policy.PolicyResolver;
import org.secheaders.domain.repo.TenantScope;
import org.secheaders.enforcement.collector.HeadlessChromium;
import org.secheaders.enforcement.collector.StoredViolations;
import org.secheaders.enforcement.collector.TestTls;
import org.secheaders.enforcement.collector.ViolatingPageServlet;
import org.secheaders.platform.admin.TokenService;
import org.secheaders.platform.config.PlatformConfigLoader;
import org.secheaders.platform.server.RunningServer;
import org.secheaders.platform.server.ServerGroup;
import org.secheaders.platform.testkit.McpClients;

/**
 * Real browser reports to the collector the analytics server serves, as deployed: the server started
 * as {@code secheaders serve security-analytics --transport http} does (H2 file in a temp directory,
 * an API token from the database), behind a TLS-terminating reverse proxy at
 * {@code https://analytics.test:<port>}; the application's pages on another origin,
 * {@code https://shop.test:<port>}, under the tenant's headers as the policy engine resolves them
 * over a platform policy whose {@code report-uri} and {@code report-to} endpoint is the served
 * collector's URL for the tenant. Chromium (see header-enforcement's CspReportBrowserTest for why two
 * pages) sends Reporting API batches, after a CORS preflight since the collector is cross-origin, and
 * legacy reports; the violations must be stored, classified, each within a bound of its page's load,
 * and seen by {@code analyze_security_metrics} through the SDK client with the token.
 */
class ServedCollectorBrowserTest {

    private static final Duration PAGES_LOADED = Duration.ofSeconds(90);
    private static final Duration STORED_WITHIN = Duration.ofSeconds(10);
    /**
     * Page load event → row committed, per violation. The goal is a second: measured 0.17–1.1 s at
     * load average 14 on 2 cores, where the legacy reports are the slow ones because Chromium sends
     * report-uri pings at the lowest network priority (they arrived 0.7–0.96 s after the load event,
     * while the next page loaded). The bound leaves room for a busier build machine and still fails
     * on Chromium's default minute-long Reporting API delay, a cold path or a stuck worker.
     */
    private static final Duration LANDS_WITHIN = Duration.ofSeconds(3);
    /** Receipt (the collector's 204, the row's created_at) → row committed: the collector's own share, its 1 s goal. */
    private static final Duration STORED_AFTER_RECEIPT_WITHIN = Duration.ofSeconds(1);
    private static final String PASSWORD = "served-collector-test";
    private static final String SITE = "shop.test";
    private static final String COLLECTOR_HOST = "analytics.test";
    private static final Set<String> BLOCKED = Set.of("inline", "eval", ViolatingPageServlet.BLOCKED_IMAGE,
            ViolatingPageServlet.BLOCKED_SCRIPT);
    private static final Set<String> FORMATS = Set.of("report_uri", "reporting_api");

    @TempDir
    Path dir;

    @Test
    void chromiumReportsToTheServedCollectorAndMcpSeesTheViolations() throws Exception {
        Path node = HeadlessChromium.requireTooling();
        Path dataDir = dir.resolve("data");
        try (Database database = Database.open(DatabaseConfig.h2(dataDir))) {
            database.migrations().migrate();
            Tenant tenant = database.tenants().create(TenantScope.platform(),
                    new Tenant.Draft("shop", "Shop", SITE, Map.of()));
            allowImagesFromTheTenantsCdn(database, tenant);
            String token = new TokenService(database, Actor.of("test", Role.ADMIN))
                    .create("browser-test", Role.SECURITY_ANALYST, Optional.empty(), Optional.empty()).secret();
            try (ServerGroup group = ServerGroup.startHttp(List.of(new AnalyticsServerModule()),
                    PlatformConfigLoader.load(new String[] {"--transport", "http", "--port", "0",
                            "--data-dir", dataDir.toString()}, Map.of()))) {
                RunningServer analytics = group.members().get(0).server();
                Path keyStore = TestTls.selfSignedKeyStore(dir, PASSWORD);
                try (TlsReverseProxy proxy = TlsReverseProxy.start(TestTls.serverContext(keyStore, PASSWORD),
                        analytics.baseUri())) {
                    String collector = "https://" + COLLECTOR_HOST + ":" + proxy.port() + CollectorRoute.PATH + "/"
                            + tenant.slug();
                    warmUp(database, proxy, keyStore);
                    HeaderSet headers = tenantHeaders(database, tenant, ViolatingPageServlet.defaultsReportingTo(collector));
                    Map<SecurityViolation, Instant> landed;
                    Map<String, Instant> loaded;
                    List<String> pages;
                    Server site = siteServer(headers, keyStore);
                    ExecutorService watcher = Executors.newSingleThreadExecutor();
                    try {
                        int port = ((ServerConnector) site.getConnectors()[0]).getLocalPort();
                        pages = List.of("https://" + SITE + ":" + port + "/legacy-page",
                                "https://" + SITE + ":" + port + "/page");
                        // Watching from before the first page: reports may land while a later page still loads.
                        Future<Map<SecurityViolation, Instant>> arrivals = watcher.submit(
                                () -> awaitEveryViolation(database, tenant, PAGES_LOADED.plus(STORED_WITHIN)));
                        try (HeadlessChromium browser = HeadlessChromium.load(node, dir, pages)) {
                            loaded = browser.awaitLoaded(pages.size(), PAGES_LOADED);
                            landed = arrivals.get(STORED_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
                        }
                    } finally {
                        watcher.shutdownNow();
                        site.stop();
                    }
                    assertStoredAndClassified(landed.keySet(), pages);
                    assertLandedPromptly(landed, loaded);
                    assertPreflightedCrossOrigin(proxy.forwarded(), tenant, "https://" + SITE + ":"
                            + URI.create(pages.get(0)).getPort());
                    assertSeenThroughMcp(analytics, token, tenant, landed.keySet());
                    assertCountedOnMetrics(analytics, landed.size() + 1);
                }
            }
        }
    }

    /**
     * A report of another tenant through the proxy and the collector, as a running server has seen
     * many: the latencies measured afterwards are the steady state's, not the first TLS handshake's and
     * first insert's on cold code.
     */
    private static void warmUp(Database database, TlsReverseProxy proxy, Path keyStore) throws Exception {
        Tenant other = database.tenants().create(TenantScope.platform(),
                new Tenant.Draft("warm-up", "Warm-up", "warm-up.example", Map.of()));
        HttpClient client = HttpClient.newBuilder().sslContext(TestTls.clientContext(keyStore, PASSWORD)).build();
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(
                        URI.create("https://127.0.0.1:" + proxy.port() + CollectorRoute.PATH + "/" + other.slug()))
                .header("Content-Type", "application/csp-report")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"csp-report": {"document-uri": "https://warm-up.example/", "effective-directive": "img-src",
                         "original-policy": "img-src 'self'", "blocked-uri": "https://elsewhere.example/a.png"}}"""))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, answer.statusCode(), answer.body());
        StoredViolations.await(database, other.id(), STORED_WITHIN, rows -> !rows.isEmpty());
    }

    /** A tenant policy row, so the page's headers are the tenant's own, not only the platform's. */
    private static void allowImagesFromTheTenantsCdn(Database database, Tenant tenant) {
        TenantScope scope = TenantScope.tenant(tenant.id());
        Actor admin = Actor.of("alice", Role.TENANT_ADMIN);
        TenantSecurityPolicy row = database.policies().insert(scope, new TenantSecurityPolicy.Draft(tenant.id(), "cdn",
                PolicyType.CSP, new PolicyConfig(Map.of("img-src", List.of("https://images." + SITE)),
                        Map.of(), Map.of(), List.of(), Map.of()), PolicyInheritanceMode.EXTEND,
                OverridePermissions.none(), Instant.now().minus(Duration.ofDays(1)), Optional.empty()), admin);
        database.policies().activate(scope, row.id(), admin);
    }

    /** The tenant's effective headers, resolved by the policy engine as the enforcement library does. */
    private static HeaderSet tenantHeaders(Database database, Tenant tenant, PlatformPolicy platform) {
        HeaderSet headers = new PolicyResolver().resolve(platform,
                database.policies().listByTenant(TenantScope.tenant(tenant.id()), tenant.id()), Instant.now()).headers();
        String csp = headers.compile().render(SecurityNonce.generate()).stream()
                .filter(h -> h.name().equals(HeaderSet.CONTENT_SECURITY_POLICY)).findFirst().orElseThrow().value();
        assertTrue(csp.contains("https://images." + SITE) && csp.contains("report-to"), csp);
        return headers;
    }

    /** The application's site on its own origin: HTTPS (the Reporting API needs it), Jetty on 127.0.0.1. */
    private static Server siteServer(HeaderSet headers, Path keyStore) throws Exception {
        Server jetty = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        jetty.addConnector(TestTls.jettyConnector(jetty, http, keyStore, PASSWORD));
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(ViolatingPageServlet.reportingTo(headers)), "/page");
        context.addServlet(new ServletHolder(ViolatingPageServlet.reportUriOnly(headers)), "/legacy-page");
        jetty.setHandler(context);
        jetty.start();
        return jetty;
    }

    /**
     * Polls the database every 20 ms until each violation has arrived in both formats; returns every
     * row with the time it was first seen committed.
     */
    private static Map<SecurityViolation, Instant> awaitEveryViolation(Database database, Tenant tenant,
                                                                      Duration timeout) throws InterruptedException {
        Map<Long, Instant> firstSeen = new HashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<SecurityViolation> rows = StoredViolations.of(database, tenant.id());
            Instant now = Instant.now();
            rows.forEach(row -> firstSeen.putIfAbsent(row.id(), now));
            boolean complete = FORMATS.stream().allMatch(format -> blockedIn(rows, format).containsAll(BLOCKED));
            if (complete || System.nanoTime() > deadline) {
                assertTrue(complete, () -> "not every violation arrived in both formats within " + timeout + ": "
                        + rows.stream().map(ServedCollectorBrowserTest::describe).toList());
                return rows.stream().collect(Collectors.toMap(row -> row, row -> firstSeen.get(row.id())));
            }
            Thread.sleep(20);
        }
    }

    private static void assertStoredAndClassified(Set<SecurityViolation> rows, List<String> pages) {
        for (String format : FORMATS) {
            List<SecurityViolation> inFormat = rows.stream().filter(v -> format.equals(v.metadata().get("report_format")))
                    .toList();
            String page = format.equals("report_uri") ? pages.get(0) : pages.get(1);
            assertEquals(Set.of(page), inFormat.stream().map(SecurityViolation::documentUri).collect(Collectors.toSet()),
                    format + " reports come from their page");
            assertEquals("script-src-elem", blocking(inFormat, "inline").policyDirective());
            assertEquals("script-src-elem", blocking(inFormat, ViolatingPageServlet.BLOCKED_SCRIPT).policyDirective());
            assertEquals("img-src", blocking(inFormat, ViolatingPageServlet.BLOCKED_IMAGE).policyDirective());
            assertEquals(Optional.of("v1.suspicious.first-party-eval"), blocking(inFormat, "eval").classificationRule());
        }
        for (SecurityViolation row : rows) {
            assertTrue(row.classificationRule().isPresent(), row::toString);
            assertEquals("bot", row.metadata().get("browser_family"), row::toString);
        }
    }

    private static void assertLandedPromptly(Map<SecurityViolation, Instant> landed, Map<String, Instant> loaded) {
        StringBuilder table = new StringBuilder("page load event → received by the collector → seen committed"
                + " (bounds " + LANDS_WITHIN.toMillis() + " ms and " + STORED_AFTER_RECEIPT_WITHIN.toMillis()
                + " ms after receipt):\n");
        Duration slowest = Duration.ZERO;
        Duration slowestStore = Duration.ZERO;
        for (Map.Entry<SecurityViolation, Instant> entry : landed.entrySet()) {
            SecurityViolation row = entry.getKey();
            Duration latency = Duration.between(loaded.get(row.documentUri()), entry.getValue());
            Duration received = Duration.between(loaded.get(row.documentUri()), row.createdAt());
            Duration stored = Duration.between(row.createdAt(), entry.getValue());
            slowest = latency.compareTo(slowest) > 0 ? latency : slowest;
            slowestStore = stored.compareTo(slowestStore) > 0 ? stored : slowestStore;
            table.append(String.format("  %5d ms (received after %5d ms, stored %4d ms later)  %-13s %-15s %s%n",
                    latency.toMillis(), received.toMillis(), stored.toMillis(), row.metadata().get("report_format"),
                    row.policyDirective(), row.blockedUri().orElse("")));
        }
        System.out.print(table);
        assertTrue(slowest.compareTo(LANDS_WITHIN) <= 0, table::toString);
        assertTrue(slowestStore.compareTo(STORED_AFTER_RECEIPT_WITHIN) <= 0, table::toString);
    }

    /** Chromium asked the collector's CORS permission before each cross-origin Reporting API upload; both went through. */
    private static void assertPreflightedCrossOrigin(List<TlsReverseProxy.Forwarded> all, Tenant tenant,
                                                     String siteOrigin) {
        String path = CollectorRoute.PATH + "/" + tenant.slug();
        List<TlsReverseProxy.Forwarded> forwarded = all.stream().filter(f -> f.path().equals(path)).toList();
        List<TlsReverseProxy.Forwarded> preflights = forwarded.stream()
                .filter(f -> f.method().equals("OPTIONS")).toList();
        List<TlsReverseProxy.Forwarded> uploads = forwarded.stream()
                .filter(f -> f.method().equals("POST") && f.contentType().orElse("").startsWith("application/reports+json"))
                .toList();
        List<TlsReverseProxy.Forwarded> legacy = forwarded.stream()
                .filter(f -> f.method().equals("POST") && f.contentType().orElse("").startsWith("application/csp-report"))
                .toList();
        System.out.println("through the proxy: " + forwarded);
        assertFalse(preflights.isEmpty(), () -> "no CORS preflight: " + forwarded);
        assertTrue(preflights.stream().allMatch(f -> f.status() == 204 && f.origin().equals(Optional.of(siteOrigin))),
                preflights::toString);
        assertFalse(uploads.isEmpty(), forwarded::toString);
        assertFalse(legacy.isEmpty(), forwarded::toString);
        assertTrue(forwarded.stream().filter(f -> f.method().equals("POST"))
                .allMatch(f -> f.status() == 204 && f.origin().equals(Optional.of(siteOrigin))), forwarded::toString);
    }

    private static void assertSeenThroughMcp(RunningServer analytics, String token, Tenant tenant,
                                             Set<SecurityViolation> rows) {
        try (McpSyncClient client = McpClients.streamable(analytics.baseUri(), token)) {
            CallToolResult result = McpClients.call(client, "analyze_security_metrics",
                    Map.of("tenant", tenant.slug(), "per_page", 100));
            assertFalse(Boolean.TRUE.equals(result.isError()), () -> McpClients.text(result));
            Map<?, ?> content = (Map<?, ?>) result.structuredContent();
            Map<?, ?> totals = (Map<?, ?>) content.get("totals");
            assertEquals(rows.size(), ((Number) totals.get("violations")).intValue(), totals::toString);
            List<?> items = (List<?>) ((Map<?, ?>) content.get("violations")).get("items");
            Map<Long, String> rules = items.stream().map(Map.class::cast).collect(Collectors.toMap(
                    item -> ((Number) item.get("id")).longValue(), item -> String.valueOf(item.get("rule_id"))));
            assertEquals(rows.stream().collect(Collectors.toMap(SecurityViolation::id,
                    row -> row.classificationRule().orElseThrow())), rules);
        }
    }

    /** The browser's reports (and the warm-up's) moved the collector's counters on /metrics. */
    private static void assertCountedOnMetrics(RunningServer analytics, int rows) throws InterruptedException {
        Map<String, Double> metrics = CollectorSeries.await(analytics,
                m -> m.getOrDefault("csp_collector_rows_stored_total", 0.0) >= rows);
        assertTrue(metrics.get("csp_collector_rows_stored_total") >= rows, metrics::toString);
        assertTrue(metrics.get("csp_collector_requests_accepted_total") >= rows / 2, metrics::toString);
        assertTrue(metrics.get("csp_collector_lag_seconds_count") >= 3, metrics::toString);
        assertEquals(0.0, metrics.get("csp_collector_backlog_records"));
        System.out.println("collector on /metrics after the browser run: " + metrics);
    }

    private static Set<String> blockedIn(List<SecurityViolation> rows, String format) {
        return rows.stream().filter(v -> format.equals(v.metadata().get("report_format")))
                .map(v -> v.blockedUri().orElse("")).collect(Collectors.toSet());
    }

    private static SecurityViolation blocking(List<SecurityViolation> rows, String blocked) {
        return rows.stream().filter(v -> v.blockedUri().equals(Optional.of(blocked))).findFirst()
                .orElseThrow(() -> new AssertionError("no report blocking " + blocked + " in " + rows));
    }

    private static String describe(SecurityViolation row) {
        return row.metadata().get("report_format") + " " + row.policyDirective() + " " + row.blockedUri().orElse("");
    }
}
