package org.secheaders.domain.model;

import java.util.Optional;

/**
 * Who performs a change, as recorded in the audit log: a user or token name with its role, and
 * the correlation id of the request (MCP call id, HTTP request id) when there is one.
 */
public record Actor(String name, Role role, Optional<String> correlationId) {
    public Actor {
        Values.requireText(name, "actor");
        Values.require(role, "actor_role");
        Values.require(correlationId, "correlation_id");
    }

    public static Actor of(String name, Role role) {
        return new Actor(name, role, Optional.empty());
    }
}
