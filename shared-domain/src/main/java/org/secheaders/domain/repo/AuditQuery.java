package org.secheaders.domain.repo;

import java.time.Instant;
import java.util.Optional;

/**
 * Filters for audit log queries; every present filter must match.
 *
 * @param from inclusive lower bound of {@code occurred_at}
 * @param to   exclusive upper bound of {@code occurred_at}
 */
public record AuditQuery(
        Optional<String> action,
        Optional<String> actor,
        Optional<String> targetType,
        Optional<String> targetId,
        Optional<Instant> from,
        Optional<Instant> to) {

    private static final AuditQuery ALL = new AuditQuery(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public static AuditQuery all() {
        return ALL;
    }

    public AuditQuery withAction(String value) {
        return new AuditQuery(Optional.of(value), actor, targetType, targetId, from, to);
    }

    public AuditQuery withActor(String value) {
        return new AuditQuery(action, Optional.of(value), targetType, targetId, from, to);
    }

    public AuditQuery withTarget(String type, String id) {
        return new AuditQuery(action, actor, Optional.of(type), Optional.of(id), from, to);
    }

    /** Entries that occurred in {@code [from, to)}. */
    public AuditQuery between(Instant start, Instant end) {
        return new AuditQuery(action, actor, targetType, targetId, Optional.of(start), Optional.of(end));
    }
}
