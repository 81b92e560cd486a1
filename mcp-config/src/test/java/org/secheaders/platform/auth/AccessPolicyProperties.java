package org.secheaders.platform.auth;

import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.secheaders.domain.model.Role;
import org.secheaders.domain.repo.TenantScope;

/** Invariants of the standard matrix over every role, category, operation and requested tenant. */
class AccessPolicyProperties {

    private static final AccessPolicy POLICY = new AccessPolicy(AccessMatrix.standard());

    @Property
    boolean anAllowedScopeIsExactlyTheRequestedOne(@ForAll("identities") Identity identity,
            @ForAll ResourceCategory category, @ForAll Operation operation,
            @ForAll("tenants") Optional<Long> requested) {
        AccessDecision decision = POLICY.authorize(identity, category, operation, requested);
        if (!(decision instanceof AccessDecision.Allowed allowed)) {
            return true;
        }
        return scopeTenant(allowed.scope()).equals(requested);
    }

    @Property
    boolean ownTenantIdentitiesNeverLeaveTheirTenant(@ForAll("tenantIds") long own,
            @ForAll ResourceCategory category, @ForAll Operation operation, @ForAll("tenants") Optional<Long> requested) {
        Identity identity = new Identity("t", Role.TENANT_ADMIN, Optional.of(own));
        AccessDecision decision = POLICY.authorize(identity, category, operation, requested);
        return !(decision instanceof AccessDecision.Allowed allowed) || allowed.scope().equals(TenantScope.tenant(own));
    }

    @Property
    boolean writesAreAllowedOnlyByReadWriteGrants(@ForAll("identities") Identity identity,
            @ForAll ResourceCategory category, @ForAll("tenants") Optional<Long> requested) {
        boolean allowed = POLICY.authorize(identity, category, Operation.WRITE, requested) instanceof AccessDecision.Allowed;
        return !allowed || AccessMatrix.standard().grant(identity.role(), category).allowsWrite();
    }

    @Provide
    Arbitrary<Long> tenantIds() {
        return Arbitraries.longs().between(1, 5);
    }

    @Provide
    Arbitrary<Optional<Long>> tenants() {
        return tenantIds().optional();
    }

    @Provide
    Arbitrary<Identity> identities() {
        return Arbitraries.of(Role.class).flatMap(role -> tenants()
                .filter(tenant -> role != Role.TENANT_ADMIN || tenant.isPresent())
                .map(tenant -> new Identity("who", role, tenant)));
    }

    private static Optional<Long> scopeTenant(TenantScope scope) {
        return scope instanceof TenantScope.ForTenant forTenant ? Optional.of(forTenant.tenantId()) : Optional.empty();
    }
}
