package org.secheaders.compliance.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.secheaders.compliance.report.ComplianceReportService.GeneratedReport;
import org.secheaders.compliance.report.ComplianceReportService.ReportRequest;
import org.secheaders.compliance.testing.HeaderSetChecker;
import org.secheaders.compliance.testing.HeaderSets;
import org.secheaders.domain.compliance.run.ComplianceTarget;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.Actor;
import org.secheaders.domain.model.ComplianceFramework;
import org.secheaders.domain.model.ComplianceReport;
import org.secheaders.domain.model.ComplianceReportFormat;
import org.secheaders.domain.model.Role;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.model.TenantStatus;
import org.secheaders.domain.repo.PageRequest;
import org.secheaders.domain.repo.TenantScope;
import org.secheaders.domain.testing.DbKind;
import org.secheaders.domain.testing.TestDatabases;
import org.secheaders.domain.testing.TestTenants;

class ComplianceReportServiceTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    private static final Actor OFFICER = Actor.of("token:compliance_officer:1234", Role.COMPLIANCE_OFFICER);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);

    private static ReportRequest request(ComplianceReportFormat format, ComplianceFramework... frameworks) {
        return new ReportRequest(frameworks.length == 0 ? EnumSet.allOf(ComplianceFramework.class) : EnumSet.of(frameworks[0], frameworks),
                format, new ComplianceTarget.Configured(), Optional.empty());
    }

    @Test
    void storesTheRenderedReportAndComparesTheNextOneWithIt() {
        Database db = DATABASES.get(DbKind.H2);
        HeaderSetChecker checker = new HeaderSetChecker(db.tenants(), CLOCK);
        ComplianceReportService service = new ComplianceReportService(checker, db.tenants(), db.complianceReports(), CLOCK);
        Tenant tenant = TestTenants.create(db);
        TenantScope scope = TenantScope.tenant(tenant.id());
        checker.configure(tenant, HeaderSets.weak());

        GeneratedReport weak = service.generate(scope, request(ComplianceReportFormat.PDF), OFFICER);
        ComplianceReport stored = service.find(scope, weak.reportId()).orElseThrow();
        assertEquals(ComplianceReportFormat.PDF, stored.info().format());
        assertEquals(weak.contentLength(), stored.content().length);
        assertEquals(Optional.of(tenant.id()), stored.info().tenantId());
        assertEquals(OFFICER.name(), stored.info().createdBy());
        assertTrue(weak.tenants().get(0).summary().trend().isEmpty(), "the first report has no trend");

        checker.configure(tenant, HeaderSets.strong());
        GeneratedReport strong = service.generate(scope, request(ComplianceReportFormat.MARKDOWN), OFFICER);
        ReportTrend better = strong.tenants().get(0).summary().trend().orElseThrow();
        assertEquals(weak.reportId(), better.previousReportId());
        assertEquals(5, better.scores().size());
        assertTrue(better.scores().stream().allMatch(s -> s.change() > 0), better.scores().toString());
        assertFalse(better.changedControls().isEmpty());
        assertTrue(better.changedControls().stream().noneMatch(ReportTrend.ControlChange::regression));
        assertTrue(better.changedControls().stream().anyMatch(c -> c.controlId().equals("ASVS-3.4.1")
                && c.before().equals("fail") && c.after().equals("pass")), better.changedControls().toString());
        assertArrayEquals(strong.content().orElseThrow().getBytes(StandardCharsets.UTF_8),
                service.find(scope, strong.reportId()).orElseThrow().content());

        checker.configure(tenant, HeaderSets.weak());
        ReportTrend worse = service.generate(scope, request(ComplianceReportFormat.JSON, ComplianceFramework.OWASP), OFFICER)
                .tenants().get(0).summary().trend().orElseThrow();
        assertEquals(strong.reportId(), worse.previousReportId());
        assertEquals(List.of("owasp"), worse.scores().stream().map(ReportTrend.ScoreChange::framework).toList(),
                "only the frameworks both reports cover");
        assertTrue(worse.changedControls().stream().allMatch(c -> c.framework().equals("owasp")));
        assertTrue(worse.changedControls().stream().anyMatch(ReportTrend.ControlChange::regression));
    }

    @Test
    void aPlatformReportCoversTheActiveTenantsAndIsVisibleOnlyPlatformWide() {
        Database db = DATABASES.get(DbKind.H2);
        HeaderSetChecker checker = new HeaderSetChecker(db.tenants(), CLOCK);
        ComplianceReportService service = new ComplianceReportService(checker, db.tenants(), db.complianceReports(), CLOCK);
        Tenant active = TestTenants.create(db);
        Tenant suspended = TestTenants.create(db);
        db.tenants().updateStatus(TenantScope.platform(), suspended.id(), TenantStatus.SUSPENDED);

        GeneratedReport report = service.generate(TenantScope.platform(), request(ComplianceReportFormat.HTML,
                ComplianceFramework.SOC2), OFFICER);

        assertEquals(ComplianceReportService.ALL_TENANTS, report.scope());
        List<String> covered = report.tenants().stream().map(ComplianceReportService.TenantSummary::tenant).toList();
        assertTrue(covered.contains(active.slug()));
        assertFalse(covered.contains(suspended.slug()), "suspended tenants are not checked");
        assertEquals(Optional.empty(), service.find(TenantScope.tenant(active.id()), report.reportId()));
        assertEquals(Optional.empty(), service.find(TenantScope.platform(), report.reportId()).orElseThrow().info().tenantId());
    }

    @Test
    void aUrlNeedsATenantAndAnUnreachableTargetIsRefused() {
        Database db = DATABASES.get(DbKind.H2);
        HeaderSetChecker checker = new HeaderSetChecker(db.tenants(), CLOCK);
        ComplianceReportService service = new ComplianceReportService(checker, db.tenants(), db.complianceReports(), CLOCK);
        Tenant tenant = TestTenants.create(db);
        ReportRequest scan = new ReportRequest(EnumSet.of(ComplianceFramework.OWASP), ComplianceReportFormat.JSON,
                new ComplianceTarget.Url(URI.create("https://unreachable.example/")), Optional.empty());

        assertThrows(IllegalArgumentException.class, () -> service.generate(TenantScope.platform(), scan, OFFICER));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> service.generate(TenantScope.tenant(tenant.id()), scan, OFFICER));
        assertEquals("unreachable.example did not answer", refused.getMessage());
        assertEquals(0, service.list(TenantScope.tenant(tenant.id()), PageRequest.first(10)).total(),
                "nothing is stored");
    }
}
