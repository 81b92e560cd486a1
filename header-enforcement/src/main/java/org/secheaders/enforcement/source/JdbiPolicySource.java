package org.secheaders.enforcement.source;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.PolicyVersion;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.model.TenantSecurityPolicy;
import org.secheaders.domain.model.TenantStatus;
import org.secheaders.domain.repo.PolicyRepository;
import org.secheaders.domain.repo.PolicyVersionRepository;
import org.secheaders.domain.repo.TenantRepository;
import org.secheaders.domain.repo.TenantScope;
import org.secheaders.enforcement.TenantKey;

/**
 * Tenant policies from the database, through the shared repositories. A tenant's key is its
 * slug. Change detection is {@link PolicyVersionRepository#changedSince}: one indexed query per poll
 * that returns only the tenants written since the watermark. Reads use the platform scope: the
 * header cache is a platform job serving every tenant.
 *
 * <p>A suspended tenant gets no rows (the platform baseline), as the tenant model prescribes.
 */
public final class JdbiPolicySource implements PolicySource {
    private static final TenantScope PLATFORM = TenantScope.platform();

    private final TenantRepository tenants;
    private final PolicyRepository policies;
    private final PolicyVersionRepository versions;
    /** Slugs never change, so an id's key is cached for good; refreshed in one query when an id is new. */
    private final Map<Long, TenantKey> keys = new ConcurrentHashMap<>();

    public JdbiPolicySource(Database database) {
        this.tenants = database.tenants();
        this.policies = database.policies();
        this.versions = database.policyVersions();
    }

    @Override
    public PolicyChanges changesSince(long watermark) {
        List<PolicyVersion> changed = versions.changedSince(PLATFORM, watermark);
        if (changed.stream().anyMatch(v -> !keys.containsKey(v.tenantId()))) {
            tenants.list(PLATFORM).forEach(t -> keys.put(t.id(), new TenantKey(t.slug())));
        }
        Map<TenantKey, Long> byKey = new HashMap<>();
        long highest = watermark;
        for (PolicyVersion version : changed) {
            TenantKey key = keys.get(version.tenantId());
            if (key != null) {
                byKey.put(key, version.version());
            }
            highest = Math.max(highest, version.version());
        }
        return new PolicyChanges(highest, byKey);
    }

    @Override
    public Map<TenantKey, List<TenantSecurityPolicy>> policies(Set<TenantKey> wanted) {
        Map<TenantKey, List<TenantSecurityPolicy>> result = new HashMap<>();
        for (TenantKey key : wanted) {
            Optional<Tenant> tenant = tenants.findBySlug(PLATFORM, key.id());
            result.put(key, tenant.filter(t -> t.status() == TenantStatus.ACTIVE)
                    .map(t -> policies.findActive(PLATFORM, t.id()))
                    .orElse(List.of()));
        }
        return result;
    }
}
