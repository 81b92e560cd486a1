package org.secheaders.domain.repo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.ComplianceFramework;
import org.secheaders.domain.model.ComplianceReport;
import org.secheaders.domain.model.ComplianceReportFormat;
import org.secheaders.domain.model.ComplianceReportInfo;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.testing.DbKind;
import org.secheaders.domain.testing.TestDatabases;
import org.secheaders.domain.testing.TestTenants;

class ComplianceReportRepositoryTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    private static final String URL = "https://shop.example/login?next=%2F";

    static ComplianceReport.Draft report(Optional<Long> tenantId, String title, ComplianceReportFormat format,
                                         String target, byte[] content) {
        return new ComplianceReport.Draft(tenantId, title, format, List.of(ComplianceFramework.OWASP, ComplianceFramework.GDPR),
                target, Map.of("frameworks", List.of(Map.of("framework", "owasp", "score", 72))), content,
                "token:compliance_officer:0123abcd");
    }

    /** Every byte value, with a PDF header: what a text column would mangle. */
    static byte[] binary() {
        byte[] bytes = new byte[300_000];
        byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = i < header.length ? header[i] : (byte) i;
        }
        return bytes;
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void storesBinaryAndTextReportsAndReadsThemBackByteForByte(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(db);
        TenantScope scope = TenantScope.tenant(tenant.id());
        byte[] pdf = binary();
        byte[] markdown = "# Compliance – ünïcode ✓\n".getBytes(StandardCharsets.UTF_8);

        ComplianceReport stored = db.complianceReports().insert(scope,
                report(Optional.of(tenant.id()), "PDF report", ComplianceReportFormat.PDF, URL, pdf));
        ComplianceReport text = db.complianceReports().insert(scope, report(Optional.of(tenant.id()), "Markdown report",
                ComplianceReportFormat.MARKDOWN, ComplianceReport.CONFIGURED, markdown));

        ComplianceReportInfo info = stored.info();
        assertEquals(Optional.of(tenant.id()), info.tenantId());
        assertEquals("PDF report", info.title());
        assertEquals(ComplianceReportFormat.PDF, info.format());
        assertEquals(List.of(ComplianceFramework.OWASP, ComplianceFramework.GDPR), info.frameworks());
        assertEquals(URL, info.target());
        assertEquals(pdf.length, info.contentLength());
        assertEquals("token:compliance_officer:0123abcd", info.createdBy());
        assertArrayEquals(pdf, db.complianceReports().findById(scope, stored.id()).orElseThrow().content());
        assertArrayEquals(markdown, db.complianceReports().findById(scope, text.id()).orElseThrow().content());
        assertEquals(72, ((Number) ((Map<?, ?>) ((List<?>) stored.summary().get("frameworks")).get(0)).get("score")).intValue());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void findsTheLatestReportOfTheSameTenantAndTarget(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(db);
        TenantScope scope = TenantScope.tenant(tenant.id());
        Optional<Long> mine = Optional.of(tenant.id());
        byte[] content = "{}".getBytes(StandardCharsets.UTF_8);
        assertEquals(Optional.empty(), db.complianceReports().latest(scope, mine, ComplianceReport.CONFIGURED));

        db.complianceReports().insert(scope, report(mine, "old", ComplianceReportFormat.JSON, ComplianceReport.CONFIGURED, content));
        ComplianceReport newest = db.complianceReports().insert(scope,
                report(mine, "new", ComplianceReportFormat.HTML, ComplianceReport.CONFIGURED, content));
        ComplianceReport scanned = db.complianceReports().insert(scope,
                report(mine, "scan", ComplianceReportFormat.JSON, URL, content));
        ComplianceReport platformWide = db.complianceReports().insert(TenantScope.platform(),
                report(Optional.empty(), "all", ComplianceReportFormat.JSON, ComplianceReport.CONFIGURED, content));

        assertEquals(newest.info(), db.complianceReports().latest(scope, mine, ComplianceReport.CONFIGURED).orElseThrow().info());
        assertEquals(scanned.info(), db.complianceReports().latest(scope, mine, URL).orElseThrow().info());
        assertEquals(platformWide.info(), db.complianceReports()
                .latest(TenantScope.platform(), Optional.empty(), ComplianceReport.CONFIGURED).orElseThrow().info());
        assertThrows(TenantAccessDeniedException.class,
                () -> db.complianceReports().latest(scope, Optional.empty(), ComplianceReport.CONFIGURED));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void listsNewestFirstAndKeepsTenantsAndPlatformApart(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant mine = TestTenants.create(db);
        Tenant other = TestTenants.create(db);
        TenantScope scope = TenantScope.tenant(mine.id());
        byte[] content = "x".getBytes(StandardCharsets.UTF_8);
        ComplianceReport first = db.complianceReports().insert(scope,
                report(Optional.of(mine.id()), "first", ComplianceReportFormat.JSON, ComplianceReport.CONFIGURED, content));
        ComplianceReport second = db.complianceReports().insert(scope,
                report(Optional.of(mine.id()), "second", ComplianceReportFormat.PDF, ComplianceReport.CONFIGURED, binary()));
        ComplianceReport foreign = db.complianceReports().insert(TenantScope.tenant(other.id()),
                report(Optional.of(other.id()), "foreign", ComplianceReportFormat.JSON, ComplianceReport.CONFIGURED, content));
        ComplianceReport platformWide = db.complianceReports().insert(TenantScope.platform(),
                report(Optional.empty(), "all tenants", ComplianceReportFormat.MARKDOWN, ComplianceReport.CONFIGURED, content));

        Page<ComplianceReportInfo> page = db.complianceReports().list(scope, PageRequest.first(10));

        assertEquals(List.of(second.info(), first.info()), page.items());
        assertEquals(2, page.total());
        assertEquals(Optional.empty(), db.complianceReports().findById(scope, foreign.id()));
        assertEquals(Optional.empty(), db.complianceReports().findById(scope, platformWide.id()));
        assertEquals(platformWide.info(), db.complianceReports().findById(TenantScope.platform(), platformWide.id())
                .orElseThrow().info());
        assertThrows(TenantAccessDeniedException.class, () -> db.complianceReports().insert(scope,
                report(Optional.of(other.id()), "into another tenant", ComplianceReportFormat.JSON, ComplianceReport.CONFIGURED, content)));
        assertThrows(TenantAccessDeniedException.class, () -> db.complianceReports().insert(scope,
                report(Optional.empty(), "platform-wide", ComplianceReportFormat.JSON, ComplianceReport.CONFIGURED, content)));
    }
}
