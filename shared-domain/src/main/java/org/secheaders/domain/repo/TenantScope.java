package org.secheaders.domain.repo;

import java.util.Optional;

/**
 * Whose rows a repository call may see or change. Every method that touches tenant-owned rows
 * takes one: a {@link ForTenant} scope adds {@code tenant_id = ?} to the statement, so a
 * tenant's call can never read or write another tenant's rows.
 *
 * <p>{@link #platform()} reads and writes across tenants. Callers get it only where the access
 * matrix grants platform-wide access for their role and resource category (docs/AUTHORIZATION.md;
 * the MCP platform decides this before any handler runs), and platform jobs (collector,
 * scheduler, cache pollers) use it; everything acting for one tenant uses {@link #tenant(long)}.
 */
public sealed interface TenantScope {

    static ForTenant tenant(long tenantId) {
        return new ForTenant(tenantId);
    }

    static Platform platform() {
        return new Platform();
    }

    boolean permits(long tenantId);

    /** @throws TenantAccessDeniedException unless this scope may touch {@code tenantId}'s rows */
    default void requireAccess(long tenantId) {
        if (!permits(tenantId)) {
            throw new TenantAccessDeniedException(this, Optional.of(tenantId));
        }
    }

    /** Like {@link #requireAccess(long)}; rows of no tenant (platform-wide) need the platform scope. */
    default void requireAccess(Optional<Long> tenantId) {
        if (tenantId.isPresent()) {
            requireAccess(tenantId.get());
        } else if (!(this instanceof Platform)) {
            throw new TenantAccessDeniedException(this, tenantId);
        }
    }

    /** The rows of one tenant. */
    record ForTenant(long tenantId) implements TenantScope {
        public ForTenant {
            if (tenantId <= 0) {
                throw new IllegalArgumentException("tenant id must be positive: " + tenantId);
            }
        }

        @Override
        public boolean permits(long id) {
            return id == tenantId;
        }

        /** Audit logs and messages read "tenant 7". */
        @Override
        public String toString() {
            return "tenant " + tenantId;
        }
    }

    /** The rows of every tenant, and platform-wide rows. */
    record Platform() implements TenantScope {
        @Override
        public boolean permits(long tenantId) {
            return true;
        }

        @Override
        public String toString() {
            return "all tenants";
        }
    }
}
