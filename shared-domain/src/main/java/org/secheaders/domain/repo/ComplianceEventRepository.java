package org.secheaders.domain.repo;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.secheaders.domain.db.UtcTimestamps;
import org.secheaders.domain.model.CheckResult;
import org.secheaders.domain.model.ComplianceEvent;
import org.secheaders.domain.model.ComplianceFramework;
import org.secheaders.domain.model.DeliveryState;
import org.secheaders.domain.model.SecuritySeverity;

/**
 * Non-compliance events and their webhook delivery state. Delivery is at least once: an instance
 * claims an event by setting it pending with a fresh {@code last_attempt_at} in a conditional
 * update, so two schedulers on one database do not post it at the same time; a delivery that
 * crashed is taken over after the lease, a failed one by the next tick.
 */
public final class ComplianceEventRepository {
    private static final String SELECT = """
            SELECT id, tenant_id, framework, control_id, control_name, result_before, result_after, severity,
                   remediation, detected_at, delivery_state, delivery_attempts, last_attempt_at, last_error,
                   delivered_at
            FROM compliance_events""";
    private static final String INSERT = """
            INSERT INTO compliance_events (tenant_id, framework, control_id, control_name, result_before,
                result_after, severity, remediation, detected_at, delivery_state, delivery_attempts)
            VALUES (:tenant_id, :framework, :control_id, :control_name, :result_before,
                :result_after, :severity, :remediation, :detected_at, 'pending', 0)""";
    /** A pending event with a recent attempt is being posted right now; a failed one waits for anyone. */
    private static final String CLAIM = """
            UPDATE compliance_events SET delivery_state = 'pending', last_attempt_at = :now
            WHERE id = :id AND (delivery_state = 'failed'
              OR (delivery_state = 'pending' AND (last_attempt_at IS NULL OR last_attempt_at <= :stale_before)))""";
    private static final String DELIVERED = """
            UPDATE compliance_events SET delivery_state = 'delivered', delivery_attempts = delivery_attempts + :attempts,
                last_attempt_at = :at, last_error = NULL, delivered_at = :at
            WHERE id = :id""";
    private static final String FAILED = """
            UPDATE compliance_events SET delivery_state = 'failed', delivery_attempts = delivery_attempts + :attempts,
                last_attempt_at = :at, last_error = :error
            WHERE id = :id""";

    private final Jdbi jdbi;

    public ComplianceEventRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Stores new pending events in one transaction; @return them in the order of {@code drafts}. */
    public List<ComplianceEvent> insert(TenantScope scope, List<ComplianceEvent.Draft> drafts) {
        drafts.forEach(draft -> scope.requireAccess(draft.tenantId()));
        if (drafts.isEmpty()) {
            return List.of();
        }
        return jdbi.inTransaction(handle -> {
            List<ComplianceEvent> stored = new ArrayList<>(drafts.size());
            for (ComplianceEvent.Draft draft : drafts) {
                long id = handle.createUpdate(INSERT)
                        .bind("tenant_id", draft.tenantId())
                        .bind("framework", draft.framework().wireName())
                        .bind("control_id", draft.controlId())
                        .bind("control_name", draft.controlName())
                        .bind("result_before", draft.before().wireName())
                        .bind("result_after", draft.after().wireName())
                        .bind("severity", draft.severity().wireName())
                        .bind("remediation", draft.remediation())
                        .bind("detected_at", draft.detectedAt())
                        .executeAndReturnGeneratedKeys("id")
                        .mapTo(Long.class)
                        .one();
                stored.add(find(handle, scope, id).orElseThrow());
            }
            return stored;
        });
    }

    public Optional<ComplianceEvent> findById(TenantScope scope, long id) {
        return jdbi.withHandle(handle -> find(handle, scope, id));
    }

    /** The scope's newest events first, optionally of one framework. */
    public List<ComplianceEvent> list(TenantScope scope, Optional<ComplianceFramework> framework, int limit) {
        Where where = Where.scoped(scope).and(framework.map(ComplianceFramework::wireName), "framework = :framework",
                "framework");
        return jdbi.withHandle(handle -> where
                .bind(handle.createQuery(SELECT + where.sql() + " ORDER BY detected_at DESC, id DESC LIMIT :limit"))
                .bind("limit", PageRequest.requireLimit(limit))
                .map(ComplianceEventRepository::map)
                .list());
    }

    /** Events not delivered yet with fewer than {@code maxAttempts} attempts, oldest first. */
    public List<ComplianceEvent> undelivered(TenantScope scope, int maxAttempts, int limit) {
        Where where = Where.scoped(scope)
                .and("delivery_state <> 'delivered'")
                .and("delivery_attempts < :max_attempts", "max_attempts", maxAttempts);
        return jdbi.withHandle(handle -> where
                .bind(handle.createQuery(SELECT + where.sql() + " ORDER BY id LIMIT :limit"))
                .bind("limit", PageRequest.requireLimit(limit))
                .map(ComplianceEventRepository::map)
                .list());
    }

    /**
     * Takes an undelivered event for one delivery unless another instance started posting it
     * after {@code staleBefore}.
     *
     * @return whether this caller may post it now
     */
    public boolean claimDelivery(long id, Instant now, Instant staleBefore) {
        return jdbi.withHandle(handle -> handle.createUpdate(CLAIM)
                .bind("id", id)
                .bind("now", now)
                .bind("stale_before", staleBefore)
                .execute()) == 1;
    }

    /** @param attempts posts made in this delivery (retries included) */
    public void recordDelivered(long id, int attempts, Instant at) {
        jdbi.useHandle(handle -> handle.createUpdate(DELIVERED)
                .bind("id", id).bind("attempts", attempts).bind("at", at).execute());
    }

    public void recordFailed(long id, int attempts, Instant at, String error) {
        jdbi.useHandle(handle -> handle.createUpdate(FAILED)
                .bind("id", id).bind("attempts", attempts).bind("at", at).bind("error", Rows.errorText(error)).execute());
    }

    private static Optional<ComplianceEvent> find(Handle handle, TenantScope scope, long id) {
        Where where = Where.scoped(scope).and("id = :id", "id", id);
        return where.bind(handle.createQuery(SELECT + where.sql())).map(ComplianceEventRepository::map).findOne();
    }

    private static ComplianceEvent map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new ComplianceEvent(
                rs.getLong("id"),
                rs.getLong("tenant_id"),
                ComplianceFramework.fromWire(rs.getString("framework")),
                rs.getString("control_id"),
                rs.getString("control_name"),
                CheckResult.fromWire(rs.getString("result_before")),
                CheckResult.fromWire(rs.getString("result_after")),
                SecuritySeverity.fromWire(rs.getString("severity")),
                rs.getString("remediation"),
                UtcTimestamps.read(rs, "detected_at"),
                DeliveryState.fromWire(rs.getString("delivery_state")),
                rs.getInt("delivery_attempts"),
                UtcTimestamps.readOptional(rs, "last_attempt_at"),
                Rows.optionalString(rs, "last_error"),
                UtcTimestamps.readOptional(rs, "delivered_at"));
    }
}
