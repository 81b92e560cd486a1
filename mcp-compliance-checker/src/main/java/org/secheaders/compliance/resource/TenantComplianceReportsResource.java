package org.secheaders.compliance.resource;

import java.util.Map;
import java.util.Optional;
import org.secheaders.compliance.report.ComplianceReportService;
import org.secheaders.domain.repo.TenantRepository;
import org.secheaders.platform.auth.ResourceCategory;
import org.secheaders.platform.tool.McpResourceTemplate;
import org.secheaders.platform.tool.ResourceText;
import org.secheaders.platform.tool.ToolContext;

/** {@code secheaders://tenants/{tenant}/compliance-reports}: one tenant's stored compliance reports. */
public final class TenantComplianceReportsResource implements McpResourceTemplate {

    private final ComplianceReportIndex index;

    public TenantComplianceReportsResource(ComplianceReportService reports, TenantRepository tenants) {
        this.index = new ComplianceReportIndex(reports, tenants);
    }

    @Override
    public String uriTemplate() {
        return "secheaders://tenants/{tenant}/compliance-reports";
    }

    @Override
    public String name() {
        return "tenant-compliance-reports";
    }

    @Override
    public String title() {
        return "A tenant's compliance reports";
    }

    @Override
    public String description() {
        return "The " + ComplianceReportIndex.LISTED + " newest stored compliance reports of one tenant, each with the "
                + "secheaders://compliance-reports/{id} URI to read it.";
    }

    @Override
    public String mimeType() {
        return ComplianceReportIndex.MIME_TYPE;
    }

    @Override
    public ResourceCategory category() {
        return ResourceCategory.COMPLIANCE;
    }

    @Override
    public Optional<String> tenantVariable() {
        return Optional.of("tenant");
    }

    @Override
    public ResourceText read(ToolContext context, Map<String, String> variables) {
        return new ResourceText(index.read(context.scope()), ComplianceReportIndex.MIME_TYPE);
    }
}
