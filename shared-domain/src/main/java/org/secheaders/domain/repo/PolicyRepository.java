package org.secheaders.domain.repo;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;
import org.secheaders.domain.db.UtcTimestamps;
import org.secheaders.domain.model.Actor;
import org.secheaders.domain.model.AuditLogEntry;
import org.secheaders.domain.model.PolicyInheritanceMode;
import org.secheaders.domain.model.PolicyType;
import org.secheaders.domain.model.TenantSecurityPolicy;
import org.secheaders.domain.policy.CspSourceChange;
import org.secheaders.domain.policy.OverridePermissions;
import org.secheaders.domain.policy.PolicyConfig;

/**
 * Tenant policy rows. Each write runs in one transaction with the tenant's policy version bump
 * (so pollers see it) and an audit entry ({@code policy.create}, {@code policy.update},
 * {@code policy.activate}, {@code policy.deactivate}).
 */
public final class PolicyRepository {
    public static final String AUDIT_TARGET = "tenant_security_policy";

    private static final String SELECT = """
            SELECT id, tenant_id, policy_name, policy_type, policy_config, inheritance_mode,
                   override_permissions, is_active, effective_from, effective_until, created_at, updated_at
            FROM tenant_security_policies""";
    private static final String INSERT = """
            INSERT INTO tenant_security_policies (tenant_id, policy_name, policy_type, policy_config,
                inheritance_mode, override_permissions, is_active, effective_from, effective_until,
                created_at, updated_at)
            VALUES (:tenant_id, :policy_name, :policy_type, :policy_config,
                :inheritance_mode, :override_permissions, :active, :effective_from, :effective_until,
                :now, :now)""";
    private static final String UPDATE_CONTENT = """
            UPDATE tenant_security_policies
            SET policy_name = :policy_name, policy_type = :policy_type, policy_config = :policy_config,
                inheritance_mode = :inheritance_mode, override_permissions = :override_permissions,
                effective_from = :effective_from, effective_until = :effective_until, updated_at = :now""";
    private static final String ACTIVE_OF_TENANT = SELECT
            + " WHERE tenant_id = :tenant_id AND is_active = :active ORDER BY effective_from, id";
    private static final String ALL_OF_TENANT = SELECT + " WHERE tenant_id = :tenant_id ORDER BY id";
    private static final String PROMOTE_DRAFT = "UPDATE tenant_security_policies SET policy_type = :type WHERE id = :id";
    private static final String SET_ACTIVE =
            "UPDATE tenant_security_policies SET is_active = :active, updated_at = :now";

    private final Jdbi jdbi;
    private final Clock clock;
    private final PolicyVersionRepository versions;
    private final AuditLogRepository audit;

