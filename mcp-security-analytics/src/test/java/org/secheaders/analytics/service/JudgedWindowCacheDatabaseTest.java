package org.secheaders.analytics.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secheaders.analytics.service.SlicedLoadDatabaseTest.DAY;
import static org.secheaders.analytics.service.SlicedLoadDatabaseTest.minute;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.secheaders.analytics.testing.RecordedStatements;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.db.UtcTimestamps;
import org.secheaders.domain.model.SecurityViolation;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.repo.TenantScope;
import org.secheaders.domain.testing.DbKind;
import org.secheaders.domain.testing.TestDatabase;
import org.secheaders.domain.testing.TestDatabases;
import org.secheaders.domain.testing.TestTenants;

/**
 * Scans through the judged-window cache ({@link JudgedWindowCache}) answer exactly as scans that judge
 * every window, on the data of {@link SlicedLoadDatabaseTest} (ten days, two tenants, one starting on
 * day 6), at 03:00 on day 10: on the first call (which stores), on repeated calls (which read the
 * store), with another history, after late reports into past days, and only past days are stored.
 */
class JudgedWindowCacheDatabaseTest {
    private static final Instant TODAY = minute(10 * DAY);
    private static final Clock CLOCK = Clock.fixed(TODAY.plus(Duration.ofHours(3)), ZoneOffset.UTC);
    /** Every window of it ends before today: a repeated scan judges nothing. */
    private static final TimeRange PAST = new TimeRange(minute(2 * DAY), TODAY);

    private record World(Database db, Tenant early, Tenant late, AnomalyService cached, AnomalyService judging) {

        AnomalyService.Findings[] both(TenantScope scope, TimeRange period, Duration history) {
            return new AnomalyService.Findings[] {cached.scan(scope, period, history), judging.scan(scope, period, history)};
        }

