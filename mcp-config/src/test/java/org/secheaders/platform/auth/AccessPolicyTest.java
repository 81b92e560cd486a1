package org.secheaders.platform.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.secheaders.domain.model.Role;
import org.secheaders.domain.repo.TenantScope;

class AccessPolicyTest {

    private static final AccessPolicy STANDARD = new AccessPolicy(AccessMatrix.standard());

    private static final Identity SUPERADMIN = new Identity("root", Role.SUPERADMIN, Optional.empty());
    private static final Identity ADMIN = new Identity("ada", Role.ADMIN, Optional.empty());
    private static final Identity MANAGER = new Identity("max", Role.MANAGER, Optional.of(3L));
    private static final Identity TENANT_ADMIN_7 = new Identity("tom", Role.TENANT_ADMIN, Optional.of(7L));

    @Test
    void fullAccessReachesEverythingIncludingPlatformWideWrites() {
        assertEquals(allowed(TenantScope.platform()),
                STANDARD.authorize(SUPERADMIN, ResourceCategory.SYSTEM_CONFIG, Operation.WRITE, Optional.empty()));
        assertEquals(allowed(TenantScope.tenant(9)),
                STANDARD.authorize(SUPERADMIN, ResourceCategory.VIOLATIONS, Operation.WRITE, Optional.of(9L)));
    }

    @Test
    void readGrantRefusesWrites() {
        assertEquals(allowed(TenantScope.platform()),
                STANDARD.authorize(ADMIN, ResourceCategory.SYSTEM_CONFIG, Operation.READ, Optional.empty()));
        assertEquals(denied("role admin may only read system_config"),
                STANDARD.authorize(ADMIN, ResourceCategory.SYSTEM_CONFIG, Operation.WRITE, Optional.empty()));
    }

    @Test
    void noneRefusesEvenReads() {
        assertEquals(denied("role manager has no access to system_config"),
                STANDARD.authorize(MANAGER, ResourceCategory.SYSTEM_CONFIG, Operation.READ, Optional.empty()));
    }

    @Test
    void managerReadsAnyTenantOrPlatformWideButNeverWrites() {
        assertEquals(allowed(TenantScope.platform()),
                STANDARD.authorize(MANAGER, ResourceCategory.COMPLIANCE, Operation.READ, Optional.empty()));
        assertEquals(allowed(TenantScope.tenant(11)),
                STANDARD.authorize(MANAGER, ResourceCategory.COMPLIANCE, Operation.READ, Optional.of(11L)));
        assertEquals(denied("role manager may only read violations"),
                STANDARD.authorize(MANAGER, ResourceCategory.VIOLATIONS, Operation.WRITE, Optional.of(3L)));
    }

    @Test
    void ownTenantIsConfinedToTheIdentitysTenant() {
        assertEquals(allowed(TenantScope.tenant(7)),
                STANDARD.authorize(TENANT_ADMIN_7, ResourceCategory.TENANT_POLICIES, Operation.WRITE, Optional.of(7L)));
        assertEquals(denied("role tenant_admin may only access tenant_policies of tenant 7, not tenant 8"),
                STANDARD.authorize(TENANT_ADMIN_7, ResourceCategory.TENANT_POLICIES, Operation.WRITE, Optional.of(8L)));
        assertEquals(denied("role tenant_admin may not access platform-wide violations; pass tenant_id 7"),
                STANDARD.authorize(TENANT_ADMIN_7, ResourceCategory.VIOLATIONS, Operation.READ, Optional.empty()));
    }

    @Test
    void tenantScopedWritesMustNameATenant() {
        AccessPolicy policy = new AccessPolicy(matrixGranting(Role.MANAGER, Grant.tenantScoped(Grant.Mode.READ_WRITE)));

        assertEquals(denied("role manager must name a tenant_id to change metrics"),
                policy.authorize(MANAGER, ResourceCategory.METRICS, Operation.WRITE, Optional.empty()));
        assertEquals(allowed(TenantScope.tenant(12)),
                policy.authorize(MANAGER, ResourceCategory.METRICS, Operation.WRITE, Optional.of(12L)));
        assertEquals(allowed(TenantScope.platform()),
                policy.authorize(MANAGER, ResourceCategory.METRICS, Operation.READ, Optional.empty()));
    }

    @Test
    void ownTenantAccessNeedsAnIdentityWithATenant() {
        AccessPolicy policy = new AccessPolicy(matrixGranting(Role.ADMIN, Grant.ownTenant(Grant.Mode.READ_ONLY)));

        assertEquals(denied("role admin without a tenant cannot access metrics"),
                policy.authorize(ADMIN, ResourceCategory.METRICS, Operation.READ, Optional.of(1L)));
    }

    @Test
    void matrixNeedsEveryCell() {
        Map<Role, List<Grant>> rows = rows(Grant.FULL);
        rows.put(Role.ADMIN, List.of(Grant.FULL, Grant.FULL));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AccessMatrix(rows));
        assertEquals("access matrix needs 5 grants for role admin, got 2", e.getMessage());
    }

    @Test
    void grantsCannotContradictTheirAccess() {
        assertThrows(IllegalArgumentException.class, () -> new Grant(Access.FULL, Grant.Mode.READ_ONLY));
        assertThrows(IllegalArgumentException.class, () -> new Grant(Access.READ, Grant.Mode.READ_WRITE));
        assertThrows(IllegalArgumentException.class, () -> new Grant(Access.NONE, Grant.Mode.READ_WRITE));
    }

    @Test
    void tenantAdminWithoutTenantCannotExist() {
        assertThrows(IllegalArgumentException.class, () -> new Identity("t", Role.TENANT_ADMIN, Optional.empty()));
    }

    private static AccessDecision allowed(TenantScope scope) {
        return new AccessDecision.Allowed(scope);
    }

    private static AccessDecision denied(String reason) {
        return new AccessDecision.Denied(reason);
    }

    /** Every role NONE everywhere, except one role with one grant everywhere. */
    private static AccessMatrix matrixGranting(Role role, Grant grant) {
        Map<Role, List<Grant>> rows = rows(Grant.NONE);
        rows.put(role, List.of(grant, grant, grant, grant, grant));
        return new AccessMatrix(rows);
    }

    private static Map<Role, List<Grant>> rows(Grant everywhere) {
        Map<Role, List<Grant>> rows = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            rows.put(role, List.of(everywhere, everywhere, everywhere, everywhere, everywhere));
        }
        return rows;
    }
}
