package org.secheaders.compliance.resource;

import org.secheaders.compliance.report.ComplianceReportService;
import org.secheaders.domain.repo.TenantRepository;
import org.secheaders.platform.tool.ToolContext;

/** {@code secheaders://compliance-reports}: every stored compliance report the caller may see (platform-wide readers). */
public final class ComplianceReportIndexResource implements ComplianceListing {

    private final ComplianceReportIndex index;

    public ComplianceReportIndexResource(ComplianceReportService reports, TenantRepository tenants) {
        this.index = new ComplianceReportIndex(reports, tenants);
    }

    @Override
    public String uri() {
        return "secheaders://compliance-reports";
    }

    @Override
    public String name() {
        return "compliance-reports";
    }

    @Override
    public String title() {
        return "Compliance reports";
    }

    @Override
    public String description() {
        return "The " + ComplianceReportIndex.LISTED + " newest stored compliance reports of all tenants (and platform-wide "
                + "ones), each with the secheaders://compliance-reports/{id} URI to read it. Tenant admins read "
                + "secheaders://tenants/{tenant}/compliance-reports instead.";
    }

    @Override
    public String read(ToolContext context) {
        return index.read(context.scope());
    }
}
