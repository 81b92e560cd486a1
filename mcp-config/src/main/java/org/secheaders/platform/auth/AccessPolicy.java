package org.secheaders.platform.auth;

import java.util.Objects;
import java.util.Optional;
import org.secheaders.domain.repo.TenantScope;

/**
 * Decides every tool call and resource read before its handler runs, from the {@link AccessMatrix},
 * the identity, the operation and the tenant the request names (empty = platform-wide).
 */
public final class AccessPolicy {

    private final AccessMatrix matrix;

    public AccessPolicy(AccessMatrix matrix) {
        this.matrix = Objects.requireNonNull(matrix, "matrix");
    }

    public AccessDecision authorize(Identity identity, ResourceCategory category, Operation operation,
            Optional<Long> requestedTenant) {
        Grant grant = matrix.grant(identity.role(), category);
        String who = "role " + identity.role().wireName();
        String what = category.wireName();
        if (grant.access() == Access.NONE) {
            return new AccessDecision.Denied(who + " has no access to " + what);
        }
        if (operation == Operation.WRITE && !grant.allowsWrite()) {
            return new AccessDecision.Denied(who + " may only read " + what);
        }
        return switch (grant.access()) {
            case FULL, READ -> allowed(requestedTenant);
            case TENANT_SCOPED -> operation == Operation.WRITE && requestedTenant.isEmpty()
                    ? new AccessDecision.Denied(who + " must name a tenant_id to change " + what)
                    : allowed(requestedTenant);
            case OWN_TENANT -> ownTenant(identity, who, what, requestedTenant);
            case NONE -> throw new IllegalStateException("handled above");
        };
    }

    private static AccessDecision allowed(Optional<Long> requestedTenant) {
        return new AccessDecision.Allowed(requestedTenant.<TenantScope>map(TenantScope::tenant).orElseGet(TenantScope::platform));
    }

    private static AccessDecision ownTenant(Identity identity, String who, String what, Optional<Long> requestedTenant) {
        if (identity.tenantId().isEmpty()) {
            return new AccessDecision.Denied(who + " without a tenant cannot access " + what);
        }
        long own = identity.tenantId().get();
        if (requestedTenant.isEmpty()) {
            return new AccessDecision.Denied(who + " may not access platform-wide " + what
                    + "; pass tenant_id " + own);
        }
        if (requestedTenant.get() != own) {
            return new AccessDecision.Denied(who + " may only access " + what + " of tenant " + own
                    + ", not tenant " + requestedTenant.get());
        }
        return new AccessDecision.Allowed(TenantScope.tenant(own));
    }
}
