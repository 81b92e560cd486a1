package org.secheaders.compliance.resource;

import java.util.Map;
import org.secheaders.compliance.report.ComplianceReportService;
import org.secheaders.domain.repo.TenantRepository;
import org.secheaders.platform.tool.ResourceText;
import org.secheaders.platform.tool.ToolContext;

/** {@code secheaders://tenants/{tenant}/compliance-reports}: one tenant's stored compliance reports. */
public final class TenantComplianceReportsResource implements TenantComplianceTemplate {

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
    public ResourceText read(ToolContext context, Map<String, String> variables) {
        return new ResourceText(index.read(context.scope()), mimeType());
    }
}
