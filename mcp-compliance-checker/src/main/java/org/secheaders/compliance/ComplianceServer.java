package org.secheaders.compliance;

import java.time.Clock;
import org.secheaders.compliance.report.ComplianceReportService;
import org.secheaders.compliance.resource.ComplianceReportIndexResource;
import org.secheaders.compliance.resource.ComplianceReportResource;
import org.secheaders.compliance.resource.TenantComplianceReportsResource;
import org.secheaders.compliance.resource.TenantComplianceResource;
import org.secheaders.compliance.tool.CheckSoc2ControlsTool;
import org.secheaders.compliance.tool.GenerateComplianceReportTool;
import org.secheaders.compliance.tool.ValidateOwaspComplianceTool;
import org.secheaders.compliance.tool.VerifyGdprHeadersTool;
import org.secheaders.domain.compliance.run.ComplianceCheckService;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.repo.TenantScope;
import org.secheaders.platform.server.McpServerLauncher;
import org.secheaders.platform.server.ServerDefinition;

/**
 * The compliance checker MCP server: where a tenant stands against OWASP, SOC 2, GDPR, ISO 27001
 * and NIST, with evidence, grades, reports and remediation. stdio by default; see
 * docs/COMPLIANCE_SERVER.md.
 */
public final class ComplianceServer {

    public static final String NAME = "mcp-compliance-checker";
    public static final String VERSION = "0.1.0";

    static final String INSTRUCTIONS = """
            Compliance checks of the Security Headers platform's tenants against OWASP (ASVS, Top 10, \
            Secure Headers), SOC 2, GDPR, ISO 27001 and NIST SP 800-53, judged from a tenant's configured \
            headers, the live headers at a URL, or pasted headers. Header evidence supports, but does not by \
            itself establish, compliance outside OWASP.""";

    private ComplianceServer() {
    }

    public static void main(String[] args) {
        McpServerLauncher.launch(NAME, args, new ComplianceServerModule().factory());
    }

    /**
     * Adds the tools, resources and tenant directory to {@code builder}.
     *
     * @param clock "now" for every service: check times, schedules, report stamps
     */
    public static ServerDefinition definition(ServerDefinition.Builder builder, Database database, Clock clock) {
        ComplianceCheckService checks = ComplianceCheckService.create(database, clock);
        ComplianceReportService reports = new ComplianceReportService(checks, database.tenants(),
                database.complianceReports(), clock);
        return builder.instructions(INSTRUCTIONS)
                .tool(new ValidateOwaspComplianceTool(checks))
                .tool(new CheckSoc2ControlsTool(checks))
                .tool(new VerifyGdprHeadersTool(checks))
                .resourceTemplate(new TenantComplianceResource(checks, database.tenants()))
                .tool(new GenerateComplianceReportTool(reports))
                .resource(new ComplianceReportIndexResource(reports, database.tenants()))
                .resourceTemplate(new ComplianceReportResource(reports))
                .resourceTemplate(new TenantComplianceReportsResource(reports, database.tenants()))
                .tenantDirectory(slug -> database.tenants().findBySlug(TenantScope.platform(), slug).map(Tenant::id))
                .build();
    }
}
