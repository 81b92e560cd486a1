package org.secheaders.analytics.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.secheaders.analytics.service.CorrelationService.Cluster;
import org.secheaders.analytics.service.CorrelationService.CorrelationReport;
import org.secheaders.analytics.service.CorrelationService.KeyCount;
import org.secheaders.analytics.service.CorrelationService.RelatedChange;
import org.secheaders.analytics.testing.AnalyticsScenario;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.repo.TenantScope;

class CorrelationServiceTest {

    /** 10:00 to now: the burst, the image spike, the policy change and the timing jump, with history before. */
    private static final TimeRange WINDOW = new TimeRange(Instant.parse("2026-03-10T10:00:00Z"), AnalyticsScenario.NOW);

    private final AnalyticsScenario scenario = AnalyticsScenario.shared();
    private final CorrelationService service = service(scenario);

    static CorrelationService service(AnalyticsScenario scenario) {
        Database db = scenario.database();
        TenantCatalog tenants = new TenantCatalog(db.tenants());
        return new CorrelationService(db.violations(), db.auditLog(),
                new AnomalyService(db.violations(), tenants, scenario.clock()), new HeaderTimingService(db.metrics()), tenants);
    }

    @Test
    void namesThePolicyChangeThatRemovedTheBlockedSourceAsTheLikelyCause() {
        CorrelationReport report = service.correlate(TenantScope.tenant(scenario.acme().id()), WINDOW, 10,
                CorrelationService.DEFAULT_CHANGE_LOOKBACK);

        Cluster burst = report.clusters().get(0);
        assertEquals("acme", burst.tenant());
        assertEquals("script-src-elem", burst.directive());
        assertEquals(AnalyticsScenario.PARTNER_HOST, burst.blocked());
        assertEquals((long) AnalyticsScenario.PARTNER_BURST_MINUTES * AnalyticsScenario.PARTNER_BURST_PER_MINUTE,
                burst.count());
        assertEquals(AnalyticsScenario.PARTNER_BURST_START, burst.onset());
        assertEquals("sustained rise of script-src-elem → cdn.partner.example began 3 minutes after policy change #"
                + scenario.policyChangeId() + " by alice (removed script-src https://cdn.partner.example)", burst.likelyCause());
        RelatedChange change = burst.policyChanges().get(0);
        assertEquals(scenario.policyChangeId(), change.change().changeId());
        assertEquals("policy.update", change.change().action());
        assertEquals(Optional.of("acme main"), change.change().policyName());
        assertEquals(3, change.minutesBeforeOnset());
        assertEquals(List.of("script-src https://cdn.partner.example"), change.removedAllowingBlocked());
        assertEquals(List.of(new KeyCount("https://acme.example/checkout", burst.count())), burst.topDocuments());
        assertEquals(List.of(new KeyCount("https://acme.example/app.js", burst.count())), burst.topSourceFiles());
        assertEquals(2, burst.sampleIds().size());
        assertTrue(burst.firstSighting().isPresent());
        assertEquals("sustained_rise", burst.anomalies().get(0).kind());
        assertEquals(AnalyticsScenario.TIMING_JUMP_AT, burst.timingRegressions().get(0).startedAt());
        assertEquals(List.of(), report.unrelatedPolicyChanges(), "the change explains the burst");
    }

    @Test
    void everyClusterGetsACauseFromItsOwnEvidence() {
        CorrelationReport report = service.correlate(TenantScope.tenant(scenario.acme().id()), WINDOW, 10,
                CorrelationService.DEFAULT_CHANGE_LOOKBACK);

        Cluster images = cluster(report, "img-src", AnalyticsScenario.IMAGE_HOST);
        Cluster extension = cluster(report, "script-src-elem", "chrome-extension:");
        assertTrue(images.likelyCause().startsWith("spike of img-src → images.thirdparty.example began 25 minutes after "
                + "policy change #" + scenario.policyChangeId() + " by alice (policy.update of 'acme main', version "),
                images.likelyCause());
        assertEquals("reports of script-src-elem → chrome-extension:: 120 of 120 reports are noise (browser extensions, "
                + "injected scripts, local addresses), not a policy problem", extension.likelyCause());
        assertEquals(5, report.clustersFound(), "tracker, images, inline style, extension, partner");
        assertTrue(report.tenantAnomalies().stream().allMatch(a -> a.directive().isEmpty()));
    }

    @Test
    void withoutTheChangeInTheLookbackTheBurstStandsAlone() {
        CorrelationReport report = service.correlate(TenantScope.tenant(scenario.acme().id()), WINDOW, 10,
                Duration.ofMinutes(1));

        Cluster burst = cluster(report, "script-src-elem", AnalyticsScenario.PARTNER_HOST);
        assertEquals(List.of(), burst.policyChanges());
        assertEquals(1, report.unrelatedPolicyChanges().size());
        assertTrue(burst.likelyCause().startsWith("sustained rise of script-src-elem → cdn.partner.example coincides with "
                + "header_processing p99 rising from"), burst.likelyCause());
    }

    @Test
    void anotherTenantsScopeSeesNoneOfIt() {
        CorrelationReport report = service.correlate(TenantScope.tenant(scenario.globex().id()), WINDOW, 10,
                CorrelationService.DEFAULT_CHANGE_LOOKBACK);

        assertEquals(1, report.clustersFound());
        assertEquals("cdn.globex-legacy.example", report.clusters().get(0).blocked());
        assertEquals(List.of(), report.unrelatedPolicyChanges());
        assertEquals(List.of(), report.unrelatedTimingRegressions());
        assertTrue(report.clusters().get(0).likelyCause().endsWith("at a steady rate: no anomaly, policy change or timing "
                + "regression in the window"), report.clusters().get(0).likelyCause());
    }

    private static Cluster cluster(CorrelationReport report, String directive, String blocked) {
        return report.clusters().stream().filter(c -> c.directive().equals(directive) && c.blocked().equals(blocked))
                .findFirst().orElseThrow(() -> new AssertionError(directive + " " + blocked + " in " + report.clusters()));
    }
}
