package org.secheaders.compliance.resource;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.secheaders.domain.model.ComplianceEvent;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.repo.ComplianceEventRepository;
import org.secheaders.domain.repo.TenantRepository;
import org.secheaders.domain.repo.TenantScope;
import org.secheaders.platform.tool.ResourceJson;

/** The newest non-compliance events a scope can see, as a resource body. */
final class ComplianceEventListing {

    /** Newest events listed; the CLI ({@code secheaders compliance events}) reaches further back. */
    static final int LISTED = 200;

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Listing(String scope, List<Entry> events) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Entry(long id, String tenant, String framework, String controlId, String controlName, String before,
                 String after, String severity, String remediation, Instant detectedAt, String delivery, int attempts,
                 Optional<String> lastError, Optional<Instant> deliveredAt) {
    }

    private final ComplianceEventRepository events;
    private final TenantRepository tenants;

    ComplianceEventListing(ComplianceEventRepository events, TenantRepository tenants) {
        this.events = events;
        this.tenants = tenants;
    }

    String read(TenantScope scope, String label) {
        Map<Long, String> slugs = tenants.list(scope).stream().collect(Collectors.toMap(Tenant::id, Tenant::slug));
        List<Entry> entries = events.list(scope, Optional.empty(), LISTED).stream()
                .map(event -> entry(event, slugs::get))
                .toList();
        return ResourceJson.write(new Listing(label, entries));
    }

    private static Entry entry(ComplianceEvent event, Function<Long, String> slugs) {
        return new Entry(event.id(), Optional.ofNullable(slugs.apply(event.tenantId())).orElse("tenant " + event.tenantId()),
                event.framework().wireName(), event.controlId(), event.controlName(), event.before().wireName(),
                event.after().wireName(), event.severity().wireName(), event.remediation(), event.detectedAt(),
                event.deliveryState().wireName(), event.attempts(), event.lastError(), event.deliveredAt());
    }
}
