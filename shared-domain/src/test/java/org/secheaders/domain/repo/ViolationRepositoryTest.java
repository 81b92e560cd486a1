package org.secheaders.domain.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
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

class ViolationRepositoryTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    private static final Instant T0 = Instant.parse("2025-06-01T10:00:00Z");

    /** A CSP report with only the required fields varying. */
    static SecurityViolation.Draft report(long tenantId, String directive, String blockedUri, SecuritySeverity severity,
                                          ThreatClassification classification, Instant receivedAt) {
        return new SecurityViolation.Draft(tenantId, ViolationType.CSP, directive, Optional.of(blockedUri),
                "https://shop.example.com/checkout", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), severity, classification, Optional.empty(), Map.of(), receivedAt);
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void storesEveryFieldOfAReport(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(db);
        TenantScope scope = TenantScope.tenant(tenant.id());
        Instant receivedAt = Instant.parse("2025-06-01T10:15:30.123456Z");
        SecurityViolation.Draft full = new SecurityViolation.Draft(tenant.id(), ViolationType.CSP, "script-src-elem",
                Optional.of("https://cdn.evil.example/x.js"), "https://shop.example.com/cart?id=1",
                Optional.of("https://shop.example.com/"), Optional.of("Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"),
                Optional.of("https://shop.example.com/app.js"), Optional.of(12), Optional.of(34),
                SecuritySeverity.HIGH, ThreatClassification.SUSPICIOUS, Optional.of("third-party-script@3"),
                Map.of("disposition", "enforce", "sample", "alert(1)", "status_code", 200, "browser_family", "firefox"),
                receivedAt);
        SecurityViolation.Draft minimal = new SecurityViolation.Draft(tenant.id(), ViolationType.CLICKJACKING,
                "frame-ancestors", Optional.empty(), "https://shop.example.com/", Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), SecuritySeverity.LOW, ThreatClassification.UNKNOWN,
                Optional.empty(), Map.of(), receivedAt.plusSeconds(1));

        assertEquals(2, db.violations().insertBatch(scope, List.of(full, minimal)));

        List<SecurityViolation> stored = db.violations().query(scope, ViolationQuery.all(), PageRequest.first(10)).items();
        assertEquals(2, stored.size());
        SecurityViolation first = stored.get(1);
        assertEquals(matching(full, first.id(), receivedAt), first);
        SecurityViolation second = stored.get(0);
        assertEquals(matching(minimal, second.id(), receivedAt.plusSeconds(1)), second);
        assertEquals(Optional.of(first), db.violations().findById(scope, first.id()));
        assertFalse(first.isResolved());
    }

    private static SecurityViolation matching(SecurityViolation.Draft d, long id, Instant receivedAt) {
        return new SecurityViolation(id, d.tenantId(), d.violationType(), d.policyDirective(), d.blockedUri(),
                d.documentUri(), d.referrer(), d.userAgent(), d.sourceFile(), d.lineNumber(), d.columnNumber(),
                d.severityLevel(), d.threatClassification(), d.classificationRule(), Optional.empty(),
                Optional.empty(), d.metadata(), receivedAt, receivedAt);
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void truncatesOversizedReportFieldsInsteadOfFailingTheBatch(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(db);
        TenantScope scope = TenantScope.tenant(tenant.id());
        String emoji = "\uD83D\uDE00";
        // The emoji straddles the 512-character limit: keeping half of it would be invalid text.
        String blocked = "https://cdn.example/" + "a".repeat(ViolationRepository.BLOCKED_URI_LENGTH - 21) + emoji + "tail";
        String document = "https://shop.example.com/" + "p".repeat(5000);
        SecurityViolation.Draft draft = new SecurityViolation.Draft(tenant.id(), ViolationType.CSP, "img-src",
                Optional.of(blocked), document, Optional.empty(), Optional.of("agent\0with-nul"), Optional.empty(),
                Optional.empty(), Optional.empty(), SecuritySeverity.LOW, ThreatClassification.FALSE_POSITIVE,
                Optional.empty(), Map.of(), T0);

        db.violations().insertBatch(scope, List.of(draft));

        SecurityViolation stored = db.violations().query(scope, ViolationQuery.all(), PageRequest.first(1)).items().get(0);
        assertEquals(blocked.substring(0, ViolationRepository.BLOCKED_URI_LENGTH - 1), stored.blockedUri().orElseThrow());
        assertEquals(document.substring(0, ViolationRepository.URI_LENGTH), stored.documentUri());
        assertEquals(Optional.of("agentwith-nul"), stored.userAgent());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void filtersByEveryCriterionAndPagesNewestFirst(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(db);
        TenantScope scope = TenantScope.tenant(tenant.id());
        long t = tenant.id();
        db.violations().insertBatch(scope, List.of(
                report(t, "script-src", "https://evil.example/a.js", SecuritySeverity.HIGH, ThreatClassification.MALICIOUS, T0),
                report(t, "script-src", "https://EVIL.example:8443/b.js", SecuritySeverity.MEDIUM, ThreatClassification.SUSPICIOUS, T0.plusSeconds(60)),
                report(t, "img-src", "https://img.example/c.png", SecuritySeverity.LOW, ThreatClassification.FALSE_POSITIVE, T0.plusSeconds(120)),
                report(t, "script-src", "inline", SecuritySeverity.HIGH, ThreatClassification.UNKNOWN, T0.plusSeconds(180)),
                new SecurityViolation.Draft(t, ViolationType.MIME_SNIFFING, "x-content-type-options", Optional.empty(),
                        "https://shop.example.com/other", Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), SecuritySeverity.LOW, ThreatClassification.UNKNOWN,
                        Optional.empty(), Map.of(), T0.plusSeconds(240))));

        assertEquals(5, count(db, scope, ViolationQuery.all()));
        assertEquals(2, count(db, scope, ViolationQuery.all().between(T0.plusSeconds(60), T0.plusSeconds(180))));
        assertEquals(1, count(db, scope, ViolationQuery.all().withType(ViolationType.MIME_SNIFFING)));
        assertEquals(2, count(db, scope, ViolationQuery.all().withSeverity(SecuritySeverity.HIGH)));
        assertEquals(3, count(db, scope, ViolationQuery.all().withDirective("script-src")));
        assertEquals(2, count(db, scope, ViolationQuery.all().withBlockedHost("evil.EXAMPLE")));
        assertEquals(1, count(db, scope, ViolationQuery.all().withBlockedUri("inline")));
        assertEquals(1, count(db, scope, ViolationQuery.all().withDocumentUri("https://shop.example.com/other")));
        assertEquals(1, count(db, scope, ViolationQuery.all().withClassification(ThreatClassification.MALICIOUS)));
        assertEquals(2, count(db, scope, ViolationQuery.all().withDirective("script-src").withSeverity(SecuritySeverity.HIGH)));
        assertEquals(0, count(db, scope, ViolationQuery.all().withResolved(true)));
        assertEquals(5, count(db, scope, ViolationQuery.all().withResolved(false)));

        Page<SecurityViolation> first = db.violations().query(scope, ViolationQuery.all(), PageRequest.first(2));
        Page<SecurityViolation> second = db.violations().query(scope, ViolationQuery.all(), first.request().next());
        Page<SecurityViolation> last = db.violations().query(scope, ViolationQuery.all(), second.request().next());
        assertEquals(5, first.total());
        assertEquals(List.of(T0.plusSeconds(240), T0.plusSeconds(180)), first.items().stream().map(SecurityViolation::createdAt).toList());
        assertEquals(List.of(T0.plusSeconds(120), T0.plusSeconds(60)), second.items().stream().map(SecurityViolation::createdAt).toList());
        assertEquals(List.of(T0), last.items().stream().map(SecurityViolation::createdAt).toList());
        assertTrue(first.hasMore());
        assertFalse(last.hasMore());
    }

    private static long count(Database db, TenantScope scope, ViolationQuery query) {
        long counted = db.violations().count(scope, query);
        assertEquals(counted, db.violations().query(scope, query, PageRequest.first(100)).total());
        return counted;
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void countsByEachGroupingMostFrequentFirst(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(db);
        TenantScope scope = TenantScope.tenant(tenant.id());
        long t = tenant.id();
        db.violations().insertBatch(scope, List.of(
                report(t, "script-src", "https://evil.example/a.js", SecuritySeverity.HIGH, ThreatClassification.MALICIOUS, T0),
                report(t, "script-src", "https://evil.example/a.js", SecuritySeverity.HIGH, ThreatClassification.MALICIOUS, T0),
                report(t, "script-src", "https://evil.example/b.js", SecuritySeverity.HIGH, ThreatClassification.SUSPICIOUS, T0),
                report(t, "img-src", "https://img.example/c.png", SecuritySeverity.LOW, ThreatClassification.SUSPICIOUS, T0),
                report(t, "img-src", "data", SecuritySeverity.LOW, ThreatClassification.SUSPICIOUS, T0),
                report(t, "style-src", "inline", SecuritySeverity.MEDIUM, ThreatClassification.FALSE_POSITIVE, T0)));

        assertEquals(List.of(new GroupCount("script-src", 3), new GroupCount("img-src", 2), new GroupCount("style-src", 1)),
                db.violations().countBy(scope, ViolationQuery.all(), ViolationGrouping.DIRECTIVE, 10));
        assertEquals(List.of(new GroupCount("https://evil.example/a.js", 2)),
                db.violations().countBy(scope, ViolationQuery.all(), ViolationGrouping.BLOCKED_URI, 1));
        assertEquals(List.of(new GroupCount("evil.example", 3), new GroupCount("img.example", 1)),
                db.violations().countBy(scope, ViolationQuery.all(), ViolationGrouping.BLOCKED_HOST, 10),
                "keywords such as inline and data have no host and are not counted");
        assertEquals(List.of(new GroupCount("https://shop.example.com/checkout", 6)),
                db.violations().countBy(scope, ViolationQuery.all(), ViolationGrouping.DOCUMENT_URI, 10));
        assertEquals(List.of(new GroupCount("high", 3), new GroupCount("low", 2), new GroupCount("medium", 1)),
                db.violations().countBy(scope, ViolationQuery.all(), ViolationGrouping.SEVERITY, 10));
        assertEquals(List.of(new GroupCount("suspicious", 3), new GroupCount("malicious", 2), new GroupCount("false_positive", 1)),
                db.violations().countBy(scope, ViolationQuery.all(), ViolationGrouping.CLASSIFICATION, 10));
        assertEquals(List.of(new GroupCount("csp", 6)),
                db.violations().countBy(scope, ViolationQuery.all(), ViolationGrouping.VIOLATION_TYPE, 10));
        assertEquals(List.of(new GroupCount("evil.example", 3)),
                db.violations().countBy(scope, ViolationQuery.all().withSeverity(SecuritySeverity.HIGH),
                        ViolationGrouping.BLOCKED_HOST, 10));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void countsPerMinuteHourAndDayInUtcBuckets(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(db);
        TenantScope scope = TenantScope.tenant(tenant.id());
        Instant minute = Instant.parse("2025-03-30T00:59:00Z");
        db.violations().insertBatch(scope, List.of(
                at(tenant, minute.plusMillis(100)),
                at(tenant, minute.plusSeconds(59).plusNanos(999_999_000)),
                at(tenant, minute.plusSeconds(60)),
                at(tenant, minute.plusSeconds(3600)),
                at(tenant, Instant.parse("2025-03-31T00:00:00Z"))));

        assertEquals(List.of(new BucketCount(minute, 2), new BucketCount(minute.plusSeconds(60), 1),
                        new BucketCount(minute.plusSeconds(3600), 1)),
                db.violations().perMinuteCounts(scope, minute, Instant.parse("2025-03-30T23:00:00Z")));
        assertEquals(List.of(new BucketCount(Instant.parse("2025-03-30T00:00:00Z"), 2),
                        new BucketCount(Instant.parse("2025-03-30T01:00:00Z"), 2),
                        new BucketCount(Instant.parse("2025-03-31T00:00:00Z"), 1)),
                db.violations().countByBucket(scope, ViolationQuery.all(), TimeBucket.HOUR));
        assertEquals(List.of(new BucketCount(Instant.parse("2025-03-30T00:00:00Z"), 4),
                        new BucketCount(Instant.parse("2025-03-31T00:00:00Z"), 1)),
                db.violations().countByBucket(scope, ViolationQuery.all(), TimeBucket.DAY));
    }

    private static SecurityViolation.Draft at(Tenant tenant, Instant receivedAt) {
        return report(tenant.id(), "script-src", "https://evil.example/a.js", SecuritySeverity.HIGH,
                ThreatClassification.MALICIOUS, receivedAt);
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void resolvesAViolationWithNotes(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(db);
        TenantScope scope = TenantScope.tenant(tenant.id());
        db.violations().insertBatch(scope, List.of(at(tenant, T0), at(tenant, T0.plusSeconds(1))));
        SecurityViolation open = db.violations().query(scope, ViolationQuery.all(), PageRequest.first(1)).items().get(0);

        SecurityViolation resolved = db.violations().resolve(scope, open.id(), "allow-listed the CDN").orElseThrow();

        assertTrue(resolved.isResolved());
        assertEquals(Optional.of("allow-listed the CDN"), resolved.resolutionNotes());
        assertEquals(resolved.resolvedAt().orElseThrow(), resolved.updatedAt());
        assertEquals(open.createdAt(), resolved.createdAt());
        assertEquals(1, db.violations().count(scope, ViolationQuery.all().withResolved(true)));
        assertEquals(1, db.violations().count(scope, ViolationQuery.all().withResolved(false)));
        assertEquals(Optional.empty(), db.violations().resolve(scope, Long.MAX_VALUE, "none"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void refusesABatchWithAnotherTenantsReport(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant mine = TestTenants.create(db);
        Tenant other = TestTenants.create(db);
        TenantScope scope = TenantScope.tenant(mine.id());

        assertThrows(TenantAccessDeniedException.class,
                () -> db.violations().insertBatch(scope, List.of(at(mine, T0), at(other, T0))));

        assertEquals(0, db.violations().count(TenantScope.tenant(mine.id()), ViolationQuery.all()));
        assertEquals(0, db.violations().count(TenantScope.tenant(other.id()), ViolationQuery.all()));
        assertEquals(0, db.violations().insertBatch(scope, List.of()));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void insertReturnsTheIdsInOrder(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(db);
        TenantScope scope = TenantScope.tenant(tenant.id());

        List<Long> ids = db.violations().insert(scope, List.of(at(tenant, T0), at(tenant, T0.plusSeconds(5))));

        assertEquals(2, ids.size());
        assertTrue(ids.get(0) < ids.get(1));
        assertEquals(T0.plusSeconds(5), db.violations().findById(scope, ids.get(1)).orElseThrow().createdAt());
        assertThrows(TenantAccessDeniedException.class,
                () -> db.violations().insert(scope, List.of(at(TestTenants.create(db), T0))));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void summarizesGroupsOfSeveralColumnsKeepingNullsWithFirstAndLastSeen(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(db);
        TenantScope scope = TenantScope.tenant(tenant.id());
        long t = tenant.id();
        List<Long> ids = db.violations().insert(scope, List.of(
                report(t, "script-src", "https://evil.example/a.js", SecuritySeverity.HIGH, ThreatClassification.MALICIOUS, T0),
                report(t, "script-src", "https://evil.example/b.js", SecuritySeverity.HIGH, ThreatClassification.MALICIOUS, T0.plusSeconds(30)),
                report(t, "script-src", "inline", SecuritySeverity.HIGH, ThreatClassification.MALICIOUS, T0.plusSeconds(60)),
                withSourceFile(report(t, "script-src", "inline", SecuritySeverity.HIGH, ThreatClassification.MALICIOUS,
                        T0.plusSeconds(90)), "https://shop.example.com/app.js")));

        List<ViolationSummary> groups = db.violations().summarize(scope, ViolationQuery.all(),
                List.of(ViolationGrouping.TENANT, ViolationGrouping.DIRECTIVE, ViolationGrouping.BLOCKED_RESOURCE), 10);

        assertEquals(2, groups.size());
        ViolationSummary evil = groups.get(0);
        assertEquals(new GroupedValues(Map.of(ViolationGrouping.TENANT, Long.toString(t),
                ViolationGrouping.DIRECTIVE, "script-src", ViolationGrouping.BLOCKED_RESOURCE, "evil.example")), evil.key());
        assertEquals(new ViolationSummary(evil.key(), 2, T0, T0.plusSeconds(30), ids.get(0), ids.get(1)), evil);
        assertEquals(Optional.of("inline"), groups.get(1).key().get(ViolationGrouping.BLOCKED_RESOURCE),
                "a blocked value without a host groups under the value itself");
        assertEquals(List.of(Optional.empty(), Optional.of("https://shop.example.com/app.js")),
                db.violations().summarize(scope, ViolationQuery.all().withBlockedUri("inline"),
                                List.of(ViolationGrouping.SOURCE_FILE), 10).stream()
                        .map(group -> group.key().get(ViolationGrouping.SOURCE_FILE))
                        .sorted((a, b) -> Boolean.compare(a.isPresent(), b.isPresent())).toList(),
                "a NULL source file is a group of its own");
        assertEquals(1, db.violations().summarize(scope, ViolationQuery.all(), List.of(ViolationGrouping.DIRECTIVE), 1).size());
        assertThrows(IllegalArgumentException.class, () -> db.violations().summarize(scope, ViolationQuery.all(),
                List.of(ViolationGrouping.DIRECTIVE, ViolationGrouping.DIRECTIVE), 10));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void countsPerMinuteAndGroupAndListsTheGroupsSeenBefore(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(db);
        TenantScope scope = TenantScope.tenant(tenant.id());
        long t = tenant.id();
        db.violations().insertBatch(scope, List.of(
                report(t, "img-src", "https://img.example/old.png", SecuritySeverity.LOW, ThreatClassification.UNKNOWN, T0.minusSeconds(86_400)),
                report(t, "script-src", "https://evil.example/a.js", SecuritySeverity.HIGH, ThreatClassification.MALICIOUS, T0.plusSeconds(1)),
                report(t, "script-src", "https://evil.example/b.js", SecuritySeverity.HIGH, ThreatClassification.MALICIOUS, T0.plusSeconds(59)),
                report(t, "script-src", "https://evil.example/c.js", SecuritySeverity.HIGH, ThreatClassification.MALICIOUS, T0.plusSeconds(61)),
                report(t, "style-src", "inline", SecuritySeverity.LOW, ThreatClassification.UNKNOWN, T0.plusSeconds(61))));
        List<ViolationGrouping> groupings = List.of(ViolationGrouping.DIRECTIVE, ViolationGrouping.BLOCKED_RESOURCE);
        GroupedValues evil = new GroupedValues(Map.of(ViolationGrouping.DIRECTIVE, "script-src",
                ViolationGrouping.BLOCKED_RESOURCE, "evil.example"));
        GroupedValues inline = new GroupedValues(Map.of(ViolationGrouping.DIRECTIVE, "style-src",
                ViolationGrouping.BLOCKED_RESOURCE, "inline"));

        List<GroupedBucketCount> counts = db.violations().countByBucket(scope,
                ViolationQuery.all().between(T0, T0.plusSeconds(3600)), TimeBucket.MINUTE, groupings);

        assertEquals(Set.of(new GroupedBucketCount(evil, T0, 2), new GroupedBucketCount(evil, T0.plusSeconds(60), 1),
                new GroupedBucketCount(inline, T0.plusSeconds(60), 1)), Set.copyOf(counts));
        assertEquals(T0, counts.get(0).bucketStart(), "oldest bucket first");
        assertEquals(List.of(new GroupedValues(Map.of(ViolationGrouping.DIRECTIVE, "img-src",
                        ViolationGrouping.BLOCKED_RESOURCE, "img.example"))),
                db.violations().distinctGroups(scope, ViolationQuery.all().receivedBefore(T0), groupings));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void resolutionTimesAreNearestRankPercentilesOfTheResolvedOnes(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(db);
        TenantScope scope = TenantScope.tenant(tenant.id());
        assertEquals(ResolutionTimes.none(), db.violations().resolutionTimes(scope, ViolationQuery.all()));
        // Resolved after 1, 2, ..., 10 minutes (and 1.5 s more), plus one that stays open.
        for (int minutes = 1; minutes <= 10; minutes++) {
            long id = db.violations().insert(scope, List.of(at(tenant, T0))).get(0);
            Clock resolvedAt = Clock.fixed(T0.plusSeconds(60L * minutes).plusMillis(1500), ZoneOffset.UTC);
            new ViolationRepository(db.jdbi(), db.dialect(), resolvedAt).resolve(scope, id, "fixed");
        }
        db.violations().insert(scope, List.of(at(tenant, T0)));

        ResolutionTimes times = db.violations().resolutionTimes(scope, ViolationQuery.all());

        assertEquals(10, times.resolved());
        assertEquals(Optional.of(Duration.ofMinutes(5).plusMillis(1500)), times.median());
        assertEquals(Optional.of(Duration.ofMinutes(9).plusMillis(1500)), times.p90());
        assertEquals(ResolutionTimes.none(), db.violations().resolutionTimes(scope, ViolationQuery.all().withDirective("img-src")));
    }

    static SecurityViolation.Draft withSourceFile(SecurityViolation.Draft d, String sourceFile) {
        return new SecurityViolation.Draft(d.tenantId(), d.violationType(), d.policyDirective(), d.blockedUri(),
                d.documentUri(), d.referrer(), d.userAgent(), Optional.of(sourceFile), d.lineNumber(), d.columnNumber(),
                d.severityLevel(), d.threatClassification(), d.classificationRule(), d.metadata(), d.receivedAt());
    }

    @Test
    void blockedHostIsTheLowerCaseHostOfAUrl() {
        assertEquals(Optional.of("cdn.example.com"), ViolationRepository.hostOf("https://CDN.example.com:8443/a.js?x=1"));
        assertEquals(Optional.of("ws.example"), ViolationRepository.hostOf("wss://ws.example/socket"));
        assertEquals(Optional.empty(), ViolationRepository.hostOf("inline"));
        assertEquals(Optional.empty(), ViolationRepository.hostOf("data"));
        assertEquals(Optional.empty(), ViolationRepository.hostOf("https://bad host/"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void pagesNewestFirstAcrossTheLastHourTheLastDayAndTheWholeRange(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(db);
        TenantScope scope = TenantScope.tenant(tenant.id());
        Instant end = T0.plus(Duration.ofDays(3));
        // 30 in the last hour, 40 more in the last day, 50 before; equal receipt times are ordered by id.
        List<SecurityViolation.Draft> drafts = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            Duration age = i < 30 ? Duration.ofMinutes(2 * (i / 2) + 1) : i < 70 ? Duration.ofHours(2 + (i - 30) / 2)
                    : Duration.ofHours(30 + i);
            drafts.add(report(tenant.id(), i % 3 == 0 ? "img-src" : "script-src", "https://cdn.example/" + i + ".js",
                    SecuritySeverity.HIGH, ThreatClassification.SUSPICIOUS, end.minus(age)));
        }
        List<Long> ids = db.violations().insert(scope, drafts);
        Comparator<Integer> newestFirst = Comparator
                .comparing((Integer i) -> drafts.get(i).receivedAt()).thenComparing(ids::get).reversed();
        for (ViolationQuery query : List.of(ViolationQuery.all().between(T0, end),
                ViolationQuery.all().between(T0, end).withDirective("img-src"),
                ViolationQuery.all().between(end.minus(Duration.ofMinutes(50)), end))) {
            List<Long> expected = IntStream.range(0, drafts.size()).boxed()
                    .filter(i -> query.directive().map(drafts.get(i).policyDirective()::equals).orElse(true))
                    .filter(i -> !drafts.get(i).receivedAt().isBefore(query.from().orElseThrow()))
                    .sorted(newestFirst).map(ids::get).toList();
            for (PageRequest page : List.of(new PageRequest(0, 10), new PageRequest(20, 10), new PageRequest(25, 20),
                    new PageRequest(60, 20), new PageRequest(0, 1000), new PageRequest(110, 20))) {
                List<Long> want = expected.subList(Math.min(page.offset(), expected.size()),
                        Math.min(page.offset() + page.limit(), expected.size()));
                assertEquals(want, db.violations().list(scope, query, page).stream().map(SecurityViolation::id).toList(),
                        query + " " + page);
                assertEquals(want, db.violations().query(scope, query, page).items().stream().map(SecurityViolation::id)
                        .toList(), query + " " + page);
            }
        }
    }
}
