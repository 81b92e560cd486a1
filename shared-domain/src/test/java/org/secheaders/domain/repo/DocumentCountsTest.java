package org.secheaders.domain.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

class DocumentCountsTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
    /** Longer than document_uri (2,048 characters) and multi-byte: stored truncated, the counts keep it as stored. */
    private static final String LONG_PAGE = "/文書/😀".repeat(600);
    private static final List<String> PAGES = List.of("/", "/checkout", "/Checkout", "/account/settings", "/news/é", LONG_PAGE);
    private static final int LIMIT = 100;

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void topDocumentsAnswerAsTheRawRowsAndAreReusedUntilABucketGetsLateReports(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant one = TestTenants.create(db);
        Tenant other = TestTenants.create(db);
        Random random = new Random(20261207L + kind.ordinal());
        insert(db, random, List.of(one, other), 3_000, Duration.ofDays(3));
        ViolationRepository routed = db.violations();
        ViolationRepository raw = routed.rawReadsOnly();
        TenantScope scope = TenantScope.tenant(one.id());
        // Unaligned: raw minutes and hours at both ends, whole hours and days between.
        ViolationQuery query = ViolationQuery.all().between(START.plus(Duration.ofMinutes(5 * 60 + 17)).plusMillis(250),
                START.plus(Duration.ofDays(2)).plus(Duration.ofMinutes(3 * 60 + 41)));

        List<GroupCount> expected = raw.countBy(scope, query, ViolationGrouping.DOCUMENT_URI, LIMIT);
        assertEquals(expected, routed.countBy(scope, query, ViolationGrouping.DOCUMENT_URI, LIMIT));
        assertEquals(expected.subList(0, 2), routed.countBy(scope, query, ViolationGrouping.DOCUMENT_URI, 2));
        ViolationQuery critical = query.withSeverity(SecuritySeverity.CRITICAL);
        assertEquals(raw.countBy(scope, critical, ViolationGrouping.DOCUMENT_URI, LIMIT),
                routed.countBy(scope, critical, ViolationGrouping.DOCUMENT_URI, LIMIT));
        // One day (the second) and the whole hours on either side (18 before, 3 after) are stored, for the
        // scope's tenant only.
        assertEquals(Map.of("day", 1L, "hour", 18L + 3L), storedBuckets(db, one));
        assertEquals(Map.of(), storedBuckets(db, other));

        // The stored counts are what the next read uses: a count changed in the table shows in the answer.
        Instant day = START.plus(Duration.ofDays(1));
        String page = expected.get(0).key();
        int changed = db.jdbi().withHandle(handle -> handle.createUpdate("UPDATE violation_document_counts SET violation_count ="
                        + " violation_count + 1000 WHERE tenant_id = :tenant AND bucket_width = 'day' AND bucket_start = :day"
                        + " AND document_uri = :page AND severity_level = 'high'")
                .bind("tenant", one.id()).bind("day", day).bind("page", page).execute());
        assertTrue(changed > 0);
        assertEquals(expected.get(0).count() + 1000L * changed,
                routed.countBy(scope, query, ViolationGrouping.DOCUMENT_URI, LIMIT).get(0).count());

        // A late report of that (closed) day changes its rollup tally: the day is counted again from the raw rows.
        db.violations().insert(scope, List.of(draft(one.id(), "/late", day.plus(Duration.ofHours(7)))));
        List<GroupCount> afterLate = raw.countBy(scope, query, ViolationGrouping.DOCUMENT_URI, LIMIT);
        assertNotEquals(expected, afterLate);
        assertEquals(afterLate, routed.countBy(scope, query, ViolationGrouping.DOCUMENT_URI, LIMIT));
        assertEquals(afterLate, routed.countBy(scope, query, ViolationGrouping.DOCUMENT_URI, LIMIT));

        // Every tenant, open ranges, the severity and classification filters the counts keep, and a filter they do
        // not keep (read raw as before).
        TenantScope platform = TenantScope.platform();
        for (ViolationQuery query2 : List.of(query, ViolationQuery.all().receivedBefore(START.plus(Duration.ofHours(30))),
                ViolationQuery.all(), query.withSeverity(SecuritySeverity.HIGH),
                query.withClassification(ThreatClassification.MALICIOUS),
                query.withSeverity(SecuritySeverity.LOW).withClassification(ThreatClassification.FALSE_POSITIVE),
                query.withDirective("script-src-elem"))) {
            assertEquals(raw.countBy(platform, query2, ViolationGrouping.DOCUMENT_URI, LIMIT),
                    routed.countBy(platform, query2, ViolationGrouping.DOCUMENT_URI, LIMIT), query2::toString);
        }
        assertTrue(storedBuckets(db, other).getOrDefault("day", 0L) >= 2, () -> storedBuckets(db, other).toString());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void bucketsEndingWithinTheSettlingTimeAreReadRawAndNotStored(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(db);
        insert(db, new Random(7), List.of(tenant), 600, Duration.ofHours(30));
        Instant end = START.plus(Duration.ofHours(30));
        TenantScope scope = TenantScope.tenant(tenant.id());
        ViolationQuery query = ViolationQuery.all().between(START, end);
        // "Now" is one minute after the last hour of data ended: that hour is still settling.
        Clock now = Clock.fixed(end.plus(Duration.ofMinutes(1)), ZoneOffset.UTC);
        DocumentCounts counts = new DocumentCounts(db.jdbi(), db.dialect(), now);

        DocumentCounts.Counted counted = counts.count(scope, query);
        assertEquals(db.violations().rawReadsOnly().countBy(scope, query, ViolationGrouping.DOCUMENT_URI, LIMIT),
                counted.top(LIMIT));
        List<Instant> fresh = counted.fresh().stream().map(bucket -> bucket.key().start()).sorted().toList();
        assertEquals(START, fresh.get(0), "the first day, whole");
        assertEquals(end.minus(Duration.ofHours(2)), fresh.get(fresh.size() - 1), "the hours up to the settling one");
        assertEquals(1 + 5, fresh.size());
        counted.fresh().forEach(bucket -> assertEquals(bucket.fingerprint().violations(),
                bucket.cells().values().stream().mapToLong(Long::longValue).sum()));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void concurrentReadersStoringTheSameBucketsWhileReportsArriveAgreeWithTheRawRows(DbKind kind) throws Exception {
        Database db = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(db);
        insert(db, new Random(3), List.of(tenant), 400, Duration.ofDays(2));
        TenantScope scope = TenantScope.tenant(tenant.id());
        ViolationQuery query = ViolationQuery.all().between(START.plusSeconds(1), START.plus(Duration.ofDays(2)));
        int threads = 6;
        CyclicBarrier barrier = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> readers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                readers.add(pool.submit(() -> {
                    barrier.await();
                    for (int round = 0; round < 15; round++) {
                        if (thread == 0) {
                            // A late report, in a different hour each round: its hour and day are counted again.
                            db.violations().insertBatch(scope, List.of(draft(tenant.id(), "/late",
                                    START.plus(Duration.ofHours(1 + round)))));
                        }
                        db.violations().consistentRead(() -> db.violations().countBy(scope, query,
                                ViolationGrouping.DOCUMENT_URI, LIMIT));
                    }
                    return null;
                }));
            }
            for (Future<?> reader : readers) {
                reader.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<GroupCount> expected = db.violations().rawReadsOnly().countBy(scope, query, ViolationGrouping.DOCUMENT_URI, LIMIT);
        assertEquals(expected, db.violations().countBy(scope, query, ViolationGrouping.DOCUMENT_URI, LIMIT));
        assertEquals(15, expected.stream().filter(group -> group.key().endsWith("/late")).findFirst().orElseThrow().count());
        assertTrue(storedBuckets(db, tenant).getOrDefault("day", 0L) >= 1);
    }

    /** Stored buckets of the tenant per width. */
    private static Map<String, Long> storedBuckets(Database db, Tenant tenant) {
        return db.jdbi().withHandle(handle -> handle.createQuery("SELECT bucket_width FROM violation_document_buckets"
                        + " WHERE tenant_id = :tenant").bind("tenant", tenant.id()).mapTo(String.class).list())
                .stream().collect(Collectors.groupingBy(width -> width, Collectors.counting()));
    }

    private static void insert(Database db, Random random, List<Tenant> tenants, int violations, Duration spread) {
        List<SecurityViolation.Draft> drafts = new ArrayList<>();
        for (int i = 0; i < violations; i++) {
            // Skewed: the first pages are the most frequent, so the top documents are not all ties.
            String page = PAGES.get(Math.min(PAGES.size() - 1, (int) Math.abs(random.nextGaussian() * 2)));
            drafts.add(draft(tenants.get(random.nextInt(tenants.size())).id(), page,
                    START.plusMillis((long) (random.nextDouble() * spread.toMillis()))));
        }
        db.violations().insertBatch(TenantScope.platform(), drafts);
    }

    /** Severity and classification vary with the receipt, independently of each other. */
    private static SecurityViolation.Draft draft(long tenantId, String page, Instant receivedAt) {
        SecuritySeverity severity = SecuritySeverity.values()[(int) (receivedAt.toEpochMilli() % 4)];
        ThreatClassification classification = ThreatClassification.values()[(int) (receivedAt.toEpochMilli() / 4 % 3)];
        return new SecurityViolation.Draft(tenantId, ViolationType.CSP, "script-src-elem",
                Optional.of("https://cdn.example.net/x.js"), "https://shop.example.com" + page, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), severity, classification,
                Optional.empty(), Map.of(), receivedAt);
    }
}
