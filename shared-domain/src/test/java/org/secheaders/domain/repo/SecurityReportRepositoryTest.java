package org.secheaders.domain.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.SecurityReport;
import org.secheaders.domain.model.SecurityReportFormat;
import org.secheaders.domain.model.SecurityReportInfo;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.testing.DbKind;
import org.secheaders.domain.testing.TestDatabases;
import org.secheaders.domain.testing.TestTenants;

class SecurityReportRepositoryTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    private static final Instant FROM = Instant.parse("2025-06-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2025-06-08T00:00:00Z");

    static SecurityReport.Draft report(Optional<Long> tenantId, String title, SecurityReportFormat format) {
        return new SecurityReport.Draft(tenantId, title, format, FROM, TO,
                Map.of("total", 1234, "top_risk", "script-src evil.example"), "# " + title + "\n\n" + "x".repeat(100_000),
                "token:security_analyst:0123abcd");
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void storesAReportWithLargeContentAndReadsItBack(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(db);
        TenantScope scope = TenantScope.tenant(tenant.id());
        SecurityReport.Draft draft = report(Optional.of(tenant.id()), "Weekly report", SecurityReportFormat.MARKDOWN);

        SecurityReport stored = db.reports().insert(scope, draft);

        assertEquals(Optional.of(tenant.id()), stored.tenantId());
        assertEquals("Weekly report", stored.title());
        assertEquals(SecurityReportFormat.MARKDOWN, stored.format());
        assertEquals(FROM, stored.periodStart());
        assertEquals(TO, stored.periodEnd());
        assertEquals(1234, ((Number) stored.summary().get("total")).intValue());
        assertEquals(draft.content(), stored.content());
        assertEquals("token:security_analyst:0123abcd", stored.createdBy());
        assertEquals(Optional.of(stored), db.reports().findById(scope, stored.id()));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void listsNewestFirstWithoutContentAndKeepsTenantsAndPlatformApart(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant mine = TestTenants.create(db);
        Tenant other = TestTenants.create(db);
        TenantScope scope = TenantScope.tenant(mine.id());
        SecurityReport first = db.reports().insert(scope, report(Optional.of(mine.id()), "first", SecurityReportFormat.JSON));
        SecurityReport second = db.reports().insert(scope, report(Optional.of(mine.id()), "second", SecurityReportFormat.HTML));
        SecurityReport foreign = db.reports().insert(TenantScope.tenant(other.id()),
                report(Optional.of(other.id()), "foreign", SecurityReportFormat.JSON));
        SecurityReport platformWide = db.reports().insert(TenantScope.platform(),
                report(Optional.empty(), "all tenants", SecurityReportFormat.MARKDOWN));

        Page<SecurityReportInfo> page = db.reports().list(scope, PageRequest.first(10));

        assertEquals(List.of(second.info(), first.info()), page.items());
        assertEquals(2, page.total());
        assertEquals(Optional.empty(), db.reports().findById(scope, foreign.id()));
        assertEquals(Optional.empty(), db.reports().findById(scope, platformWide.id()));
        assertEquals(Optional.of(platformWide), db.reports().findById(TenantScope.platform(), platformWide.id()));
        assertThrows(TenantAccessDeniedException.class, () -> db.reports().insert(scope,
                report(Optional.of(other.id()), "into another tenant", SecurityReportFormat.JSON)));
        assertThrows(TenantAccessDeniedException.class, () -> db.reports().insert(scope,
                report(Optional.empty(), "platform-wide from a tenant", SecurityReportFormat.JSON)));
    }
}
