package org.secheaders.enforcement.source;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.secheaders.domain.model.TenantSecurityPolicy;
import org.secheaders.enforcement.TenantKey;

/**
 * Policies held in memory: the no-database configuration (filled from a {@link StaticPolicyFile})
 * and a source an app can update programmatically. Every {@link #put} bumps the tenant's version,
 * so running header services pick the change up like a database change.
 */
public final class InMemoryPolicySource implements PolicySource {
    private record Entry(long version, List<TenantSecurityPolicy> policies) {
    }

    private final ConcurrentHashMap<TenantKey, Entry> tenants = new ConcurrentHashMap<>();

    public InMemoryPolicySource() {
    }

    public InMemoryPolicySource(Map<TenantKey, List<TenantSecurityPolicy>> initial) {
        initial.forEach(this::put);
    }

    /** Replaces the tenant's policies (a new tenant starts at version 1). */
    public void put(TenantKey tenant, List<TenantSecurityPolicy> policies) {
        List<TenantSecurityPolicy> copy = List.copyOf(policies);
        tenants.compute(tenant, (key, old) -> new Entry(old == null ? 1 : old.version() + 1, copy));
    }

    public void remove(TenantKey tenant) {
        tenants.remove(tenant);
    }

    @Override
    public Map<TenantKey, Long> versions() {
        Map<TenantKey, Long> versions = new HashMap<>();
        tenants.forEach((tenant, entry) -> versions.put(tenant, entry.version()));
        return versions;
    }

    @Override
    public Map<TenantKey, List<TenantSecurityPolicy>> policies(Set<TenantKey> wanted) {
        Map<TenantKey, List<TenantSecurityPolicy>> result = new HashMap<>();
        for (TenantKey tenant : wanted) {
            Entry entry = tenants.get(tenant);
            result.put(tenant, entry == null ? List.of() : entry.policies());
        }
        return result;
    }
}
