package org.secheaders.domain.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.SecuritySeverity;
import org.secheaders.domain.model.SecurityViolation;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.model.ThreatClassification;
import org.secheaders.domain.model.ViolationType;
import org.secheaders.domain.repo.AnomalyWindowRepository.DayTally;
import org.secheaders.domain.repo.AnomalyWindowRepository.Fingerprint;
import org.secheaders.domain.repo.AnomalyWindowRepository.JudgedWindow;
import org.secheaders.domain.repo.AnomalyWindowRepository.WindowKey;
import org.secheaders.domain.testing.DbKind;
import org.secheaders.domain.testing.TestDatabases;
import org.secheaders.domain.testing.TestTenants;

class AnomalyWindowRepositoryTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    private static final Instant DAY = Instant.parse("2026-04-01T00:00:00Z");
    private static final Duration HALF_DAY = Duration.ofHours(12);
    private static final int ROUNDS = 30;

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void dayTalliesAreTheScopesDailyTotalsBeforeTheBound(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant one = TestTenants.create(db);
        Tenant other = TestTenants.create(db);
        List<SecurityViolation.Draft> reports = new ArrayList<>();
        for (int day = 0; day < 3; day++) {
            for (int i = 0; i <= day; i++) {
                reports.add(report(one.id(), "script-src", DAY.plus(Duration.ofDays(day)).plusSeconds(3600 + i)));
                reports.add(report(one.id(), "img-src", DAY.plus(Duration.ofDays(day)).plusSeconds(7200 + i)));
            }
            reports.add(report(other.id(), "img-src", DAY.plus(Duration.ofDays(day)).plusSeconds(60)));
        }
        List<Long> ids = db.violations().insert(TenantScope.platform(), reports);

        List<DayTally> tallies = db.anomalyWindows().dayTallies(TenantScope.tenant(one.id()), DAY.plus(Duration.ofDays(2)));
        // Directives summed per day; the third day starts at the bound and is left out.
        assertEquals(List.of(new DayTally(one.id(), DAY, 2, ids.get(1), DAY.plusSeconds(3600)),
                new DayTally(one.id(), DAY.plus(Duration.ofDays(1)), 4, ids.get(6),
                        DAY.plus(Duration.ofDays(1)).plusSeconds(3600))), tallies);
        assertEquals(6, db.anomalyWindows().dayTallies(TenantScope.platform(), DAY.plus(Duration.ofDays(3))).stream()
                .filter(t -> t.tenantId() == one.id() || t.tenantId() == other.id()).count());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void storesReplacesFindsAndPurges(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(db);
        JudgedWindow old = window(tenant.id(), DAY.minus(Duration.ofDays(100)), 1, "{\"anomalies\":[]}");
        JudgedWindow first = window(tenant.id(), DAY, 5, "{\"anomalies\":[1]}");
        db.anomalyWindows().store(TenantScope.platform(), List.of(old, first), DAY.minus(Duration.ofDays(200)));
        assertEquals(List.of(old, first), find(db, tenant, DAY.minus(Duration.ofDays(101)), DAY.plus(HALF_DAY)));

        // The same key again replaces the entry; the horizon now purges the old window.
        JudgedWindow replaced = window(tenant.id(), DAY, 6, "{\"anomalies\":[2]}");
        db.anomalyWindows().store(TenantScope.tenant(tenant.id()), List.of(replaced), DAY.minus(Duration.ofDays(92)));
        assertEquals(List.of(replaced), find(db, tenant, DAY.minus(Duration.ofDays(101)), DAY.plus(HALF_DAY)));
        // A window not wholly inside the range is not found.
        assertEquals(List.of(), find(db, tenant, DAY, DAY.plus(Duration.ofHours(11))));
        assertThrows(TenantAccessDeniedException.class, () -> db.anomalyWindows().store(
                TenantScope.tenant(tenant.id() + 1000), List.of(replaced), DAY.minus(Duration.ofDays(92))));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void concurrentWritersOfTheSameWindowsDoNotFail(DbKind kind) throws Exception {
        Database db = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(db);
        int threads = 8;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long count = t;
                writers.add(pool.submit(() -> {
                    start.await();
                    // Each round inserts new keys, every thread the same ones, and purges the earlier rounds'.
                    for (int round = 0; round < ROUNDS; round++) {
                        List<JudgedWindow> windows = new ArrayList<>();
                        for (int w = 0; w < 20; w++) {
                            windows.add(window(tenant.id(), DAY.plus(HALF_DAY.multipliedBy(round * 20 + w)), count, "{}"));
                        }
                        db.anomalyWindows().store(TenantScope.platform(), windows, DAY.plus(HALF_DAY.multipliedBy(round * 20)));
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdownNow();
        }
        // A slow writer may store an earlier round after the last purge.
        List<JudgedWindow> last = find(db, tenant, DAY.plus(HALF_DAY.multipliedBy((ROUNDS - 1) * 20)),
                DAY.plus(Duration.ofDays(365)));
        assertEquals(20, last.size());
        assertTrue(last.stream().allMatch(w -> w.fingerprint().violations() < threads), last::toString);
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void entriesGoWithTheirTenant(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(db);
        db.anomalyWindows().store(TenantScope.platform(), List.of(window(tenant.id(), DAY, 1, "{}")),
                DAY.minus(Duration.ofDays(92)));
        db.jdbi().useHandle(handle -> {
            handle.execute("DELETE FROM tenant_policy_versions WHERE tenant_id = ?", tenant.id());
            handle.execute("DELETE FROM tenants WHERE id = ?", tenant.id());
        });
        assertEquals(List.of(), find(db, tenant, DAY, DAY.plus(HALF_DAY)));
    }

    private static List<JudgedWindow> find(Database db, Tenant tenant, Instant from, Instant to) {
        return db.anomalyWindows().find(TenantScope.tenant(tenant.id()), from, to).stream()
                .sorted(Comparator.comparing(w -> w.key().windowStart())).toList();
    }

    private static JudgedWindow window(long tenantId, Instant start, long count, String findings) {
        return new JudgedWindow(new WindowKey(tenantId, start, start.plus(HALF_DAY), start.minus(Duration.ofDays(8)),
                "d".repeat(64)), new Fingerprint(count, 100 + count), findings);
    }

    private static SecurityViolation.Draft report(long tenantId, String directive, Instant at) {
        return new SecurityViolation.Draft(tenantId, ViolationType.CSP, directive, Optional.of("https://cdn.example/a.js"),
                "https://shop.example/", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), SecuritySeverity.LOW, ThreatClassification.UNKNOWN, Optional.empty(), Map.of(), at);
    }
}
