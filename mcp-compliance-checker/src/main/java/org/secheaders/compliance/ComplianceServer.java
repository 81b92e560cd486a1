package org.secheaders.compliance;

import java.time.Clock;
import org.secheaders.compliance.report.ComplianceReportService;
import org.secheaders.compliance.resource.ComplianceEventsResource;
import org.secheaders.compliance.resource.ComplianceReportIndex;
import org.secheaders.compliance.resource.ComplianceReportResource;
import org.secheaders.compliance.resource.TenantComplianceEventsResource;
import org.secheaders.compliance.resource.TenantComplianceResource;
import org.secheaders.compliance.service.RemediationService;
import org.secheaders.compliance.tool.CheckSoc2ControlsTool;
import org.secheaders.compliance.tool.GenerateComplianceReportTool;
import org.secheaders.compliance.tool.SuggestRemediationTool;
import org.secheaders.compliance.tool.ValidateOwaspComplianceTool;
import org.secheaders.compliance.tool.VerifyGdprHeadersTool;
import org.secheaders.domain.compliance.run.ComplianceCheckService;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.policy.PlatformPolicy;
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
            headers, the live headers at a URL (url), or pasted headers (headers). validate_owasp_compliance, \
            check_soc2_controls and verify_gdpr_headers evaluate one framework, store the results with their \
            evidence and return per-control results, status, score and the top failures with fixes; \
            suggest_remediation proposes header values and policy rows validated by the policy engine and can save \
            them as an inactive draft policy. secheaders://tenants/{tenant}/compliance shows a tenant's latest \
            stored results. Name the tenant by slug (tenant) or id (tenant_id). Header evidence supports, but does \
            not by itself establish, compliance outside OWASP.""";

    private ComplianceServer() {
    }

    public static void main(String[] args) {
        McpServerLauncher.launch(NAME, args, new ComplianceServerModule().factory());
    }

    /**
     * Adds the tools, resources and tenant directory to {@code builder}.
     *
     * @param checks the check service every tool delegates to; its scanner decides which URLs may be scanned
     * @param clock  "now" for every service: check times, schedules, report stamps
     */
    public static ServerDefinition definition(ServerDefinition.Builder builder, Database database,
            ComplianceCheckService checks, Clock clock) {
        ComplianceReportService reports = new ComplianceReportService(checks, database.tenants(),
                database.complianceReports(), clock);
        ComplianceReportIndex reportIndex = new ComplianceReportIndex(reports, database.tenants());
        return builder.instructions(INSTRUCTIONS)
                .tool(new ValidateOwaspComplianceTool(checks))
                .tool(new CheckSoc2ControlsTool(checks))
                .tool(new VerifyGdprHeadersTool(checks))
                .tool(new SuggestRemediationTool(new RemediationService(checks, database.policies(), database.auditLog(),
                        PlatformPolicy.defaults())))
                .resourceTemplate(new TenantComplianceResource(checks, database.tenants()))
                .resource(new ComplianceEventsResource(database.complianceEvents(), database.tenants()))
                .resourceTemplate(new TenantComplianceEventsResource(database.complianceEvents(), database.tenants()))
                .tool(new GenerateComplianceReportTool(reports))
                .resource(reportIndex.all())
                .resourceTemplate(new ComplianceReportResource(reports))
                .resourceTemplate(reportIndex.ofTenant())
                .tenantDirectory(slug -> database.tenants().findBySlug(TenantScope.platform(), slug).map(Tenant::id))
                .build();
    }
}
