package org.secheaders.analytics.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.secheaders.analytics.service.AnomalyService.AnomalyFinding;
import org.secheaders.analytics.service.AnomalyService.AnomalyReport;
import org.secheaders.analytics.service.AnomalyService.FirstSightingFinding;
import org.secheaders.analytics.testing.AnalyticsScenario;
import org.secheaders.domain.model.SecuritySeverity;
import org.secheaders.domain.repo.TenantScope;

class AnomalyServiceTest {

    private final AnalyticsScenario scenario = AnalyticsScenario.shared();
    private final AnomalyService service = new AnomalyService(scenario.database().violations(),
            new TenantCatalog(scenario.database().tenants()), scenario.clock());

    @Test
    void findsThePlantedImageSpikeWithItsBandAndExplanation() {
        AnomalyReport report = service.detect(TenantScope.tenant(scenario.acme().id()), Optional.empty(),
                AnomalyService.DEFAULT_WINDOW, AnomalyService.DEFAULT_HISTORY, SecuritySeverity.LOW);

        AnomalyFinding spike = only(report.anomalies(), "img-src", AnalyticsScenario.IMAGE_HOST);
        assertEquals("spike", spike.kind());
        assertEquals(AnalyticsScenario.IMAGE_SPIKE_START, spike.windowStart());
        assertEquals(AnalyticsScenario.IMAGE_SPIKE_START.plus(Duration.ofMinutes(AnalyticsScenario.IMAGE_SPIKE_MINUTES)),
                spike.windowEnd());
        assertEquals(AnalyticsScenario.IMAGE_SPIKE_PER_MINUTE, spike.observed(), 0.001);
        assertEquals(AnalyticsScenario.IMAGE_SPIKE_PER_MINUTE, spike.peak());
        assertTrue(spike.upper() < AnalyticsScenario.IMAGE_SPIKE_PER_MINUTE && spike.expected() <= 2.0,
                () -> "expected about 2/min, upper below the spike: " + spike);
        assertEquals("acme", spike.tenant());
        assertTrue(spike.explanation().contains("60/min"), spike.explanation());
        assertEquals(new TimeRange(Instant.parse("2026-03-10T11:00:00Z"), Instant.parse("2026-03-10T12:00:00Z")),
                report.evaluated().window());
        assertEquals("acme", report.scope());
    }

    @Test
    void findsTheBurstAsASustainedRiseAndAFirstSightingOfTheHost() {
        AnomalyReport report = service.detect(TenantScope.tenant(scenario.acme().id()), Optional.empty(),
                AnomalyService.DEFAULT_WINDOW, AnomalyService.DEFAULT_HISTORY, SecuritySeverity.LOW);

        AnomalyFinding burst = only(report.anomalies(), "script-src-elem", AnalyticsScenario.PARTNER_HOST);
        assertEquals("sustained_rise", burst.kind());
        assertEquals(AnalyticsScenario.PARTNER_BURST_START, burst.windowStart());
        assertEquals(AnalyticsScenario.PARTNER_BURST_PER_MINUTE, burst.observed(), 0.001);
        FirstSightingFinding sighting = report.firstSightings().stream()
                .filter(f -> f.blocked().equals(AnalyticsScenario.PARTNER_HOST)).findFirst().orElseThrow();
        assertEquals(AnalyticsScenario.PARTNER_BURST_START, sighting.firstSeen());
        assertEquals((long) AnalyticsScenario.PARTNER_BURST_MINUTES * AnalyticsScenario.PARTNER_BURST_PER_MINUTE,
                sighting.observed());
        assertTrue(report.anomalies().stream().anyMatch(a -> a.directive().isEmpty()), "the tenant's total rises too");
    }

    @Test
    void quietBackgroundAndOtherTenantsGiveNothing() {
        AnomalyReport globex = service.detect(TenantScope.tenant(scenario.globex().id()), Optional.empty(),
                AnomalyService.DEFAULT_WINDOW, AnomalyService.DEFAULT_HISTORY, SecuritySeverity.LOW);
        AnomalyReport beforeTheBurst = service.detect(TenantScope.tenant(scenario.acme().id()),
                Optional.of(AnalyticsScenario.POLICY_CHANGE_AT), AnomalyService.DEFAULT_WINDOW,
                AnomalyService.DEFAULT_HISTORY, SecuritySeverity.LOW);

        assertEquals(List.of(), globex.anomalies());
        assertEquals(List.of(), globex.firstSightings());
        assertEquals(List.of(), beforeTheBurst.anomalies(), () -> beforeTheBurst.anomalies().toString());
        assertEquals(List.of(), beforeTheBurst.firstSightings());
    }

    @Test
    void platformScopeCoversEveryTenantAndSeverityFilters() {
        AnomalyReport all = service.detect(TenantScope.platform(), Optional.empty(), AnomalyService.DEFAULT_WINDOW,
                AnomalyService.DEFAULT_HISTORY, SecuritySeverity.LOW);
        AnomalyReport severe = service.detect(TenantScope.platform(), Optional.empty(), AnomalyService.DEFAULT_WINDOW,
                AnomalyService.DEFAULT_HISTORY, SecuritySeverity.HIGH);

        assertEquals(TenantCatalog.ALL_TENANTS, all.scope());
        assertEquals(2, all.evaluated().tenants());
        assertFalse(all.anomalies().isEmpty());
        assertTrue(severe.anomalies().size() < all.anomalies().size());
        assertTrue(severe.anomalies().stream().allMatch(a -> a.severityLevel().compareTo(SecuritySeverity.HIGH) >= 0));
    }

    @Test
    void scanningAPeriodFindsEveryAnomalyInItAgainstTheHistoryBeforeIt() {
        TimeRange lastFourHours = TimeRange.ending(AnalyticsScenario.NOW, Duration.ofHours(4));

        AnomalyService.Findings findings = service.scan(TenantScope.tenant(scenario.acme().id()), lastFourHours,
                AnomalyService.DEFAULT_HISTORY);
        AnomalyService.Findings everything = service.scan(TenantScope.tenant(scenario.acme().id()),
                new TimeRange(AnalyticsScenario.BACKGROUND_START, AnalyticsScenario.NOW), AnomalyService.DEFAULT_HISTORY);

        assertEquals(1, findings.anomalies().stream()
                .filter(a -> a.blocked().equals(Optional.of(AnalyticsScenario.IMAGE_HOST))).count());
        assertEquals(List.of(AnalyticsScenario.PARTNER_HOST),
                findings.firstSightings().stream().map(FirstSightingFinding::blocked).toList());
        assertEquals(List.of(), everything.anomalies(), "a period holding all the data has no baseline to judge by");
        assertEquals(5, everything.firstSightings().size(), "so every group is seen for the first time");
    }

    private static AnomalyFinding only(List<AnomalyFinding> anomalies, String directive, String blocked) {
        List<AnomalyFinding> matching = anomalies.stream()
                .filter(a -> a.directive().equals(Optional.of(directive)) && a.blocked().equals(Optional.of(blocked)))
                .toList();
        assertEquals(1, matching.size(), anomalies::toString);
        return matching.get(0);
    }
}
