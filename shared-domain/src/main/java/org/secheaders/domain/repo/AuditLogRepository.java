package org.secheaders.domain.repo;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.secheaders.domain.db.UtcTimestamps;
import org.secheaders.domain.model.AuditLogEntry;
import org.secheaders.domain.model.Role;

/**
 * The append-only audit log. Entries without a tenant (platform-wide actions) are visible to the
 * platform scope only. Other repositories append through {@link #append(Handle, AuditLogEntry.Draft)}
 * inside their own transaction, so a change and its audit entry commit together.
 */
public final class AuditLogRepository {
    private static final String SELECT = """
            SELECT id, tenant_id, actor, actor_role, action, target_type, target_id, details,
                   correlation_id, occurred_at
            FROM audit_log""";
    private static final String INSERT = """
            INSERT INTO audit_log (tenant_id, actor, actor_role, action, target_type, target_id, details,
                correlation_id, occurred_at)
            VALUES (:tenant_id, :actor, :actor_role, :action, :target_type, :target_id, :details,
                :correlation_id, :occurred_at)""";

    private final Jdbi jdbi;
    private final Clock clock;

    public AuditLogRepository(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** @throws TenantAccessDeniedException if the entry's tenant (or, for none, the platform) is outside {@code scope} */
    public AuditLogEntry append(TenantScope scope, AuditLogEntry.Draft draft) {
        scope.requireAccess(draft.tenantId());
        return jdbi.inTransaction(handle -> {
            long id = append(handle, draft);
            Where where = Where.scoped(scope).and("id = :id", "id", id);
            return where.bind(handle.createQuery(SELECT + where.sql())).map(AuditLogRepository::map).one();
        });
    }

    /** Appends within the caller's transaction; the caller has checked the scope. */
    long append(Handle handle, AuditLogEntry.Draft draft) {
        return handle.createUpdate(INSERT)
                .bind("tenant_id", draft.tenantId().orElse(null))
                .bind("actor", draft.actor().name())
                .bind("actor_role", draft.actor().role().wireName())
                .bind("action", draft.action())
                .bind("target_type", draft.targetType())
                .bind("target_id", draft.targetId())
                .bind("details", Json.write(draft.details()))
                .bind("correlation_id", draft.actor().correlationId().orElse(null))
                .bind("occurred_at", clock.instant())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    /** Matching entries, newest first, with the total number of matches. */
    public Page<AuditLogEntry> query(TenantScope scope, AuditQuery query, PageRequest page) {
        Where where = Where.scoped(scope)
                .and(query.action(), "action = :action", "action")
                .and(query.actor(), "actor = :actor", "actor")
                .and(query.targetType(), "target_type = :target_type", "target_type")
                .and(query.targetId(), "target_id = :target_id", "target_id")
                .and(query.from(), "occurred_at >= :from", "from")
                .and(query.to(), "occurred_at < :to", "to");
        return jdbi.inTransaction(handle -> {
            long total = where.bind(handle.createQuery("SELECT COUNT(*) FROM audit_log" + where.sql()))
                    .mapTo(Long.class)
                    .one();
            List<AuditLogEntry> items = where.bind(handle.createQuery(
                            SELECT + where.sql() + " ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset"))
                    .bind("limit", page.limit())
                    .bind("offset", page.offset())
                    .map(AuditLogRepository::map)
                    .list();
            return new Page<>(items, total, page);
        });
    }

    private static AuditLogEntry map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new AuditLogEntry(
                rs.getLong("id"),
                Rows.optionalLong(rs, "tenant_id"),
                rs.getString("actor"),
                Role.fromWire(rs.getString("actor_role")),
                rs.getString("action"),
                rs.getString("target_type"),
                rs.getString("target_id"),
                Json.readObject(rs.getString("details")),
                Rows.optionalString(rs, "correlation_id"),
                UtcTimestamps.read(rs, "occurred_at"));
    }
}
