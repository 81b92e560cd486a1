package org.secheaders.compliance.resource;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.secheaders.compliance.report.ComplianceReportService;
import org.secheaders.domain.model.ComplianceFramework;
import org.secheaders.domain.model.ComplianceReportInfo;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.repo.Page;
import org.secheaders.domain.repo.PageRequest;
import org.secheaders.domain.repo.TenantRepository;
import org.secheaders.domain.repo.TenantScope;
import org.secheaders.platform.tool.ResourceJson;

/** The newest stored compliance reports a scope can see, with the URIs to read them, as a JSON resource body. */
final class ComplianceReportIndex {

    /** Newest reports listed; older ones stay readable by URI. */
    static final int LISTED = 100;

    private final ComplianceReportService reports;
    private final TenantRepository tenants;

    ComplianceReportIndex(ComplianceReportService reports, TenantRepository tenants) {
        this.reports = reports;
        this.tenants = tenants;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Listing(String scope, long total, List<Entry> reports) {
    }

    /** {@code tenant} is absent for platform-wide reports. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Entry(long id, String uri, String title, String format, String mimeType, Optional<String> tenant,
                 List<String> frameworks, String target, int contentLength, String createdBy, Instant createdAt) {
    }

    String read(TenantScope scope) {
        Map<Long, String> slugs = tenants.list(scope).stream().collect(Collectors.toMap(Tenant::id, Tenant::slug));
        Page<ComplianceReportInfo> page = reports.list(scope, PageRequest.first(LISTED));
        List<Entry> entries = page.items().stream().map(info -> new Entry(info.id(), ComplianceReportService.uriOf(info.id()),
                info.title(), info.format().wireName(), info.format().mimeType(),
                info.tenantId().map(id -> slugs.getOrDefault(id, "tenant " + id)),
                info.frameworks().stream().map(ComplianceFramework::wireName).toList(), info.target(),
                info.contentLength(), info.createdBy(), info.createdAt())).toList();
        String label = scope instanceof TenantScope.ForTenant one
                ? Optional.ofNullable(slugs.get(one.tenantId())).orElse("tenant " + one.tenantId())
                : ComplianceReportService.ALL_TENANTS;
        return ResourceJson.write(new Listing(label, page.total(), entries));
    }
}
