package org.secheaders.analytics.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.secheaders.analytics.service.SecurityReportService.GeneratedReport;
import org.secheaders.analytics.service.SecurityReportService.ReportRequest;
import org.secheaders.analytics.testing.AnalyticsScenario;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.SecurityReport;
import org.secheaders.domain.model.SecurityReportFormat;
import org.secheaders.domain.repo.PageRequest;
import org.secheaders.domain.repo.TenantScope;

class SecurityReportServiceTest {

    /** 08:00 to now: the previous period of equal length holds two hours of background. */
    private static final TimeRange PERIOD = new TimeRange(Instant.parse("2026-03-10T08:00:00Z"), AnalyticsScenario.NOW);

    private final AnalyticsScenario scenario = AnalyticsScenario.shared();
    private final SecurityReportService service = service(scenario);
    private final TenantScope acme = TenantScope.tenant(scenario.acme().id());

    static SecurityReportService service(AnalyticsScenario scenario) {
        Database db = scenario.database();
        TenantCatalog tenants = new TenantCatalog(db.tenants());
        return new SecurityReportService(new SecurityMetricsService(db.violations(), tenants),
                new AnomalyService(db.violations(), tenants, scenario.clock()), db.violations(), db.incidents(),
                db.auditLog(), db.reports(), tenants, scenario.clock());
    }

    @Test
    void summarizesThePeriodAgainstThePreviousOne() {
        GeneratedReport report = service.generate(acme, new ReportRequest(PERIOD, SecurityReportFormat.MARKDOWN,
                Optional.empty(), 5), "token:security_analyst:12345678");

        long background = scenario.acmeBackgroundPerMinute();
        long current = 240 * background
                + (long) AnalyticsScenario.IMAGE_SPIKE_MINUTES * (AnalyticsScenario.IMAGE_SPIKE_PER_MINUTE - 2)
                + (long) AnalyticsScenario.PARTNER_BURST_MINUTES * AnalyticsScenario.PARTNER_BURST_PER_MINUTE;
        long previous = 120 * background;
        ExecutiveSummary summary = report.summary();
        assertEquals(current, summary.violations());
        assertEquals(previous, summary.trend().previousViolations());
        assertEquals(current - previous, summary.trend().change());
        assertEquals(Optional.of(SecurityMetricsService.round(100.0 * (current - previous) / previous)),
                summary.trend().changePercent());
        assertEquals("up", summary.trend().direction());
        assertEquals(PERIOD.previous(), summary.trend().previousPeriod());
        ExecutiveSummary.Risk top = summary.topRisks().get(0);
        assertEquals(AnalyticsScenario.PARTNER_HOST, top.blocked());
        assertEquals("suspicious", top.classification());
        assertTrue(summary.anomalies().rateAnomalies() >= 2, summary.anomalies()::toString);
        assertEquals(1, summary.anomalies().firstSightings());
        assertEquals(1, summary.openIncidents().total());
        assertEquals("Ad tracker blocked on every page", summary.openIncidents().incidents().get(0).title());
        assertEquals(1, summary.policyChanges());
        assertEquals("Security report for acme, 2026-03-10 to 2026-03-10", report.title());
    }

    @Test
    void storesTheRenderedReportForItsTenantOnly() {
        GeneratedReport report = service.generate(acme, new ReportRequest(PERIOD, SecurityReportFormat.HTML,
                Optional.of("Acme weekly"), 5), "token:security_analyst:12345678");

        SecurityReport stored = service.find(acme, report.reportId()).orElseThrow();
        assertEquals(report.content(), stored.content());
        assertEquals(SecurityReportFormat.HTML, stored.format());
        assertEquals(Optional.of(scenario.acme().id()), stored.tenantId());
        assertEquals("secheaders://reports/" + report.reportId(), report.uri());
        assertEquals(report.content().length(), report.contentLength());
        assertTrue(report.content().startsWith("<!DOCTYPE html>"));
        assertTrue(report.content().contains("<td>" + AnalyticsScenario.PARTNER_HOST + "</td>"));
        assertEquals(Optional.empty(), service.find(TenantScope.tenant(scenario.globex().id()), report.reportId()));
        assertTrue(service.list(acme, PageRequest.first(10)).items().stream().anyMatch(i -> i.id() == report.reportId()));
    }

    @Test
    void everyFormatCarriesTheSameSections() {
        for (SecurityReportFormat format : SecurityReportFormat.values()) {
            GeneratedReport report = service.generate(acme, new ReportRequest(PERIOD, format, Optional.empty(), 3), "test");
            assertEquals(format.mimeType(), report.mimeType());
            for (String section : report.sections()) {
                assertTrue(report.content().contains(section), format + " lacks " + section);
            }
        }
    }

    @Test
    void aPlatformWideReportBelongsToNoTenant() {
        GeneratedReport report = service.generate(TenantScope.platform(), new ReportRequest(
                TimeRange.ending(AnalyticsScenario.NOW, Duration.ofHours(2)), SecurityReportFormat.JSON, Optional.empty(), 3),
                "test");

        assertEquals(TenantCatalog.ALL_TENANTS, report.scope());
        assertEquals(Optional.empty(), service.find(TenantScope.platform(), report.reportId()).orElseThrow().tenantId());
        assertFalse(service.find(acme, report.reportId()).isPresent());
    }
}
