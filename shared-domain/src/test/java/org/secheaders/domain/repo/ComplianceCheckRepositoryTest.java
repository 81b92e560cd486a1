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
import org.secheaders.domain.model.Actor;
import org.secheaders.domain.model.AuditLogEntry;
import org.secheaders.domain.model.CheckResult;
import org.secheaders.domain.model.ComplianceCheck;
import org.secheaders.domain.model.ComplianceFramework;
import org.secheaders.domain.model.ComplianceStatus;
import org.secheaders.domain.model.Role;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.testing.DbKind;
import org.secheaders.domain.testing.TestDatabases;
import org.secheaders.domain.testing.TestTenants;

class ComplianceCheckRepositoryTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    private static final Instant CHECKED = Instant.parse("2025-06-01T08:00:00Z");
    private static final Actor OFFICER = new Actor("carol", Role.COMPLIANCE_OFFICER, Optional.of("req-42"));

    static ComplianceCheck.Draft check(long tenantId, ComplianceFramework framework, String controlId,
                                       CheckResult result, Optional<Instant> nextCheckAt) {
        ComplianceStatus status = result == CheckResult.PASS ? ComplianceStatus.COMPLIANT : ComplianceStatus.NON_COMPLIANT;
        return new ComplianceCheck.Draft(tenantId, framework, controlId, "Control " + controlId, result, status,
                Map.of("header", "Strict-Transport-Security", "max_age", 31536000),
                List.of("Send HSTS with max-age of at least one year", "Add includeSubDomains"),
                CHECKED, nextCheckAt, Map.of("checker_version", "1.0"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void upsertInsertsOnceThenReplacesTheResultKeepingIdentity(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(db);
        TenantScope scope = TenantScope.tenant(tenant.id());
        ComplianceCheck.Draft failing = check(tenant.id(), ComplianceFramework.OWASP, "A05", CheckResult.FAIL,
                Optional.of(CHECKED.plusSeconds(3600)));

        ComplianceCheck inserted = db.complianceChecks().upsert(scope, List.of(failing), OFFICER).get(0);

        assertEquals(failing.controlName(), inserted.controlName());
        assertEquals(failing.evidenceData(), inserted.evidenceData());
        assertEquals(failing.remediationSuggestions(), inserted.remediationSuggestions());
        assertEquals(failing.metadata(), inserted.metadata());
        assertEquals(CHECKED, inserted.checkedAt());
        assertEquals(failing.nextCheckAt(), inserted.nextCheckAt());

        ComplianceCheck.Draft passing = new ComplianceCheck.Draft(tenant.id(), ComplianceFramework.OWASP, "A05",
                "Security Misconfiguration", CheckResult.PASS, ComplianceStatus.COMPLIANT, Map.of("hsts", true),
                List.of(), CHECKED.plusSeconds(7200), Optional.empty(), Map.of());
        ComplianceCheck replaced = db.complianceChecks().upsert(scope, List.of(passing), OFFICER).get(0);

        assertEquals(inserted.id(), replaced.id());
        assertEquals(inserted.createdAt(), replaced.createdAt());
        assertEquals(CheckResult.PASS, replaced.checkResult());
        assertEquals(ComplianceStatus.COMPLIANT, replaced.complianceStatus());
        assertEquals("Security Misconfiguration", replaced.controlName());
        assertEquals(List.of(), replaced.remediationSuggestions());
        assertEquals(Optional.empty(), replaced.nextCheckAt());
        assertEquals(List.of(replaced), db.complianceChecks().findByFramework(scope, ComplianceFramework.OWASP));
        assertEquals(Optional.of(replaced),
                db.complianceChecks().findByKey(scope, tenant.id(), ComplianceFramework.OWASP, "A05"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void everyUpsertedControlIsAudited(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(db);
        TenantScope scope = TenantScope.tenant(tenant.id());

        List<ComplianceCheck> stored = db.complianceChecks().upsert(scope, List.of(
                check(tenant.id(), ComplianceFramework.SOC2, "CC6.1", CheckResult.PASS, Optional.empty()),
                check(tenant.id(), ComplianceFramework.SOC2, "CC6.6", CheckResult.FAIL, Optional.empty())), OFFICER);

        List<AuditLogEntry> audit = db.auditLog().query(scope,
                AuditQuery.all().withAction(ComplianceCheckRepository.AUDIT_ACTION), PageRequest.first(10)).items();
        assertEquals(2, audit.size());
        AuditLogEntry latest = audit.get(0);
        assertEquals(Optional.of(tenant.id()), latest.tenantId());
        assertEquals("carol", latest.actor());
        assertEquals(Role.COMPLIANCE_OFFICER, latest.actorRole());
        assertEquals(Optional.of("req-42"), latest.correlationId());
        assertEquals(ComplianceCheckRepository.AUDIT_TARGET, latest.targetType());
        assertEquals(List.of(Long.toString(stored.get(1).id()), Long.toString(stored.get(0).id())),
                audit.stream().map(AuditLogEntry::targetId).toList());
        assertEquals(Map.of("framework", "soc2", "control_id", "CC6.6", "check_result", "fail",
                "compliance_status", "non_compliant"), latest.details());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void findsOneFrameworkOrderedByControl(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(db);
        TenantScope scope = TenantScope.tenant(tenant.id());
        db.complianceChecks().upsert(scope, List.of(
                check(tenant.id(), ComplianceFramework.GDPR, "art32", CheckResult.PASS, Optional.empty()),
                check(tenant.id(), ComplianceFramework.NIST, "SC-8", CheckResult.PASS, Optional.empty()),
                check(tenant.id(), ComplianceFramework.GDPR, "art25", CheckResult.WARNING, Optional.empty())), OFFICER);

        assertEquals(List.of("art25", "art32"), db.complianceChecks()
                .findByFramework(scope, ComplianceFramework.GDPR).stream().map(ComplianceCheck::controlId).toList());
        assertEquals(List.of(), db.complianceChecks().findByFramework(scope, ComplianceFramework.ISO27001));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void findsDueChecksMostOverdueFirst(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(db);
        TenantScope scope = TenantScope.tenant(tenant.id());
        Instant now = Instant.parse("2025-06-02T00:00:00Z");
        db.complianceChecks().upsert(scope, List.of(
                check(tenant.id(), ComplianceFramework.ISO27001, "A.8.23", CheckResult.PASS, Optional.of(now.minusSeconds(10))),
                check(tenant.id(), ComplianceFramework.ISO27001, "A.8.24", CheckResult.PASS, Optional.of(now.minusSeconds(3600))),
                check(tenant.id(), ComplianceFramework.ISO27001, "A.8.25", CheckResult.PASS, Optional.of(now)),
                check(tenant.id(), ComplianceFramework.ISO27001, "A.8.26", CheckResult.PASS, Optional.of(now.plusSeconds(1))),
                check(tenant.id(), ComplianceFramework.ISO27001, "A.8.27", CheckResult.PASS, Optional.empty())), OFFICER);

        assertEquals(List.of("A.8.24", "A.8.23", "A.8.25"), db.complianceChecks().findDue(scope, now, 10).stream()
                .map(ComplianceCheck::controlId).toList());
        assertEquals(List.of("A.8.24"), db.complianceChecks().findDue(scope, now, 1).stream()
                .map(ComplianceCheck::controlId).toList());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void refusesToUpsertAnotherTenantsControl(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant mine = TestTenants.create(db);
        Tenant other = TestTenants.create(db);

        assertThrows(TenantAccessDeniedException.class, () -> db.complianceChecks().upsert(TenantScope.tenant(mine.id()),
                List.of(check(other.id(), ComplianceFramework.OWASP, "A01", CheckResult.FAIL, Optional.empty())), OFFICER));

        assertEquals(List.of(), db.complianceChecks().findByFramework(TenantScope.tenant(other.id()), ComplianceFramework.OWASP));
    }
}
