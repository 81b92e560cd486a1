package org.secheaders.domain.repo;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.secheaders.domain.db.Dialect;
import org.secheaders.domain.db.UtcTimestamps;
import org.secheaders.domain.model.Actor;
import org.secheaders.domain.model.AuditLogEntry;
import org.secheaders.domain.model.CheckResult;
import org.secheaders.domain.model.ComplianceCheck;
import org.secheaders.domain.model.ComplianceFramework;
import org.secheaders.domain.model.ComplianceStatus;

/**
 * The latest result per (tenant, framework, control). Upserts are single statements in each
 * dialect's syntax, so a concurrent re-check of the same control updates instead of failing on
 * the unique key (on PostgreSQL and MariaDB; H2's MERGE is the closest it offers). Every upserted
 * control writes a {@value #AUDIT_ACTION} audit entry in the same transaction.
 */
public final class ComplianceCheckRepository {
    public static final String AUDIT_ACTION = "compliance.check";
    public static final String AUDIT_TARGET = "compliance_check";

    private static final String SELECT = """
            SELECT id, tenant_id, framework, control_id, control_name, check_result, compliance_status,
                   evidence_data, remediation_suggestions, checked_at, next_check_at, metadata,
                   created_at, updated_at
            FROM compliance_checks""";

    private static final String UPSERT_H2 = """
            MERGE INTO compliance_checks c
            USING (VALUES (1)) AS src (one)
            ON c.tenant_id = :tenant_id AND c.framework = :framework AND c.control_id = :control_id
            WHEN MATCHED THEN UPDATE SET
                control_name = :control_name, check_result = :check_result,
                compliance_status = :compliance_status, evidence_data = :evidence_data,
                remediation_suggestions = :remediation_suggestions, checked_at = :checked_at,
                next_check_at = :next_check_at, metadata = :metadata, updated_at = :now
            WHEN NOT MATCHED THEN INSERT (tenant_id, framework, control_id, control_name, check_result,
                compliance_status, evidence_data, remediation_suggestions, checked_at, next_check_at,
                metadata, created_at, updated_at)
            VALUES (:tenant_id, :framework, :control_id, :control_name, :check_result,
                :compliance_status, :evidence_data, :remediation_suggestions, :checked_at, :next_check_at,
                :metadata, :now, :now)""";

    private static final String UPSERT_POSTGRESQL = """
            INSERT INTO compliance_checks (tenant_id, framework, control_id, control_name, check_result,
                compliance_status, evidence_data, remediation_suggestions, checked_at, next_check_at,
                metadata, created_at, updated_at)
            VALUES (:tenant_id, :framework, :control_id, :control_name, :check_result,
                :compliance_status, :evidence_data, :remediation_suggestions, :checked_at, :next_check_at,
                :metadata, :now, :now)
            ON CONFLICT (tenant_id, framework, control_id) DO UPDATE SET
                control_name = EXCLUDED.control_name, check_result = EXCLUDED.check_result,
                compliance_status = EXCLUDED.compliance_status, evidence_data = EXCLUDED.evidence_data,
                remediation_suggestions = EXCLUDED.remediation_suggestions, checked_at = EXCLUDED.checked_at,
                next_check_at = EXCLUDED.next_check_at, metadata = EXCLUDED.metadata,
                updated_at = EXCLUDED.updated_at""";

    private static final String UPSERT_MARIADB = """
            INSERT INTO compliance_checks (tenant_id, framework, control_id, control_name, check_result,
                compliance_status, evidence_data, remediation_suggestions, checked_at, next_check_at,
                metadata, created_at, updated_at)
            VALUES (:tenant_id, :framework, :control_id, :control_name, :check_result,
                :compliance_status, :evidence_data, :remediation_suggestions, :checked_at, :next_check_at,
                :metadata, :now, :now)
            ON DUPLICATE KEY UPDATE
                control_name = VALUES(control_name), check_result = VALUES(check_result),
                compliance_status = VALUES(compliance_status), evidence_data = VALUES(evidence_data),
                remediation_suggestions = VALUES(remediation_suggestions), checked_at = VALUES(checked_at),
                next_check_at = VALUES(next_check_at), metadata = VALUES(metadata),
                updated_at = VALUES(updated_at)""";

    private final Jdbi jdbi;
    private final String upsert;
    private final Clock clock;
    private final AuditLogRepository audit;

