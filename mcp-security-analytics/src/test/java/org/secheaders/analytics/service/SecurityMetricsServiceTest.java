package org.secheaders.analytics.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.secheaders.analytics.service.SecurityMetricsService.Breakdown;
import org.secheaders.analytics.service.SecurityMetricsService.MetricsAnalysis;
import org.secheaders.analytics.service.SecurityMetricsService.MetricsRequest;
import org.secheaders.analytics.service.SecurityMetricsService.Share;
import org.secheaders.analytics.service.SecurityMetricsService.ViolationItem;
import org.secheaders.analytics.testing.AnalyticsScenario;
import org.secheaders.domain.model.ThreatClassification;
import org.secheaders.domain.repo.TenantScope;

class SecurityMetricsServiceTest {

    /** Everything the scenario stored: 06:00 to 12:00:30. */
    private static final TimeRange PERIOD = new TimeRange(AnalyticsScenario.BACKGROUND_START, AnalyticsScenario.NOW);
    private static final long BACKGROUND_MINUTES = 360;

    private final AnalyticsScenario scenario = AnalyticsScenario.shared();
    private final SecurityMetricsService service = new SecurityMetricsService(scenario.database().violations(),
            new TenantCatalog(scenario.database().tenants()));
    private final TenantScope acme = TenantScope.tenant(scenario.acme().id());

    private static long acmeTotal(AnalyticsScenario scenario) {
        long spikeExtra = (long) AnalyticsScenario.IMAGE_SPIKE_MINUTES * (AnalyticsScenario.IMAGE_SPIKE_PER_MINUTE - 2);
        long burst = (long) AnalyticsScenario.PARTNER_BURST_MINUTES * AnalyticsScenario.PARTNER_BURST_PER_MINUTE;
        return BACKGROUND_MINUTES * scenario.acmeBackgroundPerMinute() + spikeExtra + burst;
    }

    private MetricsAnalysis analyze(TenantScope scope, ViolationFilter filter, List<Dimension> groupBy, int page) {
        return service.analyze(scope, new MetricsRequest(PERIOD, filter, groupBy, 10, page, 20));
    }

    @Test
    void totalsRatesAndResolutionTimesOfATenant() {
        MetricsAnalysis analysis = analyze(acme, ViolationFilter.none(), List.of(), 1);

        long total = acmeTotal(scenario);
        assertEquals(total, analysis.totals().violations());
        assertEquals(10, analysis.totals().resolved());
        assertEquals(total - 10, analysis.totals().open());
        assertEquals(total, analysis.totals().byClassification().values().stream().mapToLong(Long::longValue).sum());
        assertEquals(BACKGROUND_MINUTES, analysis.totals().byClassification().get("false_positive"),
                "one browser-extension report a minute, kept as noise");
        assertEquals(SecurityMetricsService.round(total / PERIOD.hours()), analysis.rates().perHour());
        assertEquals(SecurityMetricsService.round(total / (PERIOD.hours() / 24)), analysis.rates().perDay());
        assertEquals(10, analysis.resolutionTimes().resolved());
        assertEquals(Optional.of((double) Duration.ofHours(5).toSeconds()), analysis.resolutionTimes().medianSeconds());
        assertEquals(Optional.of((double) Duration.ofHours(9).toSeconds()), analysis.resolutionTimes().p90Seconds());
        assertEquals("acme", analysis.scope());
    }

