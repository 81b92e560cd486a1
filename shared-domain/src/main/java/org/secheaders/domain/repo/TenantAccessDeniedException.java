package org.secheaders.domain.repo;

import java.util.Optional;

/** A write named a tenant (or no tenant) outside the caller's {@link TenantScope}. */
public final class TenantAccessDeniedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TenantAccessDeniedException(TenantScope scope, Optional<Long> tenantId) {
        super(scope + " may not access "
                + tenantId.map(id -> "tenant " + id).orElse("platform-wide rows"));
    }
}
