package org.secheaders.analytics.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.repo.TenantRepository;
import org.secheaders.domain.repo.TenantScope;

/** The tenants a scope can see, and how results name them (by slug). */
public final class TenantCatalog {

    /** How a platform-wide result names its scope. */
    public static final String ALL_TENANTS = "all tenants";

    private final TenantRepository tenants;

    public TenantCatalog(TenantRepository tenants) {
        this.tenants = tenants;
    }

    /** The visible tenants by id, in slug order. */
    public Map<Long, Tenant> visible(TenantScope scope) {
        Map<Long, Tenant> byId = new LinkedHashMap<>();
        tenants.list(scope).forEach(tenant -> byId.put(tenant.id(), tenant));
        return byId;
    }

    public Optional<Tenant> find(TenantScope scope, long tenantId) {
        return tenants.findById(scope, tenantId);
    }

    /** How results name a tenant of {@link #visible}: its slug ("tenant 7" should it have gone meanwhile). */
    static String slug(Map<Long, Tenant> visible, long tenantId) {
        Tenant tenant = visible.get(tenantId);
        return tenant == null ? "tenant " + tenantId : tenant.slug();
    }

    /** As {@link #label(TenantScope)}, from the scope's {@link #visible} tenants (no query). */
    static String label(Map<Long, Tenant> visible, TenantScope scope) {
        return scope instanceof TenantScope.ForTenant one ? slug(visible, one.tenantId()) : ALL_TENANTS;
    }

    /** The tenant's slug for a tenant scope, {@value #ALL_TENANTS} for the platform scope. */
    public String label(TenantScope scope) {
        return scope instanceof TenantScope.ForTenant one
                ? tenants.findById(scope, one.tenantId()).map(Tenant::slug).orElse("tenant " + one.tenantId())
                : ALL_TENANTS;
    }
}
