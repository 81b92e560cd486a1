package org.secheaders.domain.repo;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.secheaders.domain.db.UtcTimestamps;
import org.secheaders.domain.model.ApiToken;
import org.secheaders.domain.model.Role;

/**
 * API tokens. A tenant scope manages its tenant's tokens; tokens without a tenant need the
 * platform scope. Authentication is the one unscoped read: {@link #findByHash} runs before any
 * scope exists, and the caller proves the right to the row by holding the secret.
 */
public final class ApiTokenRepository {
    /** {@code last_used_at} is rewritten at most this often, so busy tokens do not cost a write per request. */
    public static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private static final String SELECT = """
            SELECT id, name, token_hash, token_prefix, role, tenant_id, created_at, expires_at,
                   last_used_at, revoked_at
            FROM api_tokens""";
    private static final String INSERT = """
            INSERT INTO api_tokens (name, token_hash, token_prefix, role, tenant_id, created_at, expires_at)
            VALUES (:name, :token_hash, :token_prefix, :role, :tenant_id, :now, :expires_at)""";
    private static final String REVOKE = "UPDATE api_tokens SET revoked_at = :now";
    private static final String TOUCH = """
            UPDATE api_tokens SET last_used_at = :used_at
            WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :stale_before)""";

    private final Jdbi jdbi;
    private final Clock clock;

    public ApiTokenRepository(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public ApiToken create(TenantScope scope, ApiToken.Draft draft) {
        scope.requireAccess(draft.tenantId());
        return jdbi.inTransaction(handle -> {
            long id = handle.createUpdate(INSERT)
                    .bind("name", draft.name())
                    .bind("token_hash", draft.tokenHash())
                    .bind("token_prefix", draft.tokenPrefix())
                    .bind("role", draft.role().wireName())
                    .bind("tenant_id", draft.tenantId().orElse(null))
                    .bind("now", clock.instant())
                    .bindByType("expires_at", draft.expiresAt().orElse(null), Instant.class)
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            return find(handle, Where.scoped(scope).and("id = :id", "id", id)).orElseThrow();
        });
    }

    /** The token whose secret hashes to {@code tokenHash}, revoked and expired ones included. */
    public Optional<ApiToken> findByHash(String tokenHash) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + " WHERE token_hash = :token_hash")
                .bind("token_hash", tokenHash)
                .map(ApiTokenRepository::map)
                .findOne());
    }

    /** The tokens the scope manages, oldest first; a tenant scope sees only its tenant's tokens. */
    public List<ApiToken> list(TenantScope scope) {
        Where where = Where.scoped(scope);
        return jdbi.withHandle(handle -> where.bind(handle.createQuery(SELECT + where.sql() + " ORDER BY id"))
                .map(ApiTokenRepository::map)
                .list());
    }

    /** Revokes the token now (an already revoked token keeps its time); empty if the scope has no such token. */
    public Optional<ApiToken> revoke(TenantScope scope, long id) {
        Where where = Where.scoped(scope).and("id = :id", "id", id);
        return jdbi.inTransaction(handle -> {
            where.bind(handle.createUpdate(REVOKE + where.sql() + " AND revoked_at IS NULL"))
                    .bind("now", clock.instant())
                    .execute();
            return find(handle, where);
        });
    }

    /**
     * Records a successful authentication with the token (called right after {@link #findByHash});
     * skipped if the stored time is younger than {@link #TOUCH_INTERVAL}.
     *
     * @return whether {@code last_used_at} was written
     */
    public boolean touch(long id, Instant usedAt) {
        return jdbi.withHandle(handle -> handle.createUpdate(TOUCH)
                .bind("used_at", usedAt)
                .bind("id", id)
                .bind("stale_before", usedAt.minus(TOUCH_INTERVAL))
                .execute()) == 1;
    }

    private static Optional<ApiToken> find(Handle handle, Where where) {
        return where.bind(handle.createQuery(SELECT + where.sql())).map(ApiTokenRepository::map).findOne();
    }

    private static ApiToken map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new ApiToken(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("token_hash"),
                rs.getString("token_prefix"),
                Role.fromWire(rs.getString("role")),
                Rows.optionalLong(rs, "tenant_id"),
                UtcTimestamps.read(rs, "created_at"),
                UtcTimestamps.readOptional(rs, "expires_at"),
                UtcTimestamps.readOptional(rs, "last_used_at"),
                UtcTimestamps.readOptional(rs, "revoked_at"));
    }
}
