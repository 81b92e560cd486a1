package org.secheaders.analytics.collector;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.repo.TenantRepository;
import org.secheaders.domain.repo.TenantScope;
import org.secheaders.enforcement.collector.ReportTenantResolver;

/**
 * The tenant whose primary domain is the request's host or a parent of it ({@code shop.acme.example}
 * → the tenant of {@code acme.example}); the most specific domain wins. The tenant list is read at
 * most once a minute, so a new tenant's reports are accepted within a minute.
 */
final class TenantHostResolver implements ReportTenantResolver {

    private static final Duration REFRESH = Duration.ofMinutes(1);

    private record Snapshot(List<Tenant> tenants, long readAtNanos) {
    }

    private final TenantRepository repository;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();

    TenantHostResolver(TenantRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<String> tenantSlug(HttpServletRequest request) {
        String host = request.getServerName();
        if (host == null || host.isBlank()) {
            return Optional.empty();
        }
        String name = host.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        return tenants().stream()
                .filter(t -> name.equals(t.primaryDomain()) || name.endsWith("." + t.primaryDomain()))
                .max((a, b) -> Integer.compare(a.primaryDomain().length(), b.primaryDomain().length()))
                .map(Tenant::slug);
    }

    private List<Tenant> tenants() {
        long now = System.nanoTime();
        Snapshot current = snapshot.get();
        if (current == null || now - current.readAtNanos() > REFRESH.toNanos()) {
            current = new Snapshot(repository.list(TenantScope.platform()), now);
            snapshot.set(current);
        }
        return current.tenants();
    }
}
