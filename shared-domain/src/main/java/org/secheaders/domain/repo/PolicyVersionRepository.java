package org.secheaders.domain.repo;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.secheaders.domain.db.UtcTimestamps;
import org.secheaders.domain.model.PolicyVersion;

/**
 * Per-tenant policy versions for cheap change polling: an instance remembers the highest
 * version it has seen (its watermark) and asks for {@link #changedSince(TenantScope, long)}.
 *
 * <p>{@link PolicyRepository} bumps a tenant's version in the transaction of every policy write.
 * Versions are drawn from the one-row {@code policy_version_clock}; its row lock orders the
 * bumps, so a version only becomes visible after every smaller one and a watermark never skips.
 */
public final class PolicyVersionRepository {
    private static final String SELECT = "SELECT tenant_id, version, updated_at FROM tenant_policy_versions";
    private static final String VERSION_OF_TENANT =
            "SELECT version FROM tenant_policy_versions WHERE tenant_id = :tenant_id";
    private static final String TICK = "UPDATE policy_version_clock SET version = version + 1 WHERE id = 1";
    private static final String READ_CLOCK = "SELECT version FROM policy_version_clock WHERE id = 1";
    private static final String SET_VERSION =
            "UPDATE tenant_policy_versions SET version = :version, updated_at = :now WHERE tenant_id = :tenant_id";

    private final Jdbi jdbi;

    public PolicyVersionRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The tenant's current version; 0 until its first policy write. */
    public long current(TenantScope scope, long tenantId) {
        scope.requireAccess(tenantId);
        return jdbi.withHandle(handle -> handle
                .createQuery(VERSION_OF_TENANT)
                .bind("tenant_id", tenantId)
                .mapTo(Long.class)
                .findOne()
                .orElse(0L));
    }

    /** The highest version in the scope: a poller's starting watermark. */
    public long watermark(TenantScope scope) {
        Where where = Where.scoped(scope);
        return jdbi.withHandle(handle -> where
                .bind(handle.createQuery("SELECT COALESCE(MAX(version), 0) FROM tenant_policy_versions" + where.sql()))
                .mapTo(Long.class)
                .one());
    }

    /** Tenants whose policies changed after {@code version}, in version order. */
    public List<PolicyVersion> changedSince(TenantScope scope, long version) {
        Where where = Where.scoped(scope).and("version > :version", "version", version);
        return jdbi.withHandle(handle -> where.bind(handle.createQuery(SELECT + where.sql() + " ORDER BY version"))
                .map((rs, ctx) -> new PolicyVersion(
                        rs.getLong("tenant_id"), rs.getLong("version"), UtcTimestamps.read(rs, "updated_at")))
                .list());
    }

    /** Gives the tenant the next version, inside the caller's transaction; returns it. */
    long bump(Handle handle, long tenantId, Instant now) {
        handle.createUpdate(TICK).execute();
        long version = handle.createQuery(READ_CLOCK).mapTo(Long.class).one();
        int updated = handle.createUpdate(SET_VERSION)
                .bind("version", version)
                .bind("now", now)
                .bind("tenant_id", tenantId)
                .execute();
        if (updated != 1) {
            throw new IllegalStateException("tenant " + tenantId + " has no policy version row");
        }
        return version;
    }
}
