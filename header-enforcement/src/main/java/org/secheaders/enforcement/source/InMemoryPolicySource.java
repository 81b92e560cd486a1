package org.secheaders.enforcement.source;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.secheaders.domain.model.TenantSecurityPolicy;
import org.secheaders.enforcement.TenantKey;

/**
 * Policies held in memory: the no-database configuration (filled from a {@link StaticPolicyFile})
 * and a source an app can update programmatically. Every {@link #put} takes the next version of
 * one sequence, as the database does, so running header services pick it up like a database change.
 * Synchronized: a reader must never see a version before every smaller one is stored.
 */
public final class InMemoryPolicySource implements PolicySource {
    private record Entry(long version, List<TenantSecurityPolicy> policies) {
    }

    private final Map<TenantKey, Entry> tenants = new HashMap<>();
    private long sequence;

    public InMemoryPolicySource() {
    }

    public InMemoryPolicySource(Map<TenantKey, List<TenantSecurityPolicy>> initial) {
        initial.forEach(this::put);
    }

    /** Replaces the tenant's policies; an empty list puts the tenant back on the platform baseline. */
    public synchronized void put(TenantKey tenant, List<TenantSecurityPolicy> policies) {
        tenants.put(tenant, new Entry(++sequence, List.copyOf(policies)));
    }

    @Override
    public synchronized PolicyChanges changesSince(long watermark) {
        Map<TenantKey, Long> changed = new HashMap<>();
        tenants.forEach((tenant, entry) -> {
            if (entry.version() > watermark) {
                changed.put(tenant, entry.version());
            }
        });
        return new PolicyChanges(Math.max(watermark, sequence), changed);
    }

    @Override
    public synchronized Map<TenantKey, List<TenantSecurityPolicy>> policies(Set<TenantKey> wanted) {
        Map<TenantKey, List<TenantSecurityPolicy>> result = new HashMap<>();
        for (TenantKey tenant : wanted) {
            Entry entry = tenants.get(tenant);
            result.put(tenant, entry == null ? List.of() : entry.policies());
        }
        return result;
    }
}
