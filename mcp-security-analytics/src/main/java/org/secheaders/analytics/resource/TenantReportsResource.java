package org.secheaders.analytics.resource;

import java.util.Map;
import java.util.Optional;
import org.secheaders.analytics.service.SecurityReportService;
import org.secheaders.analytics.service.TenantCatalog;
import org.secheaders.platform.auth.ResourceCategory;
import org.secheaders.platform.tool.McpResourceTemplate;
import org.secheaders.platform.tool.ResourceJson;
import org.secheaders.platform.tool.ResourceText;
import org.secheaders.platform.tool.ToolContext;

/** {@code secheaders://tenants/{tenant}/reports}: one tenant's stored reports. */
public final class TenantReportsResource implements McpResourceTemplate {

    private final ReportIndex index;

    public TenantReportsResource(SecurityReportService reports, TenantCatalog tenants) {
        this.index = new ReportIndex(reports, tenants);
    }

    @Override
    public String uriTemplate() {
        return "secheaders://tenants/{tenant}/reports";
    }

    @Override
    public String name() {
        return "tenant-reports";
    }

    @Override
    public String title() {
        return "A tenant's security reports";
    }

    @Override
    public String description() {
        return "The " + ReportIndex.LISTED + " newest stored security reports of one tenant, each with the "
                + "secheaders://reports/{id} URI to read it.";
    }

    @Override
    public String mimeType() {
        return ResourceJson.MIME_TYPE;
    }

    @Override
    public ResourceCategory category() {
        return ResourceCategory.VIOLATIONS;
    }

    @Override
    public Optional<String> tenantVariable() {
        return Optional.of("tenant");
    }

    @Override
    public ResourceText read(ToolContext context, Map<String, String> variables) {
        return new ResourceText(index.read(context.scope()), ResourceJson.MIME_TYPE);
    }
}
