package org.secheaders.domain.repo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * A WHERE clause assembled from optional filters, always starting with the tenant scope, and
 * its named arguments. Conditions are SQL written in the repositories; only values are bound.
 */
final class Where {
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> arguments = new LinkedHashMap<>();

    private Where() {
    }

    /** Starts with the scope's condition on {@code tenantColumn} (none for the platform scope). */
    static Where scoped(TenantScope scope, String tenantColumn) {
        Where where = new Where();
        if (scope instanceof TenantScope.ForTenant tenant) {
            where.and(tenantColumn + " = :scope_tenant_id", "scope_tenant_id", tenant.tenantId());
        }
        return where;
    }

    static Where scoped(TenantScope scope) {
        return scoped(scope, "tenant_id");
    }

    Where and(String... more) {
        conditions.addAll(List.of(more));
        return this;
    }

    Where and(String condition, String name, Object value) {
        conditions.add(condition);
        arguments.put(name, value);
        return this;
    }

    /** Adds {@code condition} binding {@code name} only when the filter is present. */
    Where and(Optional<?> filter, String condition, String name) {
        filter.ifPresent(value -> and(condition, name, value));
        return this;
    }

    String sql() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    <S extends SqlStatement<S>> S bind(S statement) {
        return statement.bindMap(arguments);
    }
}
