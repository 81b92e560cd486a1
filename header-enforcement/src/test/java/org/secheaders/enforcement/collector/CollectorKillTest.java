package org.secheaders.enforcement.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.SecurityViolation;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.testing.DbKind;
import org.secheaders.domain.testing.TestDatabase;
import org.secheaders.domain.testing.TestDatabases;
import org.secheaders.domain.testing.TestTenants;

/**
 * The durability promise: a report answered 204 is stored exactly once even when the collector's
 * process is killed with SIGKILL right after the last answer. The collector runs in a child JVM; this
 * process owns the H2 file (the child reaches it through H2's auto-server) and, for the second half
 * of the reports, holds the collector's checkpoint row locked, as a slow database would, so that
 * those reports are still only in the write-ahead log when the child is killed.
 */
class CollectorKillTest {
    private static final int REPORTS_PER_PHASE = 1000;
    private static final int SENDERS = 8;
    private static final Duration CHILD_START = Duration.ofSeconds(180);
    private static final Duration DRAIN = Duration.ofSeconds(180);
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void everyReportAnswered204IsStoredExactlyOnceAfterAKill9AndARestart() throws Exception {
        try (TestDatabase testDatabase = TestDatabases.create(DbKind.H2)) {
            Database database = testDatabase.database();
            Tenant tenant = TestTenants.create(database);
            Map<String, Integer> acknowledged = new ConcurrentHashMap<>();

            Process first = startChild(database, "first");
            try {
                URI uri = reportUri(tenant);
                send(uri, 0, acknowledged);
                StoredViolations.await(database, tenant.id(), DRAIN, rows -> !rows.isEmpty());
                try (Handle blocker = database.jdbi().open()) {
                    blocker.begin();
                    blocker.createQuery("SELECT wal_position FROM collector_checkpoints WHERE collector_id = 'default' FOR UPDATE")
                            .mapTo(Long.class).one();
                    send(uri, REPORTS_PER_PHASE, acknowledged);
                    first.destroyForcibly();
                    assertTrue(first.waitFor(30, TimeUnit.SECONDS));
                    blocker.rollback();
                }
            } finally {
                first.destroyForcibly();
            }
            long acknowledgedReports = acknowledged.values().stream().mapToLong(Integer::longValue).sum();
            long storedBeforeRestart = StoredViolations.totalReports(StoredViolations.of(database, tenant.id()));
            assertEquals(2 * REPORTS_PER_PHASE + 2 * REPORTS_PER_PHASE / 10, acknowledgedReports, "every POST got 204");
            assertTrue(storedBeforeRestart > 0 && storedBeforeRestart <= acknowledgedReports - REPORTS_PER_PHASE,
                    "the second phase was only in the log when the process died: " + storedBeforeRestart);

            Process second = startChild(database, "second");
            try {
                List<SecurityViolation> rows = StoredViolations.await(database, tenant.id(), DRAIN,
                        stored -> StoredViolations.totalReports(stored) >= acknowledgedReports);
                // A replay that stored something twice would keep going past the count: give it the time to.
                Thread.sleep(1000);
                rows = StoredViolations.of(database, tenant.id());

                Map<String, Long> storedPerPage = rows.stream().collect(Collectors.groupingBy(
                        SecurityViolation::documentUri, TreeMap::new, Collectors.summingLong(StoredViolations::reportCount)));
                Map<String, Long> expected = acknowledged.entrySet().stream().collect(Collectors.toMap(
                        e -> "https://shop.example" + e.getKey(), e -> e.getValue().longValue(), Long::sum, TreeMap::new));
                assertEquals(expected, storedPerPage, "each acknowledged report stored exactly once");
            } finally {
                second.destroyForcibly();
                second.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Reports {@code /page/from} .. {@code /page/from+999}, every tenth twice, from 8 concurrent senders. */
    private static void send(URI uri, int from, Map<String, Integer> acknowledged) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        try {
            List<Future<?>> posts = new ArrayList<>();
            for (int i = from; i < from + REPORTS_PER_PHASE; i++) {
                String page = "/page/" + i;
                int copies = i % 10 == 0 ? 2 : 1;
                for (int copy = 0; copy < copies; copy++) {
                    posts.add(senders.submit(() -> {
                        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(uri)
                                .header("Content-Type", "application/csp-report")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(SampleReports.legacyUnknownHost(page)))
                                .build(), HttpResponse.BodyHandlers.ofString());
                        assertEquals(204, response.statusCode(), response::body);
                        acknowledged.merge(page, 1, Integer::sum);
                        return null;
                    }));
                }
            }
            for (Future<?> post : posts) {
                post.get(60, TimeUnit.SECONDS);
            }
        } finally {
            senders.shutdownNow();
        }
    }

    private Process startChild(Database database, String name) throws Exception {
        Path portFile = dir.resolve(name + ".port");
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                CollectorChild.class.getName(),
                database.config().dataDir().toString(), dir.resolve("wal").toString(), portFile.toString());
        Process process = new ProcessBuilder(command)
                .redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile())
                .start();
        long deadline = System.nanoTime() + CHILD_START.toNanos();
        while (!Files.exists(portFile)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new AssertionError("collector child '" + name + "' did not start:\n"
                        + Files.readString(dir.resolve(name + ".err"), StandardCharsets.UTF_8));
            }
            Thread.sleep(50);
        }
        port = Integer.parseInt(Files.readString(portFile, StandardCharsets.US_ASCII).trim());
        return process;
    }

    private int port;

    private URI reportUri(Tenant tenant) {
        return URI.create("http://127.0.0.1:" + port + CollectorServer.REPORT_PATH + "/" + tenant.slug());
    }
}
