package org.secheaders.analytics.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.secheaders.analytics.service.SecurityMetricsService.Breakdown;
import org.secheaders.analytics.service.SecurityMetricsService.MetricsAnalysis;
import org.secheaders.analytics.service.SecurityMetricsService.MetricsRequest;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.SecuritySeverity;
import org.secheaders.domain.model.SecurityViolation;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.model.ThreatClassification;
import org.secheaders.domain.model.ViolationType;
import org.secheaders.domain.repo.PageRequest;
import org.secheaders.domain.repo.TenantScope;
import org.secheaders.domain.repo.ViolationGrouping;
import org.secheaders.domain.repo.ViolationQuery;
import org.secheaders.domain.repo.ViolationRepository;
import org.secheaders.domain.testing.DbKind;
import org.secheaders.domain.testing.TestDatabases;
import org.secheaders.domain.testing.TestTenants;

/**
 * {@code analyze_security_metrics} answers with its merged queries what one query per figure gives
 * (the way it asked before): totals and distributions from one grouped count, the resolved count from
 * the resolution times, days summed from hours, the page without a second count; on H2, PostgreSQL
 * and MariaDB.
 */
class MergedMetricsQueriesTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    private static final Instant START = Instant.parse("2026-04-06T21:00:00Z");
    private static final TimeRange PERIOD = new TimeRange(START, START.plus(Duration.ofHours(52)));

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void answersWhatOneQueryPerFigureGives(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(db);
        TenantScope scope = TenantScope.tenant(tenant.id());
        Random random = new Random(7);
        List<SecurityViolation.Draft> reports = new ArrayList<>();
        String[] directives = {"script-src-elem", "img-src", "style-src", "connect-src"};
        for (int i = 0; i < 600; i++) {
            reports.add(new SecurityViolation.Draft(tenant.id(), ViolationType.CSP, directives[random.nextInt(4)],
                    Optional.of("https://h" + random.nextInt(6) + ".example/x"), "https://shop.example/" + random.nextInt(5),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    SecuritySeverity.values()[random.nextInt(4)], ThreatClassification.values()[random.nextInt(4)],
                    Optional.empty(), Map.of(), START.plusSeconds(random.nextInt(56 * 3600) - 2 * 3600)));
        }
        db.violations().insertBatch(scope, reports);
        ViolationRepository violations = db.violations();
        violations.query(scope, ViolationQuery.all(), PageRequest.first(3)).items()
                .forEach(v -> violations.resolve(scope, v.id(), "done"));
        SecurityMetricsService service = new SecurityMetricsService(violations, new TenantCatalog(db.tenants()));

        for (ViolationFilter filter : List.of(ViolationFilter.none(), new ViolationFilter(Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of("img-src"), Optional.empty(), Optional.empty()))) {
            for (int topN : List.of(2, 10)) {
                MetricsAnalysis analysis = service.analyze(scope, new MetricsRequest(PERIOD, filter,
                        List.of(Dimension.DAY, Dimension.SEVERITY, Dimension.HOUR, Dimension.CLASSIFICATION,
                                Dimension.DIRECTIVE), topN, 2, 7));
                ViolationQuery query = filter.query(PERIOD);
                long total = violations.count(scope, query);
                long resolved = violations.count(scope, query.withResolved(true));

                assertEquals(total, analysis.totals().violations());
                assertEquals(resolved, analysis.totals().resolved());
                assertEquals(total - resolved, analysis.totals().open());
                assertEquals(counts(violations, scope, query, ViolationGrouping.CLASSIFICATION, PageRequest.MAX_LIMIT),
                        analysis.totals().byClassification());
                assertEquals(counts(violations, scope, query, ViolationGrouping.SEVERITY, PageRequest.MAX_LIMIT),
                        analysis.totals().bySeverity());
                for (Breakdown breakdown : analysis.breakdowns()) {
                    Dimension dimension = Dimension.valueOf(breakdown.groupBy().toUpperCase(Locale.ROOT));
                    Map<String, Long> expected = dimension.grouping().isPresent()
                            ? counts(violations, scope, query, dimension.grouping().get(), topN)
                            : buckets(violations, scope, query, dimension);
                    Map<String, Long> actual = new LinkedHashMap<>();
                    breakdown.counts().forEach(share -> actual.put(share.key(), share.count()));
                    assertEquals(List.copyOf(expected.entrySet()), List.copyOf(actual.entrySet()), breakdown.groupBy());
                    breakdown.counts().forEach(share -> assertEquals(Rounding.round((double) share.count() / total),
                            share.share()));
                }
                assertEquals(violations.query(scope, query, new PageRequest(7, 7)).items().stream()
                        .map(SecurityViolation::id).toList(), analysis.violations().items().stream()
                        .map(SecurityMetricsService.ViolationItem::id).toList());
                assertEquals(total, analysis.violations().pagination().total());
            }
        }
    }

    private static Map<String, Long> counts(ViolationRepository violations, TenantScope scope, ViolationQuery query,
            ViolationGrouping grouping, int limit) {
        Map<String, Long> counts = new LinkedHashMap<>();
        violations.countBy(scope, query, grouping, limit).forEach(group -> counts.put(group.key(), group.count()));
        return counts;
    }

    private static Map<String, Long> buckets(ViolationRepository violations, TenantScope scope, ViolationQuery query,
            Dimension dimension) {
        Map<String, Long> counts = new LinkedHashMap<>();
        violations.countByBucket(scope, query, dimension.bucket().orElseThrow())
                .forEach(bucket -> counts.put(bucket.bucketStart().toString(), bucket.count()));
        return counts;
    }
}
