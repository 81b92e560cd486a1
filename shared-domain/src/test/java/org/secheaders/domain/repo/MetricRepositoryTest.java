package org.secheaders.domain.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.AggregationPeriod;
import org.secheaders.domain.model.SecurityMetric;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.testing.DbKind;
import org.secheaders.domain.testing.TestDatabases;
import org.secheaders.domain.testing.TestTenants;

class MetricRepositoryTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    private static final Instant T0 = Instant.parse("2025-06-01T10:00:00Z");

    static SecurityMetric.Draft sample(long tenantId, String type, String name, String value, Instant at) {
        return new SecurityMetric.Draft(tenantId, type, name, new BigDecimal(value), "ms", AggregationPeriod.RAW,
                Map.of("directive", "script-src"), at);
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void storesSamplesAndQueriesByTypeNamePeriodAndRange(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(db);
        TenantScope scope = TenantScope.tenant(tenant.id());
        long t = tenant.id();
        SecurityMetric.Draft rollup = new SecurityMetric.Draft(t, "violations", "violations_per_hour",
                new BigDecimal("42"), "count", AggregationPeriod.HOUR, Map.of(), T0);

        assertEquals(4, db.metrics().insertBatch(scope, List.of(
                sample(t, "header_latency", "p99", "1.23456", T0),
                sample(t, "header_latency", "p99", "2.5", T0.plusSeconds(60)),
                sample(t, "header_latency", "p50", "0.5", T0.plusSeconds(120)),
                rollup)));

        Page<SecurityMetric> p99 = db.metrics().query(scope, MetricQuery.all().withType("header_latency").withName("p99"),
                PageRequest.first(10));
        assertEquals(2, p99.total());
        SecurityMetric first = p99.items().get(0);
        assertEquals(new BigDecimal("1.2346"), first.metricValue(), "rounded half-up to the column's 4 decimals");
        assertEquals(new BigDecimal("2.5000"), p99.items().get(1).metricValue());
        assertEquals(Map.of("directive", "script-src"), first.tags());
        assertEquals("ms", first.measurementUnit());
        assertEquals(T0, first.recordedAt());
        assertEquals(t, first.tenantId());

        assertEquals(List.of("p50"), names(db, scope, MetricQuery.all().between(T0.plusSeconds(61), T0.plusSeconds(3600))));
        assertEquals(List.of("violations_per_hour"), names(db, scope, MetricQuery.all().withPeriod(AggregationPeriod.HOUR)));
        assertEquals(List.of("p99", "violations_per_hour", "p99", "p50"), names(db, scope, MetricQuery.all()));
        SecurityMetric stored = db.metrics().query(scope, MetricQuery.all().withType("violations"), PageRequest.first(1))
                .items().get(0);
        assertEquals(new SecurityMetric(stored.id(), t, "violations", "violations_per_hour", new BigDecimal("42.0000"),
                "count", AggregationPeriod.HOUR, Map.of(), T0), stored);
    }

    private static List<String> names(Database db, TenantScope scope, MetricQuery query) {
        return db.metrics().query(scope, query, PageRequest.first(100)).items().stream()
                .map(SecurityMetric::metricName).toList();
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aggregatesPerBucketAndName(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(db);
        TenantScope scope = TenantScope.tenant(tenant.id());
        long t = tenant.id();
        db.metrics().insertBatch(scope, List.of(
                sample(t, "header_latency", "p99", "1", T0),
                sample(t, "header_latency", "p99", "2", T0.plusSeconds(1800)),
                sample(t, "header_latency", "p99", "4", T0.plusSeconds(1801)),
                sample(t, "header_latency", "p50", "0.25", T0.plusSeconds(10)),
                sample(t, "header_latency", "p99", "10", T0.plusSeconds(3600))));

        List<MetricAggregate> hourly = db.metrics().aggregate(scope, MetricQuery.all().withType("header_latency"), TimeBucket.HOUR);

        assertEquals(List.of(
                new MetricAggregate(T0, "p50", 1, new BigDecimal("0.25"), new BigDecimal("0.25"), new BigDecimal("0.25")),
                new MetricAggregate(T0, "p99", 3, new BigDecimal("7"), new BigDecimal("1"), new BigDecimal("4")),
                new MetricAggregate(T0.plusSeconds(3600), "p99", 1, BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN)),
                hourly);
        assertEquals(new BigDecimal("2.3333"), hourly.get(1).average());
        assertEquals(1, db.metrics().aggregate(scope, MetricQuery.all().withName("p99"), TimeBucket.DAY).size());
    }
}
