package org.secheaders.domain.compliance.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.secheaders.domain.compliance.HistoryEvidence;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.grading.ResponseHeaders;
import org.secheaders.domain.model.Actor;
import org.secheaders.domain.model.AuditLogEntry;
import org.secheaders.domain.model.ComplianceFramework;
import org.secheaders.domain.model.PolicyInheritanceMode;
import org.secheaders.domain.model.PolicyType;
import org.secheaders.domain.model.Role;
import org.secheaders.domain.model.SecuritySeverity;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.model.TenantSecurityPolicy;
import org.secheaders.domain.policy.OverridePermissions;
import org.secheaders.domain.policy.PolicyConfig;
import org.secheaders.domain.repo.TenantScope;
import org.secheaders.domain.scan.TargetPolicy;
import org.secheaders.domain.testing.DbKind;
import org.secheaders.domain.testing.TestDatabases;
import org.secheaders.domain.testing.TestTenants;

class HistoryReaderTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    private static final Actor ALICE = Actor.of("alice", Role.TENANT_ADMIN);
    private static final Actor BOB = Actor.of("bob", Role.ADMIN);

    private static Instant later() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofHours(1));
    }

    @Test
    void changesCarryAuthorAndApproverAndCreatingADraftIsNoChange() {
        Database db = DATABASES.get(DbKind.H2);
        Tenant tenant = TestTenants.create(db);
        TenantScope scope = TenantScope.tenant(tenant.id());
        TenantSecurityPolicy row = db.policies().insert(scope, new TenantSecurityPolicy.Draft(tenant.id(), "referrer",
                PolicyType.HEADERS, new PolicyConfig(null, null, Map.of("Referrer-Policy", "no-referrer"), null, null),
                PolicyInheritanceMode.EXTEND, OverridePermissions.none(), Instant.now().minusSeconds(60), Optional.empty()),
                ALICE);
        db.policies().activate(scope, row.id(), BOB);
        db.policies().deactivate(scope, row.id(), ALICE);

        HistoryEvidence history = new HistoryReader(db.auditLog(), db.violations()).read(scope, tenant, later());

        assertEquals(2, history.changes().size(), history.changes()::toString);
        assertEquals(new HistoryEvidence.ConfigChange(history.changes().get(0).at(), Optional.of("alice"), Optional.of("bob")),
                history.changes().get(0));
        assertEquals(Optional.of("alice"), history.changes().get(1).author());
        assertEquals(Optional.empty(), history.changes().get(1).approver());
        assertEquals(List.of(later()), history.scans());
    }

    @Test
    void aFailureIsDetectedByOneRunAcknowledgedByADraftAndResolvedByALaterRun() {
        Database db = DATABASES.get(DbKind.H2);
        Tenant tenant = TestTenants.create(db);
        TenantScope scope = TenantScope.tenant(tenant.id());
        ComplianceCheckService service = ComplianceCheckService.create(db, Clock.fixed(later(), ZoneOffset.UTC),
                TargetPolicy.publicAddressesOnly());
        Set<ComplianceFramework> owasp = Set.of(ComplianceFramework.OWASP);
        service.check(new CheckRequest(tenant.id(), owasp, new ComplianceTarget.Supplied(ResponseHeaders.of(
                "X-Content-Type-Options", "nosniff")), ALICE));
        db.auditLog().append(scope, new AuditLogEntry.Draft(Optional.of(tenant.id()), ALICE, ComplianceAudit.DRAFT_ACTION,
                "tenant_security_policy", "1", Map.of(ComplianceAudit.CONTROLS, List.of("ASVS-3.4.1"))));
        service.check(new CheckRequest(tenant.id(), owasp, new ComplianceTarget.Supplied(ResponseHeaders.of(
                "Strict-Transport-Security", "max-age=63072000; includeSubDomains; preload")), ALICE));

        HistoryEvidence history = new HistoryReader(db.auditLog(), db.violations()).read(scope, tenant, later());

        HistoryEvidence.PastFailure hsts = history.failures().stream().filter(f -> f.checkId().equals("ASVS-3.4.1"))
                .findFirst().orElseThrow(() -> new AssertionError(history.failures()));
        assertEquals(SecuritySeverity.HIGH, hsts.severity());
        assertTrue(hsts.acknowledgedAt().isPresent());
        assertTrue(hsts.resolvedAt().orElseThrow().isAfter(hsts.detectedAt()));
        assertTrue(history.failures().stream().anyMatch(f -> f.resolvedAt().isEmpty()), "a control still failing stays open");
        assertEquals(3, history.scans().size());
    }
}
