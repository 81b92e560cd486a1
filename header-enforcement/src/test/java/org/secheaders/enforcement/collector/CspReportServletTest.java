package org.secheaders.enforcement.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.SecuritySeverity;
import org.secheaders.domain.model.SecurityViolation;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.model.ThreatClassification;
import org.secheaders.domain.model.ViolationType;
import org.secheaders.domain.testing.DbKind;
import org.secheaders.domain.testing.TestDatabase;
import org.secheaders.domain.testing.TestDatabases;
import org.secheaders.domain.testing.TestTenants;

/**
 * The servlet in a real Jetty 12 with the collector on an H2 file, driven over HTTP by the JDK
 * client: every content type stored and classified, CORS, and every refusal with its status code.
 */
class CspReportServletTest {
    private static final Duration STORED_WITHIN = Duration.ofSeconds(10);
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    private static TestDatabase testDatabase;
    private static Database database;
    private static CollectorServer server;

    @BeforeAll
    static void start() throws Exception {
        testDatabase = TestDatabases.create(DbKind.H2);
        database = testDatabase.database();
        server = CollectorServer.builder(database, CollectorConfig.builder(dir.resolve("wal")).build()).start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        testDatabase.close();
    }

    @Test
    void legacyReportIsAcceptedWith204AndStoredClassified() throws Exception {
        Tenant tenant = TestTenants.create(database);

        HttpResponse<String> response = post(server.reportUri(tenant.slug()), "application/csp-report",
                SampleReports.legacyInjection("/checkout"));

        assertEquals(204, response.statusCode());
        assertEquals(Optional.of("*"), response.headers().firstValue("Access-Control-Allow-Origin"));
        SecurityViolation stored = awaitRows(tenant, 1).get(0);
        assertEquals(ViolationType.XSS, stored.violationType());
        assertEquals(ThreatClassification.MALICIOUS, stored.threatClassification());
        assertEquals(SecuritySeverity.CRITICAL, stored.severityLevel());
        assertEquals(Optional.of("v1.malicious.injection-sample"), stored.classificationRule());
        assertEquals("script-src-elem", stored.policyDirective());
        assertEquals(Optional.of("inline"), stored.blockedUri());
        assertEquals("https://shop.example/checkout", stored.documentUri());
        assertEquals("alert(document.cookie)", stored.metadata().get("sample"));
        assertEquals("report_uri", stored.metadata().get("report_format"));
        assertEquals(1L, StoredViolations.reportCount(stored));
        assertTrue(stored.metadata().get("wal_position") instanceof Number);
    }

    @Test
    void reportingApiBatchStoresTheViolationAndCountsOtherReportTypes() throws Exception {
        Tenant tenant = TestTenants.create(database);
        long deprecationsBefore = deprecations();

        HttpResponse<String> response = post(server.reportUri(tenant.slug()), "application/reports+json",
                SampleReports.batchWithDeprecation());

        assertEquals(204, response.statusCode());
        SecurityViolation stored = awaitRows(tenant, 1).get(0);
        assertEquals("img-src", stored.policyDirective());
        assertEquals(Optional.of("https://img.unknown.example/a.png"), stored.blockedUri());
        assertEquals("reporting_api", stored.metadata().get("report_format"));
        assertEquals("chrome", stored.metadata().get("browser_family"));
        assertEquals(deprecationsBefore + 1, awaitChange(deprecationsBefore, this::deprecations));
    }

    /** A batch's counts reach the metrics just after its commit made its rows visible: wait up to 5 s. */
    private static long awaitChange(long before, LongSupplier metric) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (metric.getAsLong() == before && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return metric.getAsLong();
    }

    private long deprecations() {
        return server.collector().metrics().snapshot().otherReportsByType().getOrDefault("deprecation", 0L);
    }

    @Test
    void plainJsonIsAcceptedToo() throws Exception {
        Tenant tenant = TestTenants.create(database);

        HttpResponse<String> response = post(server.reportUri(tenant.slug()), "application/json; charset=utf-8",
                SampleReports.legacyUnknownHost("/"));

        assertEquals(204, response.statusCode());
        SecurityViolation stored = awaitRows(tenant, 1).get(0);
        assertEquals(ThreatClassification.SUSPICIOUS, stored.threatClassification());
        assertEquals(Optional.of("v1.suspicious.unknown-script-host"), stored.classificationRule());
    }

