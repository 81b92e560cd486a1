package org.secheaders.analytics.resource;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.Optional;
import org.secheaders.analytics.service.SecurityReportService;
import org.secheaders.domain.model.SecurityReportInfo;
import org.secheaders.domain.repo.TenantRepository;
import org.secheaders.platform.auth.ResourceCategory;
import org.secheaders.platform.tool.McpResource;
import org.secheaders.platform.tool.McpResourceTemplate;
import org.secheaders.platform.tool.StoredReportIndex;

/**
 * The indexes of stored security reports: {@code secheaders://reports} (platform-wide readers) and
 * {@code secheaders://tenants/{tenant}/reports}.
 */
public final class ReportIndex {

    private final StoredReportIndex<SecurityReportInfo> index;

    public ReportIndex(SecurityReportService reports, TenantRepository tenants) {
        this.index = new StoredReportIndex<>(tenants, reports::list, SecurityReportInfo::tenantId, (info, tenant) ->
                new Entry(info.id(), SecurityReportService.uriOf(info.id()), info.title(), info.format().wireName(),
                        info.format().mimeType(), tenant, info.periodStart(), info.periodEnd(), info.createdBy(),
                        info.createdAt()));
    }

    /** {@code tenant} is absent for platform-wide reports. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Entry(long id, String uri, String title, String format, String mimeType, Optional<String> tenant,
            Instant periodStart, Instant periodEnd, String createdBy, Instant createdAt) {
    }

    public McpResource all() {
        return index.resource("secheaders://reports", "reports", "Security reports", "The " + StoredReportIndex.LISTED
                + " newest stored security reports of all tenants (and platform-wide ones), each with the "
                + "secheaders://reports/{id} URI to read it. Tenant admins read secheaders://tenants/{tenant}/reports "
                + "instead.", ResourceCategory.VIOLATIONS);
    }

    public McpResourceTemplate ofTenant() {
        return index.tenantResource("secheaders://tenants/{tenant}/reports", "tenant-reports",
                "A tenant's security reports", "The " + StoredReportIndex.LISTED + " newest stored security reports of "
                        + "one tenant, each with the secheaders://reports/{id} URI to read it.", ResourceCategory.VIOLATIONS);
    }
}
