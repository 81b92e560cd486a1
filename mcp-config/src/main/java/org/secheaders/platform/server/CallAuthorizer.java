package org.secheaders.platform.server;

import io.modelcontextprotocol.common.McpTransportContext;
import java.util.Map;
import java.util.Optional;
import org.secheaders.platform.auth.AccessDecision;
import org.secheaders.platform.auth.AccessPolicy;
import org.secheaders.platform.auth.Identity;
import org.secheaders.platform.auth.Operation;
import org.secheaders.platform.auth.ResourceCategory;
import org.secheaders.platform.auth.TenantDirectory;
import org.secheaders.platform.tool.ResourceNotFoundException;
import org.secheaders.platform.tool.ToolArguments;
import org.secheaders.platform.tool.ToolContext;

/**
 * Resolves the caller and the tenant a call names, and asks the {@link AccessPolicy}: the one gate
 * in front of every handler.
 */
final class CallAuthorizer {

    private final AccessPolicy policy;
    private final CallerResolver callers;
    private final Optional<TenantDirectory> tenants;

    CallAuthorizer(AccessPolicy policy, CallerResolver callers, Optional<TenantDirectory> tenants) {
        this.policy = policy;
        this.callers = callers;
        this.tenants = tenants;
    }

    Optional<Identity> caller(McpTransportContext transport) {
        return callers.resolve(transport);
    }

    /** The tenant a tool call names by {@code tenant_id} or {@code tenant} slug. */
    Optional<Long> requestedTenant(Map<String, Object> arguments) {
        return ToolArguments.requestedTenant(arguments, tenants);
    }

    /** The tenant a resource URI names by slug; an unknown slug names no resource. */
    long tenantOfSlug(String slug) {
        return tenants.flatMap(directory -> directory.idOf(slug))
                .orElseThrow(() -> new ResourceNotFoundException("no tenant '" + slug + "'"));
    }

    Admission admit(Optional<Identity> caller, ResourceCategory category, Operation operation,
            Optional<Long> requestedTenant, String correlationId) {
        if (caller.isEmpty()) {
            return new Admission.Refused("not authenticated");
        }
        AccessDecision decision = policy.authorize(caller.get(), category, operation, requestedTenant);
        if (decision instanceof AccessDecision.Allowed allowed) {
            return new Admission.Admitted(new ToolContext(caller.get(), allowed.scope(), correlationId));
        }
        return new Admission.Refused(((AccessDecision.Denied) decision).reason());
    }
}
