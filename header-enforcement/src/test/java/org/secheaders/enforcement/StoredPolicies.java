package org.secheaders.enforcement;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.Actor;
import org.secheaders.domain.model.PolicyInheritanceMode;
import org.secheaders.domain.model.PolicyType;
import org.secheaders.domain.model.Role;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.model.TenantSecurityPolicy;
import org.secheaders.domain.policy.OverridePermissions;
import org.secheaders.domain.policy.PolicyConfig;
import org.secheaders.domain.repo.TenantScope;

/** Policy rows written through the real repository, for the database-backed tests. */
public final class StoredPolicies {
    private static final Actor ADMIN = Actor.of("test-admin", Role.SUPERADMIN);

    private StoredPolicies() {
    }

    public static TenantKey key(Tenant tenant) {
        return new TenantKey(tenant.slug());
    }

    /**
     * Stores and activates an EXTEND row adding {@code source} to {@code directive}, as a tenant admin
     * would (rows are stored inactive); each step bumps the tenant's policy version.
     */
    public static TenantSecurityPolicy extend(Database db, Tenant tenant, String directive, String source) {
        PolicyConfig config = new PolicyConfig(Map.of(directive, List.of(source)), null, null, null, null);
        TenantScope scope = TenantScope.tenant(tenant.id());
        TenantSecurityPolicy stored = db.policies().insert(scope, new TenantSecurityPolicy.Draft(tenant.id(),
                directive + " " + source, PolicyType.HEADERS, config, PolicyInheritanceMode.EXTEND,
                OverridePermissions.none(), Instant.parse("2020-01-01T00:00:00Z"), Optional.empty()), ADMIN);
        return db.policies().activate(scope, stored.id(), ADMIN).orElseThrow();
    }
}