    @Test
    void extensionNoiseIsStoredAsFalsePositiveAndCounted() throws Exception {
        Tenant tenant = TestTenants.create(database);
        long noiseBefore = noiseCount();

        assertEquals(204, post(server.reportUri(tenant.slug()), "application/csp-report",
                SampleReports.legacyExtensionNoise()).statusCode());

        SecurityViolation stored = awaitRows(tenant, 1).get(0);
        assertEquals(ThreatClassification.FALSE_POSITIVE, stored.threatClassification());
        assertEquals(Optional.of("v1.noise.extension"), stored.classificationRule());
        assertEquals(noiseBefore + 1, awaitChange(noiseBefore, CspReportServletTest::noiseCount));
    }

    @Test
    void duplicatesAreCountedOnOneRow() throws Exception {
        Tenant tenant = TestTenants.create(database);
        byte[] report = SampleReports.legacyUnknownHost("/cart");

        for (int i = 0; i < 5; i++) {
            assertEquals(204, post(server.reportUri(tenant.slug()), "application/csp-report", report).statusCode());
        }

        List<SecurityViolation> rows = StoredViolations.await(database, tenant.id(), STORED_WITHIN,
                r -> StoredViolations.totalReports(r) == 5);
        assertEquals(1, rows.size(), "identical reports within the dedupe window share one row: " + rows);
        assertEquals(5L, StoredViolations.reportCount(rows.get(0)));
    }

