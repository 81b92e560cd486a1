package org.secheaders.domain.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.secheaders.domain.model.Role;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.testing.DbKind;
import org.secheaders.domain.testing.TestDatabases;
import org.secheaders.domain.testing.TestTenants;

class AuditLogRepositoryTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    private static final Actor ROOT = new Actor("root", Role.SUPERADMIN, Optional.of("cli-1"));

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void appendsTenantAndPlatformEntries(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(db);
        TenantScope scope = TenantScope.tenant(tenant.id());
        Instant before = db.clock().instant().minusSeconds(1);

        AuditLogEntry tenantEntry = db.auditLog().append(scope, new AuditLogEntry.Draft(Optional.of(tenant.id()),
                Actor.of("alice", Role.TENANT_ADMIN), "token.create", "api_token", "17", Map.of("name", "ci")));
        String platformTarget = "platform-" + tenant.slug();
        AuditLogEntry platformEntry = db.auditLog().append(TenantScope.platform(), new AuditLogEntry.Draft(
                Optional.empty(), ROOT, "tenant.create", "tenant", platformTarget, Map.of()));

        assertEquals(Optional.of(tenant.id()), tenantEntry.tenantId());
        assertEquals("alice", tenantEntry.actor());
        assertEquals(Role.TENANT_ADMIN, tenantEntry.actorRole());
        assertEquals("token.create", tenantEntry.action());
        assertEquals("api_token", tenantEntry.targetType());
        assertEquals("17", tenantEntry.targetId());
        assertEquals(Map.of("name", "ci"), tenantEntry.details());
        assertEquals(Optional.empty(), tenantEntry.correlationId());
        assertFalse(tenantEntry.occurredAt().isBefore(before));
        assertEquals(Optional.empty(), platformEntry.tenantId());
        assertEquals(Optional.of("cli-1"), platformEntry.correlationId());

        assertEquals(List.of(tenantEntry), db.auditLog().query(scope, AuditQuery.all(), PageRequest.first(10)).items(),
                "a tenant scope sees neither platform-wide entries nor other tenants'");
        assertEquals(List.of(platformEntry), db.auditLog().query(TenantScope.platform(),
                AuditQuery.all().withTarget("tenant", platformTarget), PageRequest.first(10)).items());
        assertThrows(TenantAccessDeniedException.class, () -> db.auditLog().append(scope,
                new AuditLogEntry.Draft(Optional.empty(), ROOT, "tenant.create", "tenant", "x", Map.of())));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void queriesByActionActorTargetAndTimeNewestFirst(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(db);
        TenantScope scope = TenantScope.tenant(tenant.id());
        Actor alice = Actor.of("alice", Role.TENANT_ADMIN);
        Actor bob = Actor.of("bob", Role.MANAGER);
        AuditLogEntry first = append(db, scope, tenant, alice, "policy.create", "1");
        AuditLogEntry second = append(db, scope, tenant, bob, "policy.activate", "1");
        AuditLogEntry third = append(db, scope, tenant, alice, "policy.activate", "2");

        assertEquals(List.of(third, second, first), db.auditLog().query(scope, AuditQuery.all(), PageRequest.first(10)).items());
        assertEquals(List.of(third, second), ids(db, scope, AuditQuery.all().withAction("policy.activate")));
        assertEquals(List.of(third, first), ids(db, scope, AuditQuery.all().withActor("alice")));
        assertEquals(List.of(second, first), ids(db, scope, AuditQuery.all().withTarget("tenant_security_policy", "1")));
        assertEquals(List.of(third), ids(db, scope, AuditQuery.all().withActor("alice").withAction("policy.activate")));
        assertEquals(List.of(third, second, first), ids(db, scope,
                AuditQuery.all().between(first.occurredAt(), third.occurredAt().plusSeconds(1))));
        assertTrue(ids(db, scope, AuditQuery.all().between(third.occurredAt().plusSeconds(1), third.occurredAt().plusSeconds(2)))
                .isEmpty());
        Page<AuditLogEntry> page = db.auditLog().query(scope, AuditQuery.all(), PageRequest.first(2));
        assertEquals(3, page.total());
        assertTrue(page.hasMore());
    }

    private static AuditLogEntry append(Database db, TenantScope scope, Tenant tenant, Actor actor, String action, String id) {
        return db.auditLog().append(scope, new AuditLogEntry.Draft(Optional.of(tenant.id()), actor, action,
                "tenant_security_policy", id, Map.of()));
    }

    private static List<AuditLogEntry> ids(Database db, TenantScope scope, AuditQuery query) {
        return db.auditLog().query(scope, query, PageRequest.first(10)).items();
    }
}
