package org.secheaders.platform.server;

import io.modelcontextprotocol.common.McpTransportContext;
import java.util.Optional;
import org.secheaders.platform.auth.AccessDecision;
import org.secheaders.platform.auth.AccessPolicy;
import org.secheaders.platform.auth.Identity;
import org.secheaders.platform.auth.Operation;
import org.secheaders.platform.auth.ResourceCategory;
import org.secheaders.platform.tool.ToolContext;

/** Resolves the caller and asks the {@link AccessPolicy}: the one gate in front of every handler. */
final class CallAuthorizer {

    private final AccessPolicy policy;
    private final CallerResolver callers;

    CallAuthorizer(AccessPolicy policy, CallerResolver callers) {
        this.policy = policy;
        this.callers = callers;
    }

    Optional<Identity> caller(McpTransportContext transport) {
        return callers.resolve(transport);
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