    public ComplianceCheckRepository(Jdbi jdbi, Dialect dialect, Clock clock, AuditLogRepository audit) {
        this.jdbi = jdbi;
        this.upsert = switch (dialect) {
            case H2 -> UPSERT_H2;
            case POSTGRESQL -> UPSERT_POSTGRESQL;
            case MARIADB -> UPSERT_MARIADB;
        };
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Inserts or replaces the result of each control (keeping the row's id and {@code created_at})
     * and audits each one as {@code actor}, all in one transaction.
     *
     * @return the stored rows, in the order of {@code drafts}
     */
    public List<ComplianceCheck> upsert(TenantScope scope, List<ComplianceCheck.Draft> drafts, Actor actor) {
        drafts.forEach(draft -> scope.requireAccess(draft.tenantId()));
        return jdbi.inTransaction(handle -> {
            Instant now = clock.instant();
            List<ComplianceCheck> stored = new ArrayList<>(drafts.size());
            for (ComplianceCheck.Draft draft : drafts) {
                handle.createUpdate(upsert)
                        .bind("tenant_id", draft.tenantId())
                        .bind("framework", draft.framework().wireName())
                        .bind("control_id", draft.controlId())
                        .bind("control_name", draft.controlName())
                        .bind("check_result", draft.checkResult().wireName())
                        .bind("compliance_status", draft.complianceStatus().wireName())
                        .bind("evidence_data", Json.write(draft.evidenceData()))
                        .bind("remediation_suggestions", Json.write(draft.remediationSuggestions()))
                        .bind("checked_at", draft.checkedAt())
                        .bindByType("next_check_at", draft.nextCheckAt().orElse(null), Instant.class)
                        .bind("metadata", Json.write(draft.metadata()))
                        .bind("now", now)
                        .execute();
                ComplianceCheck check = findByKey(handle, scope, draft.tenantId(), draft.framework(), draft.controlId())
                        .orElseThrow();
                audit.append(handle, new AuditLogEntry.Draft(Optional.of(check.tenantId()), actor, AUDIT_ACTION,
                        AUDIT_TARGET, Long.toString(check.id()), Map.of(
                                "framework", check.framework().wireName(),
                                "control_id", check.controlId(),
                                "check_result", check.checkResult().wireName(),
                                "compliance_status", check.complianceStatus().wireName())));
                stored.add(check);
            }
            return stored;
        });
    }

    public Optional<ComplianceCheck> findByKey(
            TenantScope scope, long tenantId, ComplianceFramework framework, String controlId) {
        return jdbi.withHandle(handle -> findByKey(handle, scope, tenantId, framework, controlId));
    }

    /** The scope's results for one framework, by tenant and control id. */
    public List<ComplianceCheck> findByFramework(TenantScope scope, ComplianceFramework framework) {
        Where where = Where.scoped(scope).and("framework = :framework", "framework", framework.wireName());
        return jdbi.withHandle(handle -> where
                .bind(handle.createQuery(SELECT + where.sql() + " ORDER BY tenant_id, control_id"))
                .map(ComplianceCheckRepository::map)
                .list());
    }

    /** Up to {@code limit} controls whose next check is due at {@code now}, most overdue first. */
    public List<ComplianceCheck> findDue(TenantScope scope, Instant now, int limit) {
        Where where = Where.scoped(scope).and("next_check_at <= :now", "now", now);
        return jdbi.withHandle(handle -> where
                .bind(handle.createQuery(SELECT + where.sql() + " ORDER BY next_check_at, id LIMIT :limit"))
                .bind("limit", PageRequest.requireLimit(limit))
                .map(ComplianceCheckRepository::map)
                .list());
    }

    private static Optional<ComplianceCheck> findByKey(
            Handle handle, TenantScope scope, long tenantId, ComplianceFramework framework, String controlId) {
        Where where = Where.scoped(scope)
                .and("tenant_id = :tenant_id", "tenant_id", tenantId)
                .and("framework = :framework", "framework", framework.wireName())
                .and("control_id = :control_id", "control_id", controlId);
        return where.bind(handle.createQuery(SELECT + where.sql())).map(ComplianceCheckRepository::map).findOne();
    }

    private static ComplianceCheck map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new ComplianceCheck(
                rs.getLong("id"),
                rs.getLong("tenant_id"),
                ComplianceFramework.fromWire(rs.getString("framework")),
                rs.getString("control_id"),
                rs.getString("control_name"),
                CheckResult.fromWire(rs.getString("check_result")),
                ComplianceStatus.fromWire(rs.getString("compliance_status")),
                Json.readObject(rs.getString("evidence_data")),
                Json.readStringList(rs.getString("remediation_suggestions")),
                UtcTimestamps.read(rs, "checked_at"),
                UtcTimestamps.readOptional(rs, "next_check_at"),
                Json.readObject(rs.getString("metadata")),
                UtcTimestamps.read(rs, "created_at"),
                UtcTimestamps.read(rs, "updated_at"));
    }
}
