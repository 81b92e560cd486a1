package org.secheaders.domain.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.Actor;
import org.secheaders.domain.model.AuditLogEntry;
import org.secheaders.domain.model.PolicyInheritanceMode;
import org.secheaders.domain.model.PolicyType;
import org.secheaders.domain.model.Role;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.model.TenantSecurityPolicy;
import org.secheaders.domain.policy.CspSourceChange;
import org.secheaders.domain.policy.OverridePermissions;
import org.secheaders.domain.policy.PolicyConfig;
import org.secheaders.domain.testing.DbKind;
import org.secheaders.domain.testing.TestDatabases;
import org.secheaders.domain.testing.TestTenants;

class PolicyRepositoryTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    static final Actor ADMIN = new Actor("alice", Role.TENANT_ADMIN, Optional.of("mcp-7"));
    private static final Instant FROM = Instant.parse("2025-06-01T00:00:00Z");

    static TenantSecurityPolicy.Draft policy(long tenantId, String name, Instant effectiveFrom) {
        PolicyConfig config = new PolicyConfig(
                Map.of("script-src", List.of("'self'", "https://cdn.example.com"), "object-src", List.of("'none'")),
                Map.of("style-src", List.of("'self'")),
                Map.of("Referrer-Policy", "strict-origin-when-cross-origin"),
                List.of("X-Powered-By"),
                Map.of("csp-endpoint", "https://reports.example.com/csp"));
        OverridePermissions permissions = new OverridePermissions(Set.of("img-src"), Set.of("Permissions-Policy"),
                Set.of("script-src:'unsafe-eval'"));
        return new TenantSecurityPolicy.Draft(tenantId, name, PolicyType.HEADERS, config, PolicyInheritanceMode.EXTEND,
                permissions, effectiveFrom, Optional.of(effectiveFrom.plusSeconds(86_400)));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void insertsAnInactivePolicyBumpsTheVersionAndAudits(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(db);
        TenantScope scope = TenantScope.tenant(tenant.id());
        TenantSecurityPolicy.Draft draft = policy(tenant.id(), "baseline", FROM);

        TenantSecurityPolicy stored = db.policies().insert(scope, draft, ADMIN);

        assertEquals(tenant.id(), stored.tenantId());
        assertEquals("baseline", stored.policyName());
        assertEquals(PolicyType.HEADERS, stored.policyType());
        assertEquals(draft.policyConfig(), stored.policyConfig());
        assertEquals(PolicyInheritanceMode.EXTEND, stored.inheritanceMode());
        assertEquals(draft.overridePermissions(), stored.overridePermissions());
        assertFalse(stored.active());
        assertEquals(FROM, stored.effectiveFrom());
        assertEquals(draft.effectiveUntil(), stored.effectiveUntil());
        assertEquals(Optional.of(stored), db.policies().findById(scope, stored.id()));
        assertTrue(db.policyVersions().current(scope, tenant.id()) > 0);

        AuditLogEntry audit = onlyAudit(db, scope, "policy.create");
        assertEquals(Long.toString(stored.id()), audit.targetId());
        assertEquals(PolicyRepository.AUDIT_TARGET, audit.targetType());
        assertEquals("alice", audit.actor());
        assertEquals(Role.TENANT_ADMIN, audit.actorRole());
        assertEquals(Optional.of("mcp-7"), audit.correlationId());
        assertEquals(db.policyVersions().current(scope, tenant.id()),
                ((Number) audit.details().get("policy_version")).longValue());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void updatesContentButNeverMovesARowToAnotherTenant(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(db);
        Tenant other = TestTenants.create(db);
        TenantScope scope = TenantScope.tenant(tenant.id());
        TenantSecurityPolicy stored = db.policies().insert(scope, policy(tenant.id(), "baseline", FROM), ADMIN);
        long versionAfterInsert = db.policyVersions().current(scope, tenant.id());
        TenantSecurityPolicy.Draft changed = new TenantSecurityPolicy.Draft(tenant.id(), "report-only trial",
                PolicyType.CSP_REPORT_ONLY, PolicyConfig.empty(), PolicyInheritanceMode.OVERRIDE,
                OverridePermissions.none(), FROM.plusSeconds(60), Optional.empty());

        TenantSecurityPolicy updated = db.policies().update(scope, stored.id(), changed, ADMIN).orElseThrow();

        assertEquals(stored.id(), updated.id());
        assertEquals("report-only trial", updated.policyName());
        assertEquals(PolicyType.CSP_REPORT_ONLY, updated.policyType());
        assertEquals(PolicyConfig.empty(), updated.policyConfig());
        assertEquals(OverridePermissions.none(), updated.overridePermissions());
        assertEquals(Optional.empty(), updated.effectiveUntil());
        assertEquals(stored.createdAt(), updated.createdAt());
        assertTrue(db.policyVersions().current(scope, tenant.id()) > versionAfterInsert);
        onlyAudit(db, scope, "policy.update");

        TenantSecurityPolicy.Draft moved = policy(other.id(), "stolen", FROM);
        assertEquals(Optional.empty(), db.policies().update(TenantScope.platform(), stored.id(), moved, ADMIN));
        assertEquals(0L, db.policyVersions().current(TenantScope.platform(), other.id()));
        assertEquals(Optional.empty(), db.policies().update(scope, Long.MAX_VALUE, changed, ADMIN));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void activatesAndDeactivatesWithAVersionBumpEachTime(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(db);
        TenantScope scope = TenantScope.tenant(tenant.id());
        TenantSecurityPolicy later = db.policies().insert(scope, policy(tenant.id(), "later", FROM.plusSeconds(3600)), ADMIN);
        TenantSecurityPolicy sooner = db.policies().insert(scope, policy(tenant.id(), "sooner", FROM), ADMIN);
        TenantSecurityPolicy inactive = db.policies().insert(scope, policy(tenant.id(), "inactive", FROM), ADMIN);
        long before = db.policyVersions().current(scope, tenant.id());

        assertTrue(db.policies().activate(scope, later.id(), ADMIN).orElseThrow().active());
        long afterFirst = db.policyVersions().current(scope, tenant.id());
        assertTrue(db.policies().activate(scope, sooner.id(), ADMIN).orElseThrow().active());
        long afterSecond = db.policyVersions().current(scope, tenant.id());

        assertTrue(before < afterFirst && afterFirst < afterSecond);
        assertEquals(List.of("sooner", "later"), db.policies().findActive(scope, tenant.id()).stream()
                .map(TenantSecurityPolicy::policyName).toList());
        assertEquals(List.of(later.id(), sooner.id(), inactive.id()), db.policies().listByTenant(scope, tenant.id())
                .stream().map(TenantSecurityPolicy::id).toList());

        assertFalse(db.policies().deactivate(scope, later.id(), ADMIN).orElseThrow().active());
        assertTrue(db.policyVersions().current(scope, tenant.id()) > afterSecond);
        assertEquals(List.of("sooner"), db.policies().findActive(scope, tenant.id()).stream()
                .map(TenantSecurityPolicy::policyName).toList());
        assertEquals(2, db.auditLog().query(scope, AuditQuery.all().withAction("policy.activate"), PageRequest.first(10)).total());
        onlyAudit(db, scope, "policy.deactivate");
        assertEquals(Optional.empty(), db.policies().activate(scope, Long.MAX_VALUE, ADMIN));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void refusesWritesForAnotherTenant(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant mine = TestTenants.create(db);
        Tenant other = TestTenants.create(db);
        TenantScope scope = TenantScope.tenant(mine.id());

        assertThrows(TenantAccessDeniedException.class, () -> db.policies().insert(scope, policy(other.id(), "x", FROM), ADMIN));
        assertThrows(TenantAccessDeniedException.class, () -> db.policies().findActive(scope, other.id()));
        assertThrows(TenantAccessDeniedException.class, () -> db.policies().listByTenant(scope, other.id()));
        assertEquals(List.of(), db.policies().listByTenant(TenantScope.platform(), other.id()));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void auditsTheCspSourcesEachWriteAddedOrRemoved(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(db);
        TenantScope scope = TenantScope.tenant(tenant.id());
        TenantSecurityPolicy stored = db.policies().insert(scope, policy(tenant.id(), "baseline", FROM), ADMIN);
        db.policies().activate(scope, stored.id(), ADMIN);
        TenantSecurityPolicy.Draft withoutCdn = new TenantSecurityPolicy.Draft(tenant.id(), "baseline", PolicyType.HEADERS,
                new PolicyConfig(Map.of("script-src", List.of("'self'"), "object-src", List.of("'none'")),
                        Map.of("style-src", List.of("'self'")), Map.of(), List.of(), Map.of()),
                PolicyInheritanceMode.EXTEND, OverridePermissions.none(), FROM, Optional.empty());

        db.policies().update(scope, stored.id(), withoutCdn, ADMIN);

        assertFalse(onlyAudit(db, scope, "policy.create").details().containsKey(CspSourceChange.ENFORCED_ADDED),
                "an inactive new row contributes nothing yet");
        assertEquals(Map.of("object-src", List.of("'none'"), "script-src", List.of("'self'", "https://cdn.example.com")),
                onlyAudit(db, scope, "policy.activate").details().get(CspSourceChange.ENFORCED_ADDED));
        AuditLogEntry update = onlyAudit(db, scope, "policy.update");
        assertEquals(Map.of("script-src", List.of("https://cdn.example.com")),
                update.details().get(CspSourceChange.ENFORCED_REMOVED));
        assertEquals(List.of(new CspSourceChange.RemovedSource("script-src", "https://cdn.example.com", false)),
                CspSourceChange.fromAuditDetails(update.details()).removedFor("script-src-elem", "cdn.example.com"));
    }

    private static AuditLogEntry onlyAudit(Database db, TenantScope scope, String action) {
        List<AuditLogEntry> entries = db.auditLog()
                .query(scope, AuditQuery.all().withAction(action), PageRequest.first(10)).items();
        assertEquals(1, entries.size(), action);
        return entries.get(0);
    }
}