        void insert(List<SecurityViolation.Draft> reports) {
            for (int from = 0; from < reports.size(); from += 2000) {
                db.violations().insertBatch(TenantScope.platform(),
                        reports.subList(from, Math.min(reports.size(), from + 2000)));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void cachedScansFindWhatJudgingEveryWindowFinds(DbKind kind) {
        try (TestDatabase test = TestDatabases.create(kind)) {
            World world = seed(test.database());
            int findings = 0;
            for (TenantScope scope : List.of(TenantScope.platform(), TenantScope.tenant(world.early().id()),
                    TenantScope.tenant(world.late().id()))) {
                for (TimeRange period : List.of(PAST, new TimeRange(minute(6 * DAY + 30), minute(10 * DAY + 180)),
                        new TimeRange(minute(7 * DAY + 720), minute(9 * DAY)))) {
                    // Twice with the default history (stores, then reads), then with one too short for the day 7
                    // spike's baseline: the series start differs, and so do the findings.
                    for (Duration history : List.of(AnomalyService.DEFAULT_HISTORY, AnomalyService.DEFAULT_HISTORY,
                            Duration.ofMinutes(30))) {
                        AnomalyService.Findings[] both = world.both(scope, period, history);
                        assertEquals(both[1], both[0], scope + " over " + period + " after " + history);
                        findings += both[1].anomalies().size() + both[1].firstSightings().size();
                    }
                }
            }
            assertFalse(findings == 0, "the data must give something to compare");
            List<TimeRange> stored = stored(world.db());
            assertFalse(stored.isEmpty(), "past windows are stored");
            assertTrue(stored.stream().allMatch(w -> !w.end().isAfter(TODAY)), () -> "today's windows are not: " + stored);
            assertTrue(stored.stream().allMatch(w -> w.length().equals(AnomalyService.SCAN_STEP)), stored::toString);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void lateReportsBeforeAWindowsEndAreJudgedAgain(DbKind kind) {
        try (TestDatabase test = TestDatabases.create(kind)) {
            World world = seed(test.database());
            TenantScope scope = TenantScope.platform();
            AnomalyService.Findings before = world.cached().scan(scope, PAST, AnomalyService.DEFAULT_HISTORY);
            Random random = new Random(7);
            List<SecurityViolation.Draft> late = new ArrayList<>();
            // A spike of a new group on day 8, inside a stored window.
            for (int m = 8 * DAY + 900; m < 8 * DAY + 906; m++) {
                for (int i = 0; i < 30; i++) {
                    late.add(SlicedLoadDatabaseTest.report(world.early().id(), "script-src-elem",
                            Optional.of("https://late.example/x.js"), m, random));
                }
            }
            // One report on day 3 of the group first seen on day 9: no longer a first sighting there, though
            // day 3 is outside every minute read for day 9.
            late.add(SlicedLoadDatabaseTest.report(world.early().id(), "script-src-elem",
                    Optional.of("https://evil.example/x.js"), 3 * DAY + 100, random));
            world.insert(late);

            AnomalyService.Findings[] after = world.both(scope, PAST, AnomalyService.DEFAULT_HISTORY);
            assertNotEquals(before, after[1], "the late reports change the findings");
            assertEquals(after[1], after[0]);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aRepeatedScanOfPastDaysReadsNoMinutes(DbKind kind) {
        try (TestDatabase test = TestDatabases.create(kind)) {
            World world = seed(test.database());
            List<String> first = statements(world, TenantScope.platform());
            List<String> second = statements(world, TenantScope.platform());
            assertTrue(first.stream().anyMatch(s -> s.contains("violation_minute_counts")), first::toString);
            // The visible tenants, the day tallies and the stored windows.
            assertEquals(3, second.size(), second::toString);
            assertTrue(second.stream().noneMatch(s -> s.contains("violation_minute_counts")), second::toString);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void unreadableEntriesAreJudgedAgainAndReplaced(DbKind kind) {
        try (TestDatabase test = TestDatabases.create(kind)) {
            World world = seed(test.database());
            TenantScope scope = TenantScope.platform();
            world.cached().scan(scope, PAST, AnomalyService.DEFAULT_HISTORY);
            world.db().jdbi().useHandle(handle -> handle.execute("UPDATE anomaly_window_findings SET findings = '{\"anomalies\": 7'"));

            AnomalyService.Findings[] both = world.both(scope, PAST, AnomalyService.DEFAULT_HISTORY);
            assertEquals(both[1], both[0]);
            List<String> again = statements(world, scope);
            assertTrue(again.stream().noneMatch(s -> s.contains("violation_minute_counts")), again::toString);
        }
    }

    private static List<String> statements(World world, TenantScope scope) {
        Jdbi jdbi = world.db().jdbi();
        return List.copyOf(RecordedStatements.during(jdbi, () -> world.cached().scan(scope, PAST, AnomalyService.DEFAULT_HISTORY)));
    }

    private static World seed(Database db) {
        Random random = new Random(20261206L);
        Tenant early = TestTenants.create(db);
        Tenant late = TestTenants.create(db);
        List<SecurityViolation.Draft> reports = new ArrayList<>();
        SlicedLoadDatabaseTest.plant(random, early.id(), 0, reports);
        SlicedLoadDatabaseTest.plant(random, late.id(), 6 * DAY + 497, reports);
        TenantCatalog tenants = new TenantCatalog(db.tenants());
        World world = new World(db, early, late, new AnomalyService(db.violations(), db.anomalyWindows(), tenants, CLOCK),
                new AnomalyService(db.violations(), tenants, CLOCK));
        world.insert(reports);
        return world;
    }

    private static List<TimeRange> stored(Database db) {
        return db.jdbi().withHandle(handle -> handle.createQuery("SELECT window_start, window_end FROM anomaly_window_findings")
                .map((rs, ctx) -> new TimeRange(UtcTimestamps.read(rs, "window_start"), UtcTimestamps.read(rs, "window_end")))
                .list());
    }
}
