package org.secheaders.enforcement.metrics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.SecurityMetric;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.repo.MetricRepository;
import org.secheaders.domain.repo.TenantRepository;
import org.secheaders.domain.repo.TenantScope;
import org.secheaders.enforcement.TenantKey;

/**
 * Writes metric rows to {@code security_metrics} in one batch per flush. Every row there belongs
 * to a tenant, so samples of requests served the platform baseline (no tenant) and of tenants the
 * database does not know are not stored.
 */
public final class JdbiMetricSink implements MetricSink {
    private static final TenantScope PLATFORM = TenantScope.platform();

    private final MetricRepository metrics;
    private final TenantRepository tenants;
    /** Tenant ids never change; cached after the first lookup. */
    private final Map<TenantKey, Long> ids = new ConcurrentHashMap<>();

    public JdbiMetricSink(Database database) {
        this.metrics = database.metrics();
        this.tenants = database.tenants();
    }

    @Override
    public void write(List<MetricSample> samples) {
        List<SecurityMetric.Draft> drafts = new ArrayList<>();
        for (MetricSample sample : samples) {
            sample.tenant().flatMap(this::idOf).ifPresent(id -> drafts.add(new SecurityMetric.Draft(id,
                    sample.metricType(), sample.metricName(), BigDecimal.valueOf(sample.value()), sample.unit(),
                    sample.aggregationPeriod(), sample.tags(), sample.recordedAt())));
        }
        metrics.insertBatch(PLATFORM, drafts);
    }

    private Optional<Long> idOf(TenantKey tenant) {
        Long cached = ids.get(tenant);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Long> id = tenants.findBySlug(PLATFORM, tenant.id()).map(Tenant::id);
        id.ifPresent(value -> ids.put(tenant, value));
        return id;
    }
}
