package org.secheaders.domain.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.secheaders.domain.model.AggregationPeriod;
import org.secheaders.domain.model.SecurityMetric;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.repo.MetricQuery;
import org.secheaders.domain.repo.PageRequest;
import org.secheaders.domain.repo.TenantScope;
import org.secheaders.domain.testing.DbKind;
import org.secheaders.domain.testing.TestDatabases;
import org.secheaders.domain.testing.TestTenants;

class UtcTimestampsTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    /**
     * 02:30 on 2025-03-30 does not exist in Berlin (clocks jump from 02:00 to 03:00); going through
     * java.sql.Timestamp in that zone would store 03:30. Sub-microsecond digits are not stored.
     */
    @ParameterizedTest
    @EnumSource(DbKind.class)
    void instantsSurviveAJvmTimeZoneWithADaylightSavingGap(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(db);
        TenantScope scope = TenantScope.tenant(tenant.id());
        Instant inGap = Instant.parse("2025-03-30T02:30:00.123456789Z");
        TimeZone original = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Europe/Berlin"));
        try {
            db.metrics().insertBatch(scope, List.of(new SecurityMetric.Draft(tenant.id(), "t", "n", BigDecimal.ONE,
                    "count", AggregationPeriod.RAW, Map.of(), inGap)));

            Instant stored = db.metrics().query(scope, MetricQuery.all(), PageRequest.first(1)).items().get(0).recordedAt();

            assertEquals(Instant.parse("2025-03-30T02:30:00.123456Z"), stored);
            assertEquals(1, db.metrics().query(scope,
                    MetricQuery.all().between(stored, stored.plusNanos(1000)), PageRequest.first(1)).total());
        } finally {
            TimeZone.setDefault(original);
        }
    }
}