    @Test
    void corsPreflightIsAnswered() throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(server.reportUri("any"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://shop.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(204, response.statusCode());
        assertEquals(Optional.of("*"), response.headers().firstValue("Access-Control-Allow-Origin"));
        assertEquals(Optional.of("POST"), response.headers().firstValue("Access-Control-Allow-Methods"));
        assertEquals(Optional.of("Content-Type"), response.headers().firstValue("Access-Control-Allow-Headers"));
        assertEquals(Optional.of("86400"), response.headers().firstValue("Access-Control-Max-Age"));
    }

    @Test
    void otherMethodsGet405() throws Exception {
        Tenant tenant = TestTenants.create(database);

        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(server.reportUri(tenant.slug())).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertRejected(response, RejectReason.METHOD_NOT_ALLOWED, "use POST");
        assertEquals(Optional.of("POST, OPTIONS"), response.headers().firstValue("Allow"));
    }

    @Test
    void unknownOrMissingTenantGets404() throws Exception {
        byte[] report = SampleReports.legacyInjection("/");
        long before = rejected(RejectReason.UNKNOWN_TENANT);

        assertRejected(post(server.reportUri("no-such-tenant"), "application/csp-report", report),
                RejectReason.UNKNOWN_TENANT, "unknown tenant");
        assertRejected(post(server.httpUri(CollectorServer.REPORT_PATH + "/"), "application/csp-report", report),
                RejectReason.UNKNOWN_TENANT, "unknown tenant");
        assertRejected(post(server.httpUri(CollectorServer.REPORT_PATH + "/Not_A_Slug"), "application/csp-report",
                report), RejectReason.UNKNOWN_TENANT, "unknown tenant");
        assertEquals(before + 3, rejected(RejectReason.UNKNOWN_TENANT));
    }

    @Test
    void otherContentTypesAndEncodingsGet415() throws Exception {
        Tenant tenant = TestTenants.create(database);
        byte[] report = SampleReports.legacyInjection("/");

        assertRejected(post(server.reportUri(tenant.slug()), "text/plain", report),
                RejectReason.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be one of");
        assertRejected(CLIENT.send(HttpRequest.newBuilder(server.reportUri(tenant.slug()))
                        .header("Content-Type", "application/csp-report")
                        .header("Content-Encoding", "gzip")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(report)).build(),
                HttpResponse.BodyHandlers.ofString()), RejectReason.UNSUPPORTED_MEDIA_TYPE, "Content-Encoding");
    }

    @Test
    void bodiesOverTheLimitGet413WhetherOrNotTheLengthIsDeclared() throws Exception {
        Tenant tenant = TestTenants.create(database);
        byte[] tooLarge = new byte[CollectorConfig.DEFAULT_MAX_BODY_BYTES + 1];

        assertRejected(post(server.reportUri(tenant.slug()), "application/csp-report", tooLarge),
                RejectReason.PAYLOAD_TOO_LARGE, "over 65536 bytes");
        HttpResponse<String> chunked = CLIENT.send(HttpRequest.newBuilder(server.reportUri(tenant.slug()))
                .header("Content-Type", "application/csp-report")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooLarge)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertRejected(chunked, RejectReason.PAYLOAD_TOO_LARGE, "over 65536 bytes");
    }

    @Test
    void malformedBodiesGet400NamingTheProblemWithoutInternals() throws Exception {
        Tenant tenant = TestTenants.create(database);
        URI uri = server.reportUri(tenant.slug());

        HttpResponse<String> badJson = post(uri, "application/csp-report", SampleReports.utf8("{\"csp-report\": {"));
        assertRejected(badJson, RejectReason.MALFORMED, "malformed report: malformed_json");
        assertFalse(badJson.body().contains("Exception") || badJson.body().contains("at org."), badJson.body());
        assertRejected(post(uri, "application/csp-report", SampleReports.utf8("{\"csp-report\": {\"blocked-uri\": \"inline\"}}")),
                RejectReason.MALFORMED, "missing_field");
        assertRejected(post(uri, "application/reports+json", new byte[0]), RejectReason.MALFORMED, "empty_body");
        Thread.sleep(200);
        assertTrue(StoredViolations.of(database, tenant.id()).isEmpty());
    }

    @Test
    void anEmptyBatchIsAcceptedAndStoresNothing() throws Exception {
        Tenant tenant = TestTenants.create(database);

        assertEquals(204, post(server.reportUri(tenant.slug()), "application/reports+json",
                SampleReports.utf8("[]")).statusCode());
    }

    @Test
    void aTenantOverItsRateGets429WithRetryAfter(@TempDir Path walDir) throws Exception {
        Tenant tenant = TestTenants.create(database);
        CollectorConfig config = CollectorConfig.builder(walDir).collectorId("rate-limited")
                .rateLimit(new RateLimit(0.05, 2)).build();  // slow refill: a loaded machine may take seconds per request
        try (CollectorServer limited = CollectorServer.builder(database, config).start()) {
            URI uri = limited.reportUri(tenant.slug());

            assertEquals(204, post(uri, "application/csp-report", SampleReports.legacyInjection("/1")).statusCode());
            assertEquals(204, post(uri, "application/csp-report", SampleReports.legacyInjection("/2")).statusCode());
            HttpResponse<String> third = post(uri, "application/csp-report", SampleReports.legacyInjection("/3"));

            assertRejected(third, RejectReason.RATE_LIMITED, "rate limit of 0.05 reports/s exceeded");
            long retryAfter = Long.parseLong(third.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retryAfter >= 1 && retryAfter <= 20, "one token takes 20 s at 0.05/s: " + retryAfter);
            assertEquals(1, limited.collector().metrics().snapshot().rejected(RejectReason.RATE_LIMITED));
        }
        assertEquals(2, StoredViolations.of(database, tenant.id()).size(), "the accepted ones were stored at close");
    }

    @Test
    void aFullBacklogGets503BeforeAnythingIsWritten(@TempDir Path walDir) throws Exception {
        Tenant tenant = TestTenants.create(database);
        CollectorConfig config = CollectorConfig.builder(walDir).collectorId("backlogged")
                .maxBacklogRecords(1).backlogRetryAfter(Duration.ofSeconds(7)).build();
        try (CollectorServer backlogged = CollectorServer.builder(database, config).start();
             Handle blocker = database.jdbi().open()) {
            URI uri = backlogged.reportUri(tenant.slug());
            // A slow database: the worker's commit waits for this row lock, so the first report stays unstored.
            blocker.begin();
            blocker.createQuery("SELECT wal_position FROM collector_checkpoints WHERE collector_id = 'backlogged' FOR UPDATE")
                    .mapTo(Long.class).one();

            assertEquals(204, post(uri, "application/csp-report", SampleReports.legacyInjection("/1")).statusCode());
            long logBytes = backlogged.collector().metrics().snapshot().backlogBytes();
            HttpResponse<String> second = post(uri, "application/csp-report", SampleReports.legacyInjection("/2"));

            assertRejected(second, RejectReason.BACKLOG_FULL, "too many reports are waiting to be stored");
            assertEquals(Optional.of("7"), second.headers().firstValue("Retry-After"));
            CollectorMetrics.Snapshot snapshot = backlogged.collector().metrics().snapshot();
            assertEquals(logBytes, snapshot.backlogBytes(), "the refused report was not appended");
            assertEquals(1, snapshot.backlogRecords());

            blocker.rollback();
            List<SecurityViolation> rows = awaitRows(tenant, 1);
            assertEquals("https://shop.example/1", rows.get(0).documentUri());
            assertEquals(204, post(uri, "application/csp-report", SampleReports.legacyInjection("/3")).statusCode());
            awaitRows(tenant, 2);
        }
    }

    @Test
    void metricsCountAcceptedStoredAndLag() throws Exception {
        Tenant tenant = TestTenants.create(database);
        CollectorMetrics.Snapshot before = server.collector().metrics().snapshot();

        post(server.reportUri(tenant.slug()), "application/csp-report", SampleReports.legacyInjection("/m1"));
        post(server.reportUri(tenant.slug()), "application/reports+json", SampleReports.batchWithDeprecation());
        awaitRows(tenant, 2);

        // The worker counts a batch just after committing it, so the rows can be seen a moment before the counts.
        CollectorMetrics.Snapshot after = awaitMetrics(snapshot -> snapshot.storedRows() >= before.storedRows() + 2
                && snapshot.lag().count() >= before.lag().count() + 2);
        assertTrue(after.acceptedRequests() >= before.acceptedRequests() + 2);
        assertTrue(after.acceptedReports() >= before.acceptedReports() + 3, "the batch holds two reports");
        assertTrue(after.storedRows() >= before.storedRows() + 2);
        assertTrue(after.lag().count() >= before.lag().count() + 2);
        assertTrue(after.lag().p99Micros() > 0 && after.lag().p99Micros() < Duration.ofSeconds(10).toNanos() / 1000);
        assertEquals(RejectReason.values().length, after.rejected().size(), "every reason is reported, zeros too");
    }

    private static CollectorMetrics.Snapshot awaitMetrics(Predicate<CollectorMetrics.Snapshot> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + STORED_WITHIN.toNanos();
        CollectorMetrics.Snapshot snapshot = server.collector().metrics().snapshot();
        while (!condition.test(snapshot) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            snapshot = server.collector().metrics().snapshot();
        }
        return snapshot;
    }

    private static List<SecurityViolation> awaitRows(Tenant tenant, int rows) throws InterruptedException {
        return StoredViolations.await(database, tenant.id(), STORED_WITHIN, r -> r.size() >= rows);
    }

    private static HttpResponse<String> post(URI uri, String contentType, byte[] body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(uri)
                .header("Content-Type", contentType)
                .header("User-Agent", SampleReports.CHROME_UA)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertRejected(HttpResponse<String> response, RejectReason reason, String messagePart) {
        assertEquals(reason.status(), response.statusCode(), response::body);
        assertTrue(response.body().contains(messagePart), () -> "'" + response.body() + "' lacks '" + messagePart + "'");
        assertEquals(Optional.of("*"), response.headers().firstValue("Access-Control-Allow-Origin"));
    }

    private static long rejected(RejectReason reason) {
        return server.collector().metrics().snapshot().rejected(reason);
    }

    private static long noiseCount() {
        return server.collector().metrics().snapshot().noiseByRule().values().stream().mapToLong(Long::longValue).sum();
    }
}
