package org.secheaders.platform.auth;

import java.util.Optional;

/**
 * The tenants a call was authorized for, handed to the handler so it can only query those.
 * {@link AllTenants} is platform-wide; {@link OneTenant} confines the handler to a single tenant.
 */
public sealed interface TenantScope permits TenantScope.AllTenants, TenantScope.OneTenant {

    static TenantScope allTenants() {
        return new AllTenants();
    }

    static TenantScope tenant(long tenantId) {
        return new OneTenant(tenantId);
    }

    /** The single tenant, or empty when platform-wide. */
    Optional<Long> tenantId();

    record AllTenants() implements TenantScope {
        @Override
        public Optional<Long> tenantId() {
            return Optional.empty();
        }

        @Override
        public String toString() {
            return "all tenants";
        }
    }

    record OneTenant(long id) implements TenantScope {
        public OneTenant {
            if (id <= 0) {
                throw new IllegalArgumentException("tenant id must be positive, was " + id);
            }
        }

        @Override
        public Optional<Long> tenantId() {
            return Optional.of(id);
        }

        @Override
        public String toString() {
            return "tenant " + id;
        }
    }
}
