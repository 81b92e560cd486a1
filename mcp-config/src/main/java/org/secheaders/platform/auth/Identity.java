package org.secheaders.platform.auth;

import java.util.Objects;
import java.util.Optional;
import org.secheaders.domain.model.Role;

/**
 * Who is calling: a bearer token's owner in HTTP mode, the configured local identity in stdio mode.
 * A tenant admin always belongs to a tenant; other roles may name one for information.
 */
public record Identity(String subject, Role role, Optional<Long> tenantId) {

    public Identity {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(tenantId, "tenantId");
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("identity subject must not be blank");
        }
        if (role == Role.TENANT_ADMIN && tenantId.isEmpty()) {
            throw new IllegalArgumentException("role tenant_admin needs a tenant id");
        }
        tenantId.filter(id -> id <= 0).ifPresent(id -> {
            throw new IllegalArgumentException("tenant id must be positive, was " + id);
        });
    }

    /** Short form for logs and messages, e.g. {@code alice (tenant_admin, tenant 7)}. */
    public String describe() {
        return subject + " (" + role.wireName() + tenantId.map(t -> ", tenant " + t).orElse("") + ")";
    }
}
