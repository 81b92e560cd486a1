package org.secheaders.platform.tool;

import java.util.Objects;
import org.secheaders.platform.auth.Identity;
import org.secheaders.platform.auth.TenantScope;

/**
 * What an authorized tool call or resource read may use: who called, the tenants it was
 * authorized for (query only those), and the correlation id that is also in every log line.
 */
public record ToolContext(Identity identity, TenantScope scope, String correlationId) {

    public ToolContext {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(correlationId, "correlationId");
    }

    /** The single tenant of this call, for tools that cannot work platform-wide. */
    public long requireTenant() {
        return scope.tenantId().orElseThrow(() ->
                new ToolInputException(ToolArguments.TENANT_ID, "is required by this tool"));
    }
}
