package org.secheaders.analytics.resource;

import org.secheaders.analytics.service.SecurityReportService;
import org.secheaders.analytics.service.TenantCatalog;
import org.secheaders.platform.auth.ResourceCategory;
import org.secheaders.platform.tool.McpResource;
import org.secheaders.platform.tool.ResourceJson;
import org.secheaders.platform.tool.ToolContext;

/** {@code secheaders://reports}: every stored report the caller may see (platform-wide readers). */
public final class ReportIndexResource implements McpResource {

    private final ReportIndex index;

    public ReportIndexResource(SecurityReportService reports, TenantCatalog tenants) {
        this.index = new ReportIndex(reports, tenants);
    }

    @Override
    public String uri() {
        return "secheaders://reports";
    }

    @Override
    public String name() {
        return "reports";
    }

    @Override
    public String title() {
        return "Security reports";
    }

    @Override
    public String description() {
        return "The " + ReportIndex.LISTED + " newest stored security reports of all tenants (and platform-wide ones), "
                + "each with the secheaders://reports/{id} URI to read it. Tenant admins read "
                + "secheaders://tenants/{tenant}/reports instead.";
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
    public String read(ToolContext context) {
        return index.read(context.scope());
    }
}
