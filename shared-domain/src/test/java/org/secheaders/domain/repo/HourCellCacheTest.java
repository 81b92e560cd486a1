package org.secheaders.domain.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.SecuritySeverity;
import org.secheaders.domain.model.SecurityViolation;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.model.ThreatClassification;
import org.secheaders.domain.model.ViolationType;
import org.secheaders.domain.testing.DbKind;
import org.secheaders.domain.testing.TestDatabases;
import org.secheaders.domain.testing.TestTenants;

class HourCellCacheTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    private static final Instant START = Instant.parse("2026-02-09T00:00:00Z");
    private static final List<ViolationGrouping> SERIES = List.of(ViolationGrouping.TENANT, ViolationGrouping.DIRECTIVE,
            ViolationGrouping.BLOCKED_RESOURCE);
    private static final HourCellCache.Source MINUTES = HourCellCache.Source.MINUTE_CELLS;
    private static final List<String> DIRECTIVES = List.of("script-src-elem", "img-src", "connect-src");

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void cellsOfClosedHoursComeFromMemoryUntilTheHourGetsLateReports(DbKind kind) {
        Database db = DATABASES.get(kind);
        List<Tenant> tenants = List.of(TestTenants.create(db), TestTenants.create(db));
        insert(db, new Random(41 + kind.ordinal()), tenants, 2_000, Duration.ofHours(30));
        ViolationRepository routed = db.violations();
        ViolationRepository raw = routed.rawReadsOnly();
        TenantScope platform = TenantScope.platform();
        // Partial hours at both ends, 25 whole hours between.
        ViolationQuery query = ViolationQuery.all().between(START.plus(Duration.ofMinutes(95)).plusSeconds(7),
                START.plus(Duration.ofHours(27)).plus(Duration.ofMinutes(13)));
        Map<String, Long> expected = merged(raw.countCells(platform, query, TimeBucket.MINUTE, SERIES));
        assertEquals(expected, merged(routed.countCells(platform, query, TimeBucket.MINUTE, SERIES)));
        assertEquals(expected, merged(routed.countCells(platform, query, TimeBucket.MINUTE, SERIES)));
        TenantScope one = TenantScope.tenant(tenants.get(0).id());
        assertEquals(merged(raw.countCells(one, query, TimeBucket.MINUTE, SERIES)),
                merged(routed.countCells(one, query, TimeBucket.MINUTE, SERIES)));

        // A minute row changed behind the hour rollup's back is not seen: the hour's cells come from memory.
        Instant hour = START.plus(Duration.ofHours(5));
        int changed = db.jdbi().withHandle(handle -> handle.createUpdate("UPDATE violation_minute_counts SET violation_count"
                        + " = violation_count + 100 WHERE tenant_id = :tenant AND bucket_start >= :from AND bucket_start < :to")
                .bind("tenant", tenants.get(0).id()).bind("from", hour).bind("to", hour.plus(Duration.ofHours(1))).execute());
        assertTrue(changed > 0);
        assertEquals(expected, merged(routed.countCells(platform, query, TimeBucket.MINUTE, SERIES)));

        // A late report changes the hour's tally: its cells are read again, now with the changed rows.
        db.violations().insert(one, List.of(draft(tenants.get(0).id(), "img-src", hour.plusSeconds(600))));
        Map<String, Long> reread = merged(routed.countCells(platform, query, TimeBucket.MINUTE, SERIES));
        Map<String, Long> rawNow = merged(raw.countCells(platform, query, TimeBucket.MINUTE, SERIES));
        assertEquals(rawNow.values().stream().mapToLong(Long::longValue).sum() + 100L * changed,
                reread.values().stream().mapToLong(Long::longValue).sum());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void settlingHoursAreReadEveryTimeAndTheCacheStaysWithinItsBound(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(db);
        insert(db, new Random(5), List.of(tenant), 600, Duration.ofHours(10));
        TenantScope scope = TenantScope.tenant(tenant.id());
        ViolationQuery query = ViolationQuery.all().between(START, START.plus(Duration.ofHours(10)));
        List<ViolationQuery> ranges = new ArrayList<>();
        ViolationRepository raw = db.violations().rawReadsOnly();
        // "Now" is one minute after the data's last hour ended: that hour is still settling.
        HourCellCache cache = new HourCellCache(db.jdbi(), Clock.fixed(START.plus(Duration.ofMinutes(601)),
                ZoneOffset.UTC), 1L << 30);
        List<GroupedBucketCount> first = cache.cells(scope, query, MINUTES, SERIES, (within, range) -> {
            ranges.add(range);
            return raw.countCells(within, range, TimeBucket.MINUTE, SERIES);
        });
        assertEquals(merged(raw.countCells(scope, query, TimeBucket.MINUTE, SERIES)), merged(first));
        assertEquals(List.of(ViolationQuery.all().between(START.plus(Duration.ofHours(9)), START.plus(Duration.ofHours(10))),
                ViolationQuery.all().between(START, START.plus(Duration.ofHours(9)))), ranges, "the settling hour, then the closed ones");
        ranges.clear();
        cache.cells(scope, query, MINUTES, SERIES, (within, range) -> {
            ranges.add(range);
            return raw.countCells(within, range, TimeBucket.MINUTE, SERIES);
        });
        assertEquals(List.of(ViolationQuery.all().between(START.plus(Duration.ofHours(9)), START.plus(Duration.ofHours(10)))),
                ranges, "only the settling hour again");

        HourCellCache small = new HourCellCache(db.jdbi(), Clock.systemUTC(), 5_000);
        assertEquals(merged(raw.countCells(scope, query, TimeBucket.MINUTE, SERIES)), merged(small.cells(scope, query,
                MINUTES, SERIES, (within, range) -> raw.countCells(within, range, TimeBucket.MINUTE, SERIES))));
        assertTrue(small.size() <= 5_000, () -> small.size() + " bytes held");
        assertTrue(small.size() > 0);
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void groupCountsOfAnyColumnsAnswerAsTheRawRowsAcrossLateReports(DbKind kind) {
        Database db = DATABASES.get(kind);
        List<Tenant> tenants = List.of(TestTenants.create(db), TestTenants.create(db));
        insert(db, new Random(77 + kind.ordinal()), tenants, 1_500, Duration.ofHours(20));
        ViolationRepository routed = db.violations();
        ViolationRepository raw = routed.rawReadsOnly();
        List<ViolationGrouping> withDocument = List.of(ViolationGrouping.TENANT, ViolationGrouping.DIRECTIVE,
                ViolationGrouping.BLOCKED_RESOURCE, ViolationGrouping.DOCUMENT_URI);
        ViolationQuery query = ViolationQuery.all().between(START.plus(Duration.ofMinutes(30)), START.plus(Duration.ofMinutes(1170)));
        for (TenantScope scope : List.of(TenantScope.platform(), TenantScope.tenant(tenants.get(1).id()))) {
            Map<GroupedValues, Long> expected = raw.groupCounts(scope, query, withDocument);
            // The raw answer is the summary's counts.
            assertEquals(raw.summarize(scope, query, withDocument, 1000).stream()
                    .collect(Collectors.toMap(ViolationSummary::key, ViolationSummary::count)), expected);
            assertEquals(expected, routed.groupCounts(scope, query, withDocument));
            assertEquals(expected, routed.groupCounts(scope, query, withDocument));
        }
        db.violations().insert(TenantScope.platform(), List.of(draft(tenants.get(0).id(), "img-src",
                START.plus(Duration.ofHours(3)).plusSeconds(5))));
        assertEquals(raw.groupCounts(TenantScope.platform(), query, withDocument),
                routed.groupCounts(TenantScope.platform(), query, withDocument));
    }

    /** Counts per group and minute, summed over repeated rows. */
    private static Map<String, Long> merged(List<GroupedBucketCount> cells) {
        Map<String, Long> merged = new TreeMap<>();
        cells.forEach(cell -> merged.merge(cell.key().values() + "@" + cell.bucketStart(), cell.count(), Long::sum));
        return merged;
    }

    private static void insert(Database db, Random random, List<Tenant> tenants, int violations, Duration spread) {
        List<SecurityViolation.Draft> drafts = new ArrayList<>();
        for (int i = 0; i < violations; i++) {
            drafts.add(draft(tenants.get(random.nextInt(tenants.size())).id(), DIRECTIVES.get(random.nextInt(DIRECTIVES.size())),
                    START.plusMillis((long) (random.nextDouble() * spread.toMillis()))));
        }
        db.violations().insertBatch(TenantScope.platform(), drafts);
    }

    private static SecurityViolation.Draft draft(long tenantId, String directive, Instant receivedAt) {
        return new SecurityViolation.Draft(tenantId, ViolationType.CSP, directive,
                Optional.of(receivedAt.getEpochSecond() % 2 == 0 ? "https://cdn.example.net/x.js" : "inline"),
                "https://shop.example.com/" + (receivedAt.getEpochSecond() % 5), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), SecuritySeverity.HIGH, ThreatClassification.SUSPICIOUS, Optional.empty(), Map.of(), receivedAt);
    }
}
