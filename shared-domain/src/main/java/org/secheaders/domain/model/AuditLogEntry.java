package org.secheaders.domain.model;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * An append-only record of an administrative action. Every policy and compliance write appends
 * one in the same transaction as the change.
 *
 * @param tenantId empty for platform-wide actions (visible to the platform scope only)
 * @param action   dotted verb, e.g. {@code policy.create}, {@code policy.activate}, {@code compliance.check}
 */
public record AuditLogEntry(
        long id,
        Optional<Long> tenantId,
        String actor,
        Role actorRole,
        String action,
        String targetType,
        String targetId,
        Map<String, Object> details,
        Optional<String> correlationId,
        Instant occurredAt) {

    public AuditLogEntry {
        details = Values.jsonMap(details);
    }

    /** An entry to append; the repository stamps {@code occurred_at}. */
    public record Draft(
            Optional<Long> tenantId,
            Actor actor,
            String action,
            String targetType,
            String targetId,
            Map<String, Object> details) {

        public Draft {
            Values.require(tenantId, "tenant_id");
            Values.require(actor, "actor");
            Values.requireText(action, "action");
            Values.requireText(targetType, "target_type");
            Values.requireText(targetId, "target_id");
            details = Values.jsonMap(details);
        }
    }
}
