package org.secheaders.compliance.tool;

import java.util.Optional;
import org.secheaders.compliance.report.ComplianceReportService;
import org.secheaders.compliance.report.ComplianceReportService.ReportRequest;
import org.secheaders.domain.compliance.run.ComplianceTarget;
import org.secheaders.domain.compliance.run.TargetRefusedException;
import org.secheaders.domain.model.ComplianceReportFormat;
import org.secheaders.platform.tool.ToolArguments;
import org.secheaders.platform.tool.ToolContext;
import org.secheaders.platform.tool.ToolHints;
import org.secheaders.platform.tool.ToolInputException;

/**
 * {@code generate_compliance_report}: fresh checks of a tenant (or every active tenant) against all or
 * chosen frameworks, as an executive summary and per-control evidence in JSON, Markdown, HTML or PDF,
 * stored as a resource.
 */
public final class GenerateComplianceReportTool implements ComplianceTool {

    static final String FORMAT = "format";
    static final String TITLE = "title";
    private static final int MAX_TITLE = 200;

    private final ComplianceReportService reports;

    public GenerateComplianceReportTool(ComplianceReportService reports) {
        this.reports = reports;
    }

    @Override
    public String name() {
        return "generate_compliance_report";
    }

    @Override
    public String title() {
        return "Generate a compliance report";
    }

    @Override
    public String description() {
        return "Checks a tenant now (its configured headers, the live headers at url, or pasted headers) against all or the chosen "
                + "frameworks (owasp, soc2, gdpr, iso27001, nist) and stores a report: an executive summary per tenant "
                + "(status, score and control counts per framework, the top 3 high-severity failures with a one-line "
                + "fix, configured-vs-observed drift when a url is scanned, the trend against the previous report of "
                + "the same tenant and target), then every control with its evidence, reason and citation. Without a "
                + "tenant it covers every active tenant (roles with platform-wide compliance access only). Formats: "
                + "markdown (default), html, json or pdf. The report is readable as secheaders://compliance-reports/{id} "
                + "(PDF as a binary resource); text under 64 KiB is also returned as content. Each check is recorded "
                + "like one from the framework tools.";
    }

    @Override
    public String inputSchema() {
        return """
                {
                  "type": "object",
                  "properties": {
                    "tenant": {"type": "string", "pattern": "^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$", "description": "Slug of the tenant to report on; omit for every active tenant. Callers bound to a tenant must name their own."},
                    "tenant_id": {"type": "integer", "minimum": 1, "description": "The tenant's numeric id, instead of tenant."},
                    "frameworks": {"type": "array", "minItems": 1, "uniqueItems": true, "items": {"type": "string", "enum": ["owasp", "soc2", "gdpr", "iso27001", "nist"]}, "description": "Default: all five."},
                    "format": {"type": "string", "enum": ["markdown", "html", "json", "pdf"], "description": "Default markdown."},
                    %s,
                    "title": {"type": "string", "minLength": 1, "maxLength": %d, "description": "Default: Compliance report for <tenant or all tenants>."}
                  },
                  "additionalProperties": false
                }
                """.formatted(TargetArguments.schema(), MAX_TITLE);
    }

    @Override
    public String outputSchema() {
        return ReportOutputSchema.GENERATED_REPORT;
    }

    @Override
    public ToolHints hints() {
        // Stores a report and the check results on every call; may fetch the URL it is given.
        return ToolHints.writingTool(false, false).reachingOutside();
    }

    @Override
    public Object call(ToolContext context, ToolArguments arguments) {
        ComplianceTarget target = TargetArguments.parse(arguments);
        String targetArgument = target instanceof ComplianceTarget.Supplied ? TargetArguments.HEADERS : TargetArguments.URL;
        if (!(target instanceof ComplianceTarget.Configured) && context.tenantId().isEmpty()) {
            throw new ToolInputException(targetArgument, "needs a tenant (tenant or tenant_id): a platform-wide report "
                    + "judges configured headers");
        }
        Optional<String> title = arguments.optionalString(TITLE);
        if (title.filter(t -> t.length() > MAX_TITLE).isPresent()) {
            throw new ToolInputException(TITLE, "must be at most " + MAX_TITLE + " characters, got " + title.get().length());
        }
        ReportRequest request = new ReportRequest(FrameworkArguments.parse(arguments),
                arguments.optionalEnum(FORMAT, ComplianceReportFormat.class).orElse(ComplianceReportFormat.MARKDOWN),
                target, title);
        try {
            return reports.generate(context.scope(), request, Callers.actor(context));
        } catch (IllegalArgumentException e) {
            // The tenant and scope were authorized already: what remains is the target or an empty platform.
            if (target instanceof ComplianceTarget.Configured || e instanceof TargetRefusedException) {
                throw CheckFailures.toolError(e);
            }
            throw new ToolInputException(targetArgument, "cannot be checked: " + e.getMessage());
        }
    }
}