    @Test
    void breakdownsAndTopPairsComeFromTheData() {
        MetricsAnalysis analysis = analyze(acme, ViolationFilter.none(),
                List.of(Dimension.DIRECTIVE, Dimension.HOST, Dimension.HOUR, Dimension.DAY), 1);

        long burst = (long) AnalyticsScenario.PARTNER_BURST_MINUTES * AnalyticsScenario.PARTNER_BURST_PER_MINUTE;
        Breakdown directives = analysis.breakdowns().get(0);
        assertEquals("directive", directives.groupBy());
        assertEquals(new Share("script-src-elem", BACKGROUND_MINUTES * 4 + burst,
                SecurityMetricsService.round((BACKGROUND_MINUTES * 4.0 + burst) / acmeTotal(scenario))), directives.counts().get(0));
        assertEquals(List.of(AnalyticsScenario.PARTNER_HOST, "ads.tracker.example", AnalyticsScenario.IMAGE_HOST),
                analysis.breakdowns().get(1).counts().stream().map(Share::key).toList(),
                "inline and extension URLs have no host");
        assertEquals(6, analysis.breakdowns().get(2).counts().size(), "06:00 to 11:00");
        assertEquals(List.of(new Share("2026-03-10T00:00:00Z", acmeTotal(scenario), 1.0)),
                analysis.breakdowns().get(3).counts());
        assertEquals("script-src-elem", analysis.top().get(0).directive());
        assertEquals(AnalyticsScenario.PARTNER_HOST, analysis.top().get(0).blocked());
        assertEquals(burst, analysis.top().get(0).count());
        assertEquals(AnalyticsScenario.PARTNER_BURST_START.plusSeconds(20), analysis.top().get(0).firstSeen());
    }

    @Test
    void filtersNarrowEverything() {
        ViolationFilter partner = new ViolationFilter(Optional.empty(), Optional.empty(),
                Optional.of(ThreatClassification.SUSPICIOUS), Optional.of("script-src-elem"),
                Optional.of(AnalyticsScenario.PARTNER_HOST), Optional.of("https://acme.example/checkout"));

        MetricsAnalysis analysis = analyze(acme, partner, List.of(Dimension.SEVERITY), 1);

        assertEquals((long) AnalyticsScenario.PARTNER_BURST_MINUTES * AnalyticsScenario.PARTNER_BURST_PER_MINUTE,
                analysis.totals().violations());
        assertEquals(analysis.totals().violations(), analysis.breakdowns().get(0).counts().stream()
                .mapToLong(Share::count).sum());
        assertTrue(analysis.violations().items().stream().allMatch(v -> v.documentUri().equals("https://acme.example/checkout")
                && v.directive().equals("script-src-elem") && v.classification().equals("suspicious")));
    }

    @Test
    void pagesAreNewestFirstWithTotals() {
        MetricsAnalysis first = analyze(acme, ViolationFilter.none(), List.of(), 1);
        MetricsAnalysis second = analyze(acme, ViolationFilter.none(), List.of(), 2);

        assertEquals(new SecurityMetricsService.Pagination(acmeTotal(scenario), 20, 2, (acmeTotal(scenario) + 19) / 20),
                second.violations().pagination());
        assertEquals(20, second.violations().items().size());
        List<ViolationItem> both = new java.util.ArrayList<>(first.violations().items());
        both.addAll(second.violations().items());
        for (int i = 1; i < both.size(); i++) {
            assertTrue(!both.get(i).receivedAt().isAfter(both.get(i - 1).receivedAt()), "newest first");
        }
        ViolationItem item = first.violations().items().get(0);
        assertEquals("acme", item.tenant());
        assertTrue(item.ruleId().isPresent() && item.disposition().equals(Optional.of("enforce")), item::toString);
    }

    @Test
    void tenantScopeSeesOnlyItsTenantAndPlatformScopeAll() {
        long globex = analyze(TenantScope.tenant(scenario.globex().id()), ViolationFilter.none(), List.of(), 1)
                .totals().violations();
        long all = analyze(TenantScope.platform(), ViolationFilter.none(), List.of(), 1).totals().violations();

        assertEquals(BACKGROUND_MINUTES * 2, globex);
        assertEquals(acmeTotal(scenario) + globex, all);
    }

    @Test
    void hourlyBreakdownsAreBoundedByThePeriod() {
        TimeRange month = TimeRange.ending(AnalyticsScenario.NOW, Duration.ofDays(30));
        assertThrows(IllegalArgumentException.class, () -> new MetricsRequest(month, ViolationFilter.none(),
                List.of(Dimension.HOUR), 10, 1, 20));
    }
}
