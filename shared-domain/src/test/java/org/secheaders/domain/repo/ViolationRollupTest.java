package org.secheaders.domain.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
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
import org.secheaders.domain.testing.TestDatabase;
import org.secheaders.domain.testing.TestDatabases;
import org.secheaders.domain.testing.TestTenants;

/**
 * The minute, hour and day rollups (docs/ROLLUPS.md): every read routed to them answers exactly what
 * the raw rows answer, concurrent writers keep their sums exact, and migration 007 backfills them.
 */
class ViolationRollupTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    private static final Instant START = Instant.parse("2026-03-27T22:13:00Z");
    private static final List<String> DIRECTIVES = List.of("script-src-elem", "img-src", "connect-src", "style-src",
            "frame-ancestors");
    private static final List<String> HOSTS = List.of("cdn.evil.example", "static.shop.example", "Tracker.EXAMPLE.net",
            "ads.example.org");
    private static final List<String> KEYWORDS = List.of("inline", "eval", "data", "blob", "wasm-eval");
    /** A multi-byte path longer than blocked_uri (512 characters): stored truncated, surrogate pairs kept whole. */
    private static final String LONG_PATH = "/路径/😀".repeat(120);
    private static final int EXECUTIONS = 120;
    /** The changesets of 007 (the rollups). */
    private static final int ROLLUP_CHANGESETS = 4;
    /** The changesets of 008 (the judged anomaly windows), which come after 007 and are rolled back with it. */
    private static final int WINDOW_FINDINGS_CHANGESETS = 3;
    /** The changesets of 009 (the document counts), rolled back with them. */
    private static final int DOCUMENT_COUNT_CHANGESETS = 2;

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void everyRoutedReadAnswersAsTheRawRowsDo(DbKind kind) {
        Database db = DATABASES.get(kind);
        Random random = new Random(20261206L + kind.ordinal());
        List<Tenant> tenants = List.of(TestTenants.create(db), TestTenants.create(db), TestTenants.create(db));
        List<SecurityViolation.Draft> drafts = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            drafts.add(randomDraft(random, tenants.get(random.nextInt(tenants.size())).id(), Duration.ofDays(3)));
        }
        store(db, random, drafts);

        ViolationRepository routed = db.violations();
        ViolationRepository raw = routed.rawReadsOnly();
        assertMultiDayRangesAnswerAsTheRawRowsDo(kind, random, tenants, routed, raw);
        for (int execution = 0; execution < EXECUTIONS; execution++) {
            TenantScope scope = random.nextInt(3) == 0 ? TenantScope.platform()
                    : TenantScope.tenant(tenants.get(random.nextInt(tenants.size())).id());
            ViolationQuery query = randomQuery(random, drafts);
            String context = "execution " + execution + " on " + kind + ": " + scope + " " + query;
            int limit = 1 + random.nextInt(25);
            List<ViolationGrouping> groupings = randomGroupings(random);
            TimeBucket bucket = TimeBucket.values()[random.nextInt(TimeBucket.values().length)];
            ViolationGrouping grouping = ViolationGrouping.values()[random.nextInt(ViolationGrouping.values().length)];

            assertSame(context + " count", () -> raw.count(scope, query), () -> routed.count(scope, query));
            assertSame(context + " total", () -> raw.query(scope, query, PageRequest.first(5)),
                    () -> routed.query(scope, query, PageRequest.first(5)));
            assertSame(context + " countBy " + grouping + " limit " + limit,
                    () -> raw.countBy(scope, query, grouping, limit), () -> routed.countBy(scope, query, grouping, limit));
            assertSame(context + " countByBucket " + bucket, () -> raw.countByBucket(scope, query, bucket),
                    () -> routed.countByBucket(scope, query, bucket));
            assertSame(context + " summarize " + groupings + " limit " + limit,
                    () -> raw.summarize(scope, query, groupings, limit),
                    () -> routed.summarize(scope, query, groupings, limit));
            assertGroupedBucketsAnswerAsTheRawRowsDo(context, raw, routed, scope, query, bucket, groupings);
            // Groups seen and distinct groups come in no particular order either.
            assertSame(context + " groupsSeen " + groupings,
                    () -> sorted(raw.groupsSeen(scope, query, groupings)),
                    () -> sorted(routed.groupsSeen(scope, query, groupings)));
            assertSame(context + " distinctGroups " + groupings,
                    () -> sorted(raw.distinctGroups(scope, query, groupings)),
                    () -> sorted(routed.distinctGroups(scope, query, groupings)));
            query.from().ifPresent(from -> {
                Instant to = query.to().orElse(from.plus(Duration.ofHours(5)));
                if (from.isBefore(to)) {
                    assertSame(context + " perMinuteCounts", () -> raw.perMinuteCounts(scope, from, to),
                            () -> routed.perMinuteCounts(scope, from, to));
                }
            });
        }
    }

    /** Ranges over several days cut at every level (whole days, hours and minutes, raw edges), per bucket width. */
    private static void assertMultiDayRangesAnswerAsTheRawRowsDo(DbKind kind, Random random, List<Tenant> tenants,
            ViolationRepository routed, ViolationRepository raw) {
        for (int range = 0; range < 12; range++) {
            Instant from = START.plus(Duration.ofMinutes(random.nextInt(24 * 60))).plusMillis(1 + random.nextInt(59_999));
            Instant to = from.plus(Duration.ofDays(1 + random.nextInt(2))).plus(Duration.ofMinutes(random.nextInt(24 * 60)))
                    .plusMillis(1 + random.nextInt(59_999));
            TenantScope scope = range % 3 == 0 ? TenantScope.platform()
                    : TenantScope.tenant(tenants.get(random.nextInt(tenants.size())).id());
            ViolationQuery query = range % 2 == 0 ? ViolationQuery.all().between(from, to)
                    : ViolationQuery.all().receivedBefore(to);
            List<ViolationGrouping> groupings = List.of(ViolationGrouping.DIRECTIVE, ViolationGrouping.BLOCKED_RESOURCE);
            String context = "range " + range + " on " + kind + ": " + scope + " " + query;
            for (TimeBucket bucket : TimeBucket.values()) {
                assertSame(context + " countByBucket " + bucket, () -> raw.countByBucket(scope, query, bucket),
                        () -> routed.countByBucket(scope, query, bucket));
                assertGroupedBucketsAnswerAsTheRawRowsDo(context, raw, routed, scope, query, bucket, groupings);
            }
            assertSame(context + " summarize", () -> raw.summarize(scope, query, groupings, 50),
                    () -> routed.summarize(scope, query, groupings, 50));
            assertSame(context + " groupsSeen", () -> sorted(raw.groupsSeen(scope, query, groupings)),
                    () -> sorted(routed.groupsSeen(scope, query, groupings)));
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void countsAreReadFromTheRollup(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(db);
        TenantScope scope = TenantScope.tenant(tenant.id());
        Random random = new Random(7);
        List<SecurityViolation.Draft> drafts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            drafts.add(randomDraft(random, tenant.id(), Duration.ofHours(2)));
        }
        db.violations().insertBatch(scope, drafts);
        ViolationQuery unaligned = ViolationQuery.all().between(START.plusSeconds(30), START.plus(Duration.ofHours(3)));
        assertEquals(40, db.violations().count(scope, ViolationQuery.all()));

        // A wrong rollup must show: proves the routed answers above did not come from the raw rows.
        for (ViolationRollup.Level level : ViolationRollup.Level.values()) {
            db.jdbi().useHandle(handle -> handle.execute("UPDATE " + level.table()
                    + " SET violation_count = violation_count + 1000 WHERE tenant_id = ?", tenant.id()));
        }
        assertEquals(40 + 1000L * rollupRows(db, ViolationRollup.Level.DAY, tenant.id()),
                db.violations().count(scope, ViolationQuery.all()), "no bounds: the day counts alone");
        assertNotEquals(db.violations().rawReadsOnly().count(scope, unaligned), db.violations().count(scope, unaligned));
        assertEquals(40 + 1000L * rollupRows(db, ViolationRollup.Level.MINUTE, tenant.id()),
                db.violations().countByBucket(scope, ViolationQuery.all(), TimeBucket.MINUTE).stream()
                        .mapToLong(BucketCount::count).sum(), "minute buckets: the minute counts alone");
        assertEquals(40, db.violations().count(scope, ViolationQuery.all().withDocumentUri("https://shop.example.com/checkout")),
                "a filter the rollup has no dimension for reads the raw rows");
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void concurrentWritersKeepTheSumsExact(DbKind kind) throws Exception {
        Database db = DATABASES.get(kind);
        List<Tenant> tenants = List.of(TestTenants.create(db), TestTenants.create(db));
        int threads = 4;
        int batches = 15;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                writers.add(pool.submit(() -> {
                    Random random = new Random(thread);
                    start.await();
                    int stored = 0;
                    for (int b = 0; b < batches; b++) {
                        // Few minutes, directives and hosts: every batch overlaps the other threads' keys.
                        List<SecurityViolation.Draft> batch = new ArrayList<>();
                        for (int i = 0; i < 25; i++) {
                            long tenantId = tenants.get(random.nextInt(tenants.size())).id();
                            batch.add(draft(tenantId, DIRECTIVES.get(random.nextInt(2)),
                                    Optional.of("https://" + HOSTS.get(random.nextInt(2)) + "/x.js"),
                                    SecuritySeverity.HIGH, ThreatClassification.SUSPICIOUS,
                                    START.plusSeconds(random.nextInt(180))));
                        }
                        stored += b % 3 == 0 ? db.violations().insert(TenantScope.platform(), batch).size()
                                : db.violations().insertBatch(TenantScope.platform(), batch);
                    }
                    return stored;
                }));
            }
            for (Future<Integer> writer : writers) {
                assertEquals(batches * 25, writer.get());
            }
        } finally {
            pool.shutdownNow();
        }
        for (Tenant tenant : tenants) {
            TenantScope scope = TenantScope.tenant(tenant.id());
            List<ViolationGrouping> all = List.copyOf(ViolationRollup.DIMENSIONS);
            assertEquals(db.violations().rawReadsOnly().summarize(scope, ViolationQuery.all(), all, 100),
                    db.violations().summarize(scope, ViolationQuery.all(), all, 100));
        }
        assertEquals(threads * batches * 25, tenants.stream()
                .mapToLong(tenant -> db.violations().count(TenantScope.tenant(tenant.id()), ViolationQuery.all()))
                .sum());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void migrationBackfillsTheViolationsStoredBeforeIt(DbKind kind) {
        try (TestDatabase test = TestDatabases.create(kind)) {
            Database db = test.database();
            Tenant tenant = TestTenants.create(db);
            TenantScope scope = TenantScope.tenant(tenant.id());
            db.migrations().rollback(ROLLUP_CHANGESETS + WINDOW_FINDINGS_CHANGESETS + DOCUMENT_COUNT_CHANGESETS);
            Random random = new Random(11);
            List<SecurityViolation.Draft> before = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                before.add(randomDraft(random, tenant.id(), Duration.ofHours(30)));
            }
            // Without the rollup table the repository cannot insert: rows go in as an older version stored them.
            db.jdbi().useTransaction(handle -> before.forEach(draft -> insertRaw(handle, draft)));

            db.migrations().migrate();

            List<ViolationGrouping> all = List.copyOf(ViolationRollup.DIMENSIONS);
            ViolationRepository raw = db.violations().rawReadsOnly();
            assertEquals(raw.summarize(scope, ViolationQuery.all(), all, 1000),
                    db.violations().summarize(scope, ViolationQuery.all(), all, 1000));
            assertEquals(sorted(raw.countByBucket(scope, ViolationQuery.all(), TimeBucket.MINUTE, all)),
                    sorted(db.violations().countByBucket(scope, ViolationQuery.all(), TimeBucket.MINUTE, all)));
            for (ViolationRollup.Level level : ViolationRollup.Level.values()) {
                TimeBucket width = TimeBucket.valueOf(level.name());
                assertEquals(sorted(raw.countByBucket(scope, ViolationQuery.all(), width, all)),
                        sorted(db.violations().countByBucket(scope, ViolationQuery.all(), width, all)));
                assertEquals(raw.countByBucket(scope, ViolationQuery.all(), width, all).size(),
                        rollupRows(db, level, tenant.id()), "one " + level + " row per tenant, bucket and dimensions");
            }

            // New violations in the same minutes add to the backfilled rows instead of starting new ones.
            db.violations().insertBatch(scope, before.subList(0, 200));
            for (ViolationRollup.Level level : ViolationRollup.Level.values()) {
                assertEquals(raw.countByBucket(scope, ViolationQuery.all(), TimeBucket.valueOf(level.name()), all).size(),
                        rollupRows(db, level, tenant.id()));
            }
            assertEquals(raw.summarize(scope, ViolationQuery.all(), all, 1000),
                    db.violations().summarize(scope, ViolationQuery.all(), all, 1000));
        }
    }

    /** Inserts through both write paths, in batches of varying size. */
    private static void store(Database db, Random random, List<SecurityViolation.Draft> drafts) {
        int next = 0;
        while (next < drafts.size()) {
            int end = Math.min(drafts.size(), next + 1 + random.nextInt(120));
            List<SecurityViolation.Draft> batch = drafts.subList(next, end);
            if (random.nextBoolean()) {
                db.violations().insertBatch(TenantScope.platform(), batch);
            } else {
                db.violations().insert(TenantScope.platform(), batch);
            }
            next = end;
        }
    }

    private static SecurityViolation.Draft randomDraft(Random random, long tenantId, Duration spread) {
        Instant receivedAt = START.plusMillis((long) (random.nextDouble() * spread.toMillis()))
                .plusNanos(random.nextInt(1_000) * 1_000L);
        return draft(tenantId, pick(random, DIRECTIVES), randomBlockedUri(random),
                pick(random, List.of(SecuritySeverity.values())), pick(random, List.of(ThreatClassification.values())),
                receivedAt, pick(random, List.of(ViolationType.values())));
    }

    private static Optional<String> randomBlockedUri(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> Optional.empty();
            case 1, 2 -> Optional.of(pick(random, KEYWORDS));
            case 3 -> Optional.of("https://" + pick(random, HOSTS) + LONG_PATH.substring(0, random.nextInt(LONG_PATH.length())));
            default -> Optional.of("https://" + pick(random, HOSTS) + "/lib" + random.nextInt(3) + ".js");
        };
    }

    private static SecurityViolation.Draft draft(long tenantId, String directive, Optional<String> blockedUri,
            SecuritySeverity severity, ThreatClassification classification, Instant receivedAt) {
        return draft(tenantId, directive, blockedUri, severity, classification, receivedAt, ViolationType.CSP);
    }

    private static SecurityViolation.Draft draft(long tenantId, String directive, Optional<String> blockedUri,
            SecuritySeverity severity, ThreatClassification classification, Instant receivedAt, ViolationType type) {
        return new SecurityViolation.Draft(tenantId, type, directive, blockedUri, "https://shop.example.com/checkout",
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), severity,
                classification, Optional.empty(), Map.of(), receivedAt);
    }

    /** Filters on rollup dimensions and sometimes on others, over aligned, unaligned, open or missing bounds. */
    private static ViolationQuery randomQuery(Random random, List<SecurityViolation.Draft> drafts) {
        ViolationQuery query = ViolationQuery.all();
        Optional<Instant> from = randomBound(random);
        Optional<Instant> to = randomBound(random);
        if (from.isPresent() && to.isPresent()) {
            Instant low = from.get().isBefore(to.get()) ? from.get() : to.get();
            Instant high = from.get().isBefore(to.get()) ? to.get() : from.get();
            if (low.equals(high)) {
                high = high.plusSeconds(1 + random.nextInt(200));
            }
            query = query.between(low, high);
        } else if (to.isPresent()) {
            query = query.receivedBefore(to.get());
        } else if (from.isPresent()) {
            query = query.between(from.get(), START.plus(Duration.ofDays(10)));
        }
        SecurityViolation.Draft sample = drafts.get(random.nextInt(drafts.size()));
        if (random.nextInt(4) == 0) {
            query = query.withDirective(sample.policyDirective());
        }
        if (random.nextInt(5) == 0) {
            query = query.withSeverity(sample.severityLevel());
        }
        if (random.nextInt(5) == 0) {
            query = query.withClassification(sample.threatClassification());
        }
        if (random.nextInt(6) == 0) {
            query = query.withType(sample.violationType());
        }
        if (random.nextInt(4) == 0) {
            query = query.withBlockedHost(pick(random, HOSTS));
        }
        switch (random.nextInt(12)) {
            case 0 -> query = query.withBlockedUri(pick(random, KEYWORDS));
            case 1 -> query = query.withResolved(false);
            case 2 -> query = query.withDocumentUri("https://shop.example.com/checkout");
            default -> { }
        }
        return query;
    }

    private static Optional<Instant> randomBound(Random random) {
        Instant minute = START.plus(Duration.ofMinutes(random.nextInt(5 * 24 * 60) - 24 * 60));
        return switch (random.nextInt(5)) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of(minute);
            case 2 -> Optional.of(minute.truncatedTo(ChronoUnit.HOURS));
            default -> Optional.of(minute.plusMillis(random.nextInt(60_000)).plusNanos(random.nextInt(1_000_000)));
        };
    }

    private static List<ViolationGrouping> randomGroupings(Random random) {
        List<ViolationGrouping> choices = new ArrayList<>(random.nextInt(5) == 0
                ? EnumSet.allOf(ViolationGrouping.class) : ViolationRollup.DIMENSIONS);
        Collections.shuffle(choices, random);
        return List.copyOf(choices.subList(0, 1 + random.nextInt(3)));
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static <T> void assertSame(String what, Supplier<T> raw, Supplier<T> routed) {
        T expected = raw.get();
        T actual = routed.get();
        if (expected instanceof Page<?> page) {
            assertEquals(page.total(), ((Page<?>) actual).total(), what);
            assertEquals(page.items(), ((Page<?>) actual).items(), what);
        } else {
            assertEquals(expected, actual, what);
        }
    }

    /** Bucket counts by group, merged and as unmerged cells: rows of one bucket come in no particular order. */
    private static void assertGroupedBucketsAnswerAsTheRawRowsDo(String context, ViolationRepository raw,
            ViolationRepository routed, TenantScope scope, ViolationQuery query, TimeBucket bucket,
            List<ViolationGrouping> groupings) {
        assertSame(context + " countByBucket " + bucket + " by " + groupings,
                () -> sorted(raw.countByBucket(scope, query, bucket, groupings)),
                () -> sorted(routed.countByBucket(scope, query, bucket, groupings)));
        assertSame(context + " countCells " + bucket + " by " + groupings,
                () -> sorted(raw.countByBucket(scope, query, bucket, groupings)),
                () -> merged(routed.countCells(scope, query, bucket, groupings)));
    }

    /** Cells of one (group, bucket) summed, as {@code countByBucket} returns them, sorted. */
    private static List<GroupedBucketCount> merged(List<GroupedBucketCount> cells) {
        Map<List<Object>, Long> sums = new HashMap<>();
        cells.forEach(cell -> sums.merge(List.of(cell.key(), cell.bucketStart()), cell.count(), Long::sum));
        return sorted(sums.entrySet().stream()
                .map(sum -> new GroupedBucketCount((GroupedValues) sum.getKey().get(0), (Instant) sum.getKey().get(1),
                        sum.getValue()))
                .toList());
    }

    private static <T> List<T> sorted(List<T> values) {
        return values.stream().sorted(Comparator.comparing(Object::toString)).toList();
    }

    private static long rollupRows(Database db, ViolationRollup.Level level, long tenantId) {
        return db.jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM " + level.table()
                + " WHERE tenant_id = :tenant").bind("tenant", tenantId).mapTo(Long.class).one());
    }

    private static void insertRaw(Handle handle, SecurityViolation.Draft draft) {
        String blockedUri = draft.blockedUri().map(uri -> ViolationRepository.bounded(uri, 512)).orElse(null);
        handle.createUpdate("""
                        INSERT INTO security_violations (tenant_id, violation_type, policy_directive, blocked_uri,
                            blocked_host, document_uri, severity_level, threat_classification, metadata, created_at, updated_at)
                        VALUES (:tenant_id, :type, :directive, :blocked_uri, :blocked_host, :document_uri, :severity,
                            :classification, '{}', :at, :at)""")
                .bind("tenant_id", draft.tenantId())
                .bind("type", draft.violationType().wireName())
                .bind("directive", draft.policyDirective())
                .bind("blocked_uri", blockedUri)
                .bind("blocked_host", draft.blockedUri().flatMap(ViolationRepository::hostOf).orElse(null))
                .bind("document_uri", draft.documentUri())
                .bind("severity", draft.severityLevel().wireName())
                .bind("classification", draft.threatClassification().wireName())
                .bind("at", draft.receivedAt())
                .execute();
    }
}
