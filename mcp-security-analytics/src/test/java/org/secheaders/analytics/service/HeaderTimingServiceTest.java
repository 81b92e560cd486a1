package org.secheaders.analytics.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.secheaders.analytics.service.HeaderTimingService.TimingRegression;
import org.secheaders.analytics.testing.AnalyticsScenario;
import org.secheaders.domain.model.HeaderProcessingMetric;
import org.secheaders.domain.repo.TenantScope;

class HeaderTimingServiceTest {

    private final AnalyticsScenario scenario = AnalyticsScenario.shared();
    private final HeaderTimingService service = new HeaderTimingService(scenario.database().metrics());
    private final TenantCatalog tenants = new TenantCatalog(scenario.database().tenants());

    @Test
    void findsTheJumpOfTheP99AgainstTheMedianBeforeTheWindow() {
        TimeRange lastHour = new TimeRange(Instant.parse("2026-03-10T11:00:00Z"), AnalyticsScenario.NOW);

        List<TimingRegression> found = service.regressions(TenantScope.platform(), tenants.visible(TenantScope.platform()),
                lastHour);

        assertEquals(List.of(new TimingRegression("acme", scenario.acme().id(), HeaderProcessingMetric.TIME_P99.metricName(),
                AnalyticsScenario.TIMING_JUMP_AT, Instant.parse("2026-03-10T12:01:00Z"), 80.0, 420.0, 5.25)), found);
    }

    @Test
    void nothingBeforeTheJumpAndNothingForAnotherTenant() {
        TimeRange beforeTheJump = new TimeRange(Instant.parse("2026-03-10T10:00:00Z"), AnalyticsScenario.TIMING_JUMP_AT);
        TenantScope globex = TenantScope.tenant(scenario.globex().id());

        assertEquals(List.of(), service.regressions(TenantScope.platform(), tenants.visible(TenantScope.platform()),
                beforeTheJump));
        assertEquals(List.of(), service.regressions(globex, tenants.visible(TenantScope.platform()),
                new TimeRange(Instant.parse("2026-03-10T11:00:00Z"), AnalyticsScenario.NOW)),
                "a tenant scope never reaches acme's metrics, whatever it is handed");
    }
}
