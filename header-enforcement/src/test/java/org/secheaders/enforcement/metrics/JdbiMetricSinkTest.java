package org.secheaders.enforcement.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.AggregationPeriod;
import org.secheaders.domain.model.HeaderProcessingMetric;
import org.secheaders.domain.model.SecurityMetric;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.repo.MetricQuery;
import org.secheaders.domain.repo.PageRequest;
import org.secheaders.domain.repo.TenantScope;
import org.secheaders.domain.testing.DbKind;
import org.secheaders.domain.testing.TestDatabases;
import org.secheaders.domain.testing.TestTenants;
import org.secheaders.enforcement.TenantKey;

class JdbiMetricSinkTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    private static final Instant AT = Instant.parse("2026-11-23T12:00:10Z");

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void storesTenantRowsAndSkipsRowsWithoutAKnownTenant(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(db);
        TenantKey key = new TenantKey(tenant.slug());
        Map<String, String> tags = Map.of("tenant", tenant.slug(), "instance", "node-1");

        new JdbiMetricSink(db).write(List.of(
                sample(Optional.of(key), "header_processing_time_p99", 12.3456, tags),
                sample(Optional.of(new TenantKey("no-such-tenant")), "header_processing_time_p99", 1, tags),
                sample(Optional.empty(), "header_processing_time_p99", 2, Map.of("instance", "node-1"))));

        List<SecurityMetric> stored = db.metrics()
                .query(TenantScope.tenant(tenant.id()), MetricQuery.all().withType(HeaderProcessingMetric.METRIC_TYPE),
                        PageRequest.first(10))
                .items();
        assertEquals(1, stored.size());
        SecurityMetric row = stored.get(0);
        assertEquals("header_processing_time_p99", row.metricName());
        assertEquals(new BigDecimal("12.3456"), row.metricValue());
        assertEquals("microseconds", row.measurementUnit());
        assertEquals(AggregationPeriod.RAW, row.aggregationPeriod());
        assertEquals(tags, row.tags());
        assertEquals(AT, row.recordedAt());
    }

    private static MetricSample sample(Optional<TenantKey> tenant, String name, double value, Map<String, String> tags) {
        return new MetricSample(AT, tenant, HeaderProcessingMetric.METRIC_TYPE, name, value, "microseconds",
                AggregationPeriod.RAW, tags);
    }
}
