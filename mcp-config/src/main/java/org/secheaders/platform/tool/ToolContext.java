package org.secheaders.platform.tool;

import java.util.Objects;
import java.util.Optional;
import org.secheaders.domain.repo.TenantScope;
import org.secheaders.platform.auth.Identity;

/**
 * What an authorized tool call or resource read may use: who called, the tenants it was
 * authorized for (pass {@link #scope()} to the repositories, which then see only those), and the
 * correlation id that is also in every log line.
 */
public record ToolContext(Identity identity, TenantScope scope, String correlationId) {

    public ToolContext {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(correlationId, "correlationId");
    }

    /** The single tenant of this call, or empty when it was authorized platform-wide. */
    public Optional<Long> tenantId() {
        return scope instanceof TenantScope.ForTenant forTenant ? Optional.of(forTenant.tenantId()) : Optional.empty();
    }

    /** The single tenant of this call, for tools that cannot work platform-wide. */
    public long requireTenant() {
        return tenantId().orElseThrow(() ->
                new ToolInputException(ToolArguments.TENANT_ID, "is required by this tool"));
    }
}
