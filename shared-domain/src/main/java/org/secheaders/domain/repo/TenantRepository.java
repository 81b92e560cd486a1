package org.secheaders.domain.repo;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.secheaders.domain.db.UtcTimestamps;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.model.TenantStatus;

/**
 * Tenants. A tenant scope sees only its own tenant row; creating and suspending need the platform scope.
 * A status change bumps the tenant's policy version, because a suspended tenant is served the
 * platform baseline: header caches learn of it the way they learn of a policy write.
 */
public final class TenantRepository {
    private static final String COLUMNS =
            "id, slug, name, primary_domain, status, settings, created_at, updated_at";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM tenants";
    private static final String INSERT = """
            INSERT INTO tenants (slug, name, primary_domain, status, settings, created_at, updated_at)
            VALUES (:slug, :name, :primary_domain, :status, :settings, :now, :now)""";
    /** Every tenant gets its version row up front, so a policy write only ever updates it. */
    private static final String INSERT_POLICY_VERSION =
            "INSERT INTO tenant_policy_versions (tenant_id, version, updated_at) VALUES (:tenant_id, 0, :now)";
    private static final String UPDATE_STATUS =
            "UPDATE tenants SET status = :status, updated_at = :now WHERE id = :id";

    /** SQLSTATE of a unique-key violation on H2 and PostgreSQL; MariaDB reports 23000 with error 1062. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final int MARIADB_DUPLICATE_ENTRY = 1062;

    private final Jdbi jdbi;
    private final Clock clock;
    private final PolicyVersionRepository versions;

    public TenantRepository(Jdbi jdbi, Clock clock, PolicyVersionRepository versions) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.versions = versions;
    }

    /** @throws IllegalArgumentException if the slug is taken */
    public Tenant create(TenantScope.Platform scope, Tenant.Draft draft) {
        Instant now = clock.instant();
        try {
            return jdbi.inTransaction(handle -> {
                long id = handle.createUpdate(INSERT)
                        .bind("slug", draft.slug())
                        .bind("name", draft.name())
                        .bind("primary_domain", draft.primaryDomain())
                        .bind("status", TenantStatus.ACTIVE.wireName())
                        .bind("settings", Json.write(draft.settings()))
                        .bind("now", now)
                        .executeAndReturnGeneratedKeys("id")
                        .mapTo(Long.class)
                        .one();
                handle.createUpdate(INSERT_POLICY_VERSION).bind("tenant_id", id).bind("now", now).execute();
                return find(handle, Where.scoped(scope, "id").and("id = :id", "id", id)).orElseThrow();
            });
        } catch (UnableToExecuteStatementException e) {
            if (isDuplicateKey(e)) {
                throw new IllegalArgumentException("tenant slug '" + draft.slug() + "' is already taken", e);
            }
            throw e;
        }
    }

    public Optional<Tenant> findById(TenantScope scope, long id) {
        return jdbi.withHandle(handle -> find(handle, Where.scoped(scope, "id").and("id = :id", "id", id)));
    }

    public Optional<Tenant> findBySlug(TenantScope scope, String slug) {
        return jdbi.withHandle(handle -> find(handle, Where.scoped(scope, "id").and("slug = :slug", "slug", slug)));
    }

    /** All tenants the scope can see, by slug. */
    public List<Tenant> list(TenantScope scope) {
        Where where = Where.scoped(scope, "id");
        return jdbi.withHandle(handle -> where.bind(handle.createQuery(SELECT + where.sql() + " ORDER BY slug"))
                .map(TenantRepository::map)
                .list());
    }

    /**
     * Suspends or reactivates a tenant, and bumps its policy version in the same transaction so
     * that pollers ({@link PolicyVersionRepository#changedSince}) reload it; empty if there is no such tenant.
     */
    public Optional<Tenant> updateStatus(TenantScope.Platform scope, long id, TenantStatus status) {
        Instant now = clock.instant();
        return jdbi.inTransaction(handle -> {
            int updated = handle.createUpdate(UPDATE_STATUS)
                    .bind("status", status.wireName())
                    .bind("now", now)
                    .bind("id", id)
                    .execute();
            if (updated == 0) {
                return Optional.empty();
            }
            versions.bump(handle, id, now);
            return find(handle, Where.scoped(scope, "id").and("id = :id", "id", id));
        });
    }

    private static Optional<Tenant> find(Handle handle, Where where) {
        return where.bind(handle.createQuery(SELECT + where.sql())).map(TenantRepository::map).findOne();
    }

    private static Tenant map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Tenant(
                rs.getLong("id"),
                rs.getString("slug"),
                rs.getString("name"),
                rs.getString("primary_domain"),
                TenantStatus.fromWire(rs.getString("status")),
                Json.readObject(rs.getString("settings")),
                UtcTimestamps.read(rs, "created_at"),
                UtcTimestamps.read(rs, "updated_at"));
    }

    private static boolean isDuplicateKey(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && (UNIQUE_VIOLATION.equals(sql.getSQLState()) || sql.getErrorCode() == MARIADB_DUPLICATE_ENTRY)) {
                return true;
            }
        }
        return false;
    }
}
