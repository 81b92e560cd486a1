package org.secheaders.enforcement.collector;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.model.TenantStatus;
import org.secheaders.domain.policy.PlatformPolicy;
import org.secheaders.domain.report.ReportTenant;
import org.secheaders.domain.report.ReportTenants;
import org.secheaders.domain.repo.TenantRepository;
import org.secheaders.domain.repo.TenantScope;

/**
 * Tenants from the database, cached for a while, misses included, so that a scanner posting to
 * made-up slugs costs one query per slug per period rather than one per request. The cache holds
 * at most {@value #MAX_ENTRIES} entries and starts over when full.
 */
public final class DatabaseTenantDirectory implements TenantDirectory {
    private static final int MAX_ENTRIES = 10_000;

    private final TenantRepository tenants;
    private final Function<Tenant, ReportTenant> toReportTenant;
    private final Duration ttl;
    private final InstantSource clock;
    private final ConcurrentHashMap<String, Cached> bySlug = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, Cached> byId = new ConcurrentHashMap<>();

    private record Cached(Optional<Tenant> tenant, Optional<ReportTenant> reportTenant, Instant expires) {
    }

    /**
     * @param toReportTenant builds the pipeline's view of a tenant, normally {@link ReportTenants#of(TenantScope, Tenant)}
     * @param ttl            how long a lookup (or a miss) is reused; a suspended tenant stops being
     *                       accepted after at most this long
     */
    public DatabaseTenantDirectory(TenantRepository tenants, Function<Tenant, ReportTenant> toReportTenant,
                                   Duration ttl, InstantSource clock) {
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must not be negative, was " + ttl);
        }
        this.tenants = tenants;
        this.toReportTenant = toReportTenant;
        this.ttl = ttl;
        this.clock = clock;
    }

    /**
     * The tenants of {@code database}, each seen by the pipeline as {@link ReportTenants} builds it
     * (the same view as the {@code track_csp_violation} tool's, so a report classifies the same
     * either way), with its policies resolved over {@code platform}; one-minute cache, so a policy
     * change reaches the classification within a minute.
     */
    public DatabaseTenantDirectory(Database database, PlatformPolicy platform) {
        this(database.tenants(), reportTenants(new ReportTenants(platform, database.policies(), InstantSource.system())),
                Duration.ofMinutes(1), InstantSource.system());
    }

    private static Function<Tenant, ReportTenant> reportTenants(ReportTenants factory) {
        return tenant -> factory.of(TenantScope.platform(), tenant);
    }

    @Override
    public Optional<ReportTenant> bySlug(String slug) {
        Cached cached = lookup(bySlug, slug, s -> tenants.findBySlug(TenantScope.platform(), s));
        return cached.tenant().filter(t -> t.status() == TenantStatus.ACTIVE).isPresent()
                ? cached.reportTenant() : Optional.empty();
    }

    @Override
    public Optional<ReportTenant> byId(long tenantId) {
        return lookup(byId, tenantId, id -> tenants.findById(TenantScope.platform(), id)).reportTenant();
    }

    private <K> Cached lookup(ConcurrentHashMap<K, Cached> cache, K key, Function<K, Optional<Tenant>> load) {
        Instant now = clock.instant();
        Cached cached = cache.get(key);
        if (cached != null && now.isBefore(cached.expires())) {
            return cached;
        }
        Optional<Tenant> tenant = load.apply(key);
        Cached fresh = new Cached(tenant, tenant.map(toReportTenant), now.plus(ttl));
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(key, fresh);
        return fresh;
    }
}