    public PolicyRepository(Jdbi jdbi, Clock clock, PolicyVersionRepository versions, AuditLogRepository audit) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.versions = versions;
        this.audit = audit;
    }

    /** Stores a new, inactive policy row. */
    public TenantSecurityPolicy insert(TenantScope scope, TenantSecurityPolicy.Draft draft, Actor actor) {
        scope.requireAccess(draft.tenantId());
        return jdbi.inTransaction(handle -> {
            Instant now = clock.instant();
            long id = bindContent(handle.createUpdate(INSERT), draft)
                    .bind("active", false)
                    .bind("now", now)
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            return recordChange(handle, scope, id, draft.tenantId(), "policy.create", actor, now, Optional.empty());
        });
    }

    /**
     * Replaces the content of a policy row (not its active flag); empty if the scope has no such
     * row for {@code draft.tenantId()}.
     */
    public Optional<TenantSecurityPolicy> update(TenantScope scope, long id, TenantSecurityPolicy.Draft draft, Actor actor) {
        scope.requireAccess(draft.tenantId());
        Where where = Where.scoped(scope).and("id = :id", "id", id).and("tenant_id = :tenant_id", "tenant_id", draft.tenantId());
        return jdbi.inTransaction(handle -> {
            Instant now = clock.instant();
            Optional<TenantSecurityPolicy> before = find(handle, scope, id);
            int updated = where.bind(bindContent(handle.createUpdate(UPDATE_CONTENT + where.sql()), draft))
                    .bind("now", now)
                    .execute();
            return updated == 0
                    ? Optional.<TenantSecurityPolicy>empty()
                    : Optional.of(recordChange(handle, scope, id, draft.tenantId(), "policy.update", actor, now, before));
        });
    }

    /**
     * Makes the row take part in resolution (inside its effective window); a {@code DRAFT} row becomes a
     * {@code HEADERS} row, since drafts never apply. Empty if not found.
     */
    public Optional<TenantSecurityPolicy> activate(TenantScope scope, long id, Actor actor) {
        return setActive(scope, id, true, "policy.activate", actor);
    }

    public Optional<TenantSecurityPolicy> deactivate(TenantScope scope, long id, Actor actor) {
        return setActive(scope, id, false, "policy.deactivate", actor);
    }

    public Optional<TenantSecurityPolicy> findById(TenantScope scope, long id) {
        return jdbi.withHandle(handle -> find(handle, scope, id));
    }

    /**
     * The tenant's active rows by effective start, including rows whose window has not begun or
     * has ended, so a cache can schedule them; use {@link TenantSecurityPolicy#appliesAt} to filter.
     */
    public List<TenantSecurityPolicy> findActive(TenantScope scope, long tenantId) {
        scope.requireAccess(tenantId);
        return jdbi.withHandle(handle -> handle.createQuery(ACTIVE_OF_TENANT)
                .bind("tenant_id", tenantId)
                .bind("active", true)
                .map(PolicyRepository::map)
                .list());
    }

    /** All rows of the tenant, active or not, oldest first. */
    public List<TenantSecurityPolicy> listByTenant(TenantScope scope, long tenantId) {
        scope.requireAccess(tenantId);
        return jdbi.withHandle(handle -> handle.createQuery(ALL_OF_TENANT)
                .bind("tenant_id", tenantId)
                .map(PolicyRepository::map)
                .list());
    }

    private Optional<TenantSecurityPolicy> setActive(TenantScope scope, long id, boolean active, String action, Actor actor) {
        return jdbi.inTransaction(handle -> {
            Optional<TenantSecurityPolicy> existing = find(handle, scope, id);
            if (existing.isEmpty()) {
                return existing;
            }
            Instant now = clock.instant();
            handle.createUpdate(SET_ACTIVE + " WHERE id = :id")
                    .bind("active", active)
                    .bind("now", now)
                    .bind("id", id)
                    .execute();
            if (active && existing.get().policyType() == PolicyType.DRAFT) {
                // A draft (e.g. a saved remediation) is what its activator adopts: from now on it is a headers policy.
                handle.createUpdate(PROMOTE_DRAFT).bind("type", PolicyType.HEADERS.wireName()).bind("id", id).execute();
            }
            return Optional.of(recordChange(handle, scope, id, existing.get().tenantId(), action, actor, now, existing));
        });
    }

    /**
     * Bumps the tenant's policy version and audits the action, with the CSP sources it added or
     * removed ({@link CspSourceChange}); returns the row as stored.
     */
    private TenantSecurityPolicy recordChange(Handle handle, TenantScope scope, long id, long tenantId, String action,
            Actor actor, Instant now, Optional<TenantSecurityPolicy> before) {
        long version = versions.bump(handle, tenantId, now);
        TenantSecurityPolicy policy = find(handle, scope, id).orElseThrow();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("policy_name", policy.policyName());
        details.put("policy_type", policy.policyType().wireName());
        details.put("active", policy.active());
        details.put("policy_version", version);
        details.putAll(CspSourceChange.between(before, policy).auditDetails());
        audit.append(handle, new AuditLogEntry.Draft(Optional.of(tenantId), actor, action, AUDIT_TARGET,
                Long.toString(id), details));
        return policy;
    }

    private static <S extends SqlStatement<S>> S bindContent(
            S statement, TenantSecurityPolicy.Draft draft) {
        return statement
                .bind("tenant_id", draft.tenantId())
                .bind("policy_name", draft.policyName())
                .bind("policy_type", draft.policyType().wireName())
                .bind("policy_config", Json.write(draft.policyConfig()))
                .bind("inheritance_mode", draft.inheritanceMode().wireName())
                .bind("override_permissions", Json.write(draft.overridePermissions()))
                .bind("effective_from", draft.effectiveFrom())
                .bindByType("effective_until", draft.effectiveUntil().orElse(null), Instant.class);
    }

    private static Optional<TenantSecurityPolicy> find(Handle handle, TenantScope scope, long id) {
        Where where = Where.scoped(scope).and("id = :id", "id", id);
        return where.bind(handle.createQuery(SELECT + where.sql())).map(PolicyRepository::map).findOne();
    }

    private static TenantSecurityPolicy map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new TenantSecurityPolicy(
                rs.getLong("id"),
                rs.getLong("tenant_id"),
                rs.getString("policy_name"),
                PolicyType.fromWire(rs.getString("policy_type")),
                Json.read(rs.getString("policy_config"), PolicyConfig.class),
                PolicyInheritanceMode.fromWire(rs.getString("inheritance_mode")),
                Json.read(rs.getString("override_permissions"), OverridePermissions.class),
                rs.getBoolean("is_active"),
                UtcTimestamps.read(rs, "effective_from"),
                UtcTimestamps.readOptional(rs, "effective_until"),
                UtcTimestamps.read(rs, "created_at"),
                UtcTimestamps.read(rs, "updated_at"));
    }
}
