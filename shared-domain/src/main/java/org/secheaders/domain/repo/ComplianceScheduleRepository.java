package org.secheaders.domain.repo;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.secheaders.domain.db.UtcTimestamps;
import org.secheaders.domain.model.ComplianceFramework;

/**
 * When each (tenant, framework) is due, read from {@code compliance_checks.next_check_at}, and the
 * claims ({@code compliance_schedule_claims}) that let one of several scheduler instances on a
 * database run a due check: a claim is taken by a conditional update of an expired row, or by
 * inserting the first row (the primary key refuses a second insert), so exactly one caller wins.
 */
public final class ComplianceScheduleRepository {
    private static final String NEXT_CHECKS = """
            SELECT tenant_id, framework, MIN(next_check_at) AS next_check_at,
                   SUM(CASE WHEN next_check_at IS NULL THEN 1 ELSE 0 END) AS unscheduled
            FROM compliance_checks""";
    private static final String TAKE_EXPIRED = """
            UPDATE compliance_schedule_claims SET claimed_by = :owner, claimed_until = :until
            WHERE tenant_id = :tenant_id AND framework = :framework AND claimed_until <= :now""";
    private static final String TAKE_FIRST = """
            INSERT INTO compliance_schedule_claims (tenant_id, framework, claimed_by, claimed_until)
            VALUES (:tenant_id, :framework, :owner, :until)""";
    private static final String RELEASE = """
            UPDATE compliance_schedule_claims SET claimed_until = :until, last_error = :error
            WHERE tenant_id = :tenant_id AND framework = :framework AND claimed_by = :owner""";
    private static final String SELECT_CLAIMS = """
            SELECT tenant_id, framework, claimed_by, claimed_until, last_error FROM compliance_schedule_claims""";

    /**
     * The stored schedule of one (tenant, framework).
     *
     * @param nextCheckAt the earliest next check of its controls; empty when a control has none
     */
    public record NextCheck(long tenantId, ComplianceFramework framework, Optional<Instant> nextCheckAt) {
    }

    /** A claim as stored; {@code lastError} is why the latest run failed, if it did. */
    public record Claim(long tenantId, ComplianceFramework framework, String claimedBy, Instant claimedUntil,
                        Optional<String> lastError) {
    }

    private final Jdbi jdbi;

    public ComplianceScheduleRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Every checked (tenant, framework) in the scope with its next check. Pairs never checked have no row. */
    public List<NextCheck> nextChecks(TenantScope scope) {
        Where where = Where.scoped(scope);
        return jdbi.withHandle(handle -> where
                .bind(handle.createQuery(NEXT_CHECKS + where.sql() + " GROUP BY tenant_id, framework ORDER BY tenant_id, framework"))
                .map(ComplianceScheduleRepository::mapNextCheck)
                .list());
    }

    /**
     * Claims (tenant, framework) for {@code owner} until {@code until}, unless another owner holds
     * an unexpired claim at {@code now}.
     *
     * @return whether {@code owner} holds the claim now
     */
    public boolean claim(long tenantId, ComplianceFramework framework, String owner, Instant now, Instant until) {
        return jdbi.withHandle(handle -> {
            int taken = handle.createUpdate(TAKE_EXPIRED)
                    .bind("tenant_id", tenantId).bind("framework", framework.wireName())
                    .bind("owner", owner).bind("until", until).bind("now", now)
                    .execute();
            if (taken == 1) {
                return true;
            }
            try {
                return handle.createUpdate(TAKE_FIRST)
                        .bind("tenant_id", tenantId).bind("framework", framework.wireName())
                        .bind("owner", owner).bind("until", until)
                        .execute() == 1;
            } catch (UnableToExecuteStatementException e) {
                if (isDuplicateKey(e)) {
                    return false; // a row exists: another owner holds it, or just took it first
                }
                throw e;
            }
        });
    }

    /**
     * Ends {@code owner}'s claim: others may take it from {@code until} (now after a run, a retry
     * time after a failure), recording {@code error} (or clearing it).
     */
    public void release(long tenantId, ComplianceFramework framework, String owner, Instant until,
            Optional<String> error) {
        jdbi.useHandle(handle -> handle.createUpdate(RELEASE)
                .bind("tenant_id", tenantId).bind("framework", framework.wireName()).bind("owner", owner)
                .bind("until", until)
                .bind("error", error.map(Rows::errorText).orElse(null))
                .execute());
    }

    public List<Claim> claims(TenantScope scope) {
        Where where = Where.scoped(scope);
        return jdbi.withHandle(handle -> where
                .bind(handle.createQuery(SELECT_CLAIMS + where.sql() + " ORDER BY tenant_id, framework"))
                .map(ComplianceScheduleRepository::mapClaim)
                .list());
    }

    /** SQLState class 23 (integrity constraint violation) is what all three databases report for a duplicate key. */
    private static boolean isDuplicateKey(UnableToExecuteStatementException e) {
        return e.getCause() instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23");
    }

    private static NextCheck mapNextCheck(ResultSet rs, StatementContext ctx) throws SQLException {
        boolean unscheduled = rs.getLong("unscheduled") > 0;
        return new NextCheck(rs.getLong("tenant_id"), ComplianceFramework.fromWire(rs.getString("framework")),
                unscheduled ? Optional.empty() : UtcTimestamps.readOptional(rs, "next_check_at"));
    }

    private static Claim mapClaim(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Claim(rs.getLong("tenant_id"), ComplianceFramework.fromWire(rs.getString("framework")),
                rs.getString("claimed_by"), UtcTimestamps.read(rs, "claimed_until"),
                Rows.optionalString(rs, "last_error"));
    }
}
