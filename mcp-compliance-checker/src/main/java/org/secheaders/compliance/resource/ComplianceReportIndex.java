package org.secheaders.compliance.resource;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.secheaders.compliance.report.ComplianceReportService;
import org.secheaders.domain.model.ComplianceFramework;
import org.secheaders.domain.model.ComplianceReportInfo;
import org.secheaders.domain.repo.TenantRepository;
import org.secheaders.platform.auth.ResourceCategory;
import org.secheaders.platform.tool.McpResource;
import org.secheaders.platform.tool.McpResourceTemplate;
import org.secheaders.platform.tool.StoredReportIndex;

/**
 * The indexes of stored compliance reports: {@code secheaders://compliance-reports} (platform-wide
 * readers) and {@code secheaders://tenants/{tenant}/compliance-reports}.
 */
public final class ComplianceReportIndex {

    private final StoredReportIndex<ComplianceReportInfo> index;

    public ComplianceReportIndex(ComplianceReportService reports, TenantRepository tenants) {
        this.index = new StoredReportIndex<>(tenants, reports::list, ComplianceReportInfo::tenantId, (info, tenant) ->
                new Entry(info.id(), ComplianceReportService.uriOf(info.id()), info.title(), info.format().wireName(),
                        info.format().mimeType(), tenant, info.frameworks().stream().map(ComplianceFramework::wireName)
                        .toList(), info.target(), info.contentLength(), info.createdBy(), info.createdAt()));
    }

    /** {@code tenant} is absent for platform-wide reports. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Entry(long id, String uri, String title, String format, String mimeType, Optional<String> tenant,
                 List<String> frameworks, String target, int contentLength, String createdBy, Instant createdAt) {
    }

    public McpResource all() {
        return index.resource("secheaders://compliance-reports", "compliance-reports", "Compliance reports", "The "
                + StoredReportIndex.LISTED + " newest stored compliance reports of all tenants (and platform-wide ones), "
                + "each with the secheaders://compliance-reports/{id} URI to read it. Tenant admins read "
                + "secheaders://tenants/{tenant}/compliance-reports instead.", ResourceCategory.COMPLIANCE);
    }

    public McpResourceTemplate ofTenant() {
        return index.tenantResource("secheaders://tenants/{tenant}/compliance-reports", "tenant-compliance-reports",
                "A tenant's compliance reports", "The " + StoredReportIndex.LISTED + " newest stored compliance reports "
                        + "of one tenant, each with the secheaders://compliance-reports/{id} URI to read it.",
                ResourceCategory.COMPLIANCE);
    }
}
