package org.secheaders.analytics.resource;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.secheaders.analytics.service.SecurityReportService;
import org.secheaders.analytics.service.TenantCatalog;
import org.secheaders.domain.model.SecurityReportInfo;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.repo.Page;
import org.secheaders.domain.repo.PageRequest;
import org.secheaders.domain.repo.TenantScope;
import org.secheaders.platform.tool.ResourceJson;

/** The newest stored reports a scope can see, with the URIs to read them, as a resource body. */
final class ReportIndex {

    /** Newest reports listed; older ones stay readable by URI. */
    static final int LISTED = 100;

    private final SecurityReportService reports;
    private final TenantCatalog tenants;

    ReportIndex(SecurityReportService reports, TenantCatalog tenants) {
        this.reports = reports;
        this.tenants = tenants;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Listing(String scope, long total, List<Entry> reports) {
    }

    /** {@code tenant} is absent for platform-wide reports. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Entry(long id, String uri, String title, String format, String mimeType, Optional<String> tenant,
            Instant periodStart, Instant periodEnd, String createdBy, Instant createdAt) {
    }

    String read(TenantScope scope) {
        Map<Long, Tenant> visible = tenants.visible(scope);
        Page<SecurityReportInfo> page = reports.list(scope, PageRequest.first(LISTED));
        List<Entry> entries = page.items().stream().map(info -> new Entry(info.id(), SecurityReportService.uriOf(info.id()),
                info.title(), info.format().wireName(), info.format().mimeType(),
                info.tenantId().map(id -> visible.containsKey(id) ? visible.get(id).slug() : "tenant " + id),
                info.periodStart(), info.periodEnd(), info.createdBy(), info.createdAt())).toList();
        return ResourceJson.write(new Listing(tenants.label(scope), page.total(), entries));
    }
}
