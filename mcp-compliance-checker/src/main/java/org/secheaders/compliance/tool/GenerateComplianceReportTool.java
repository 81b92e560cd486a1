package org.secheaders.compliance.tool;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.secheaders.compliance.report.ComplianceReportService;
import org.secheaders.compliance.report.ComplianceReportService.ReportRequest;
import org.secheaders.domain.model.Actor;
import org.secheaders.domain.model.ComplianceFramework;
import org.secheaders.domain.model.ComplianceReportFormat;
import org.secheaders.domain.model.WireEnums;
import org.secheaders.platform.auth.ResourceCategory;
import org.secheaders.platform.tool.McpTool;
import org.secheaders.platform.tool.ToolArguments;
import org.secheaders.platform.tool.ToolContext;
import org.secheaders.platform.tool.ToolException;
import org.secheaders.platform.tool.ToolHints;
import org.secheaders.platform.tool.ToolInputException;

/**
 * {@code generate_compliance_report}: fresh checks of a tenant (or every active tenant) against all or
 * chosen frameworks, as an executive summary and per-control evidence in JSON, Markdown, HTML or PDF,
 * stored as a resource.
 */
public final class GenerateComplianceReportTool implements McpTool {

    static final String FRAMEWORKS = "frameworks";
    static final String FORMAT = "format";
    static final String URL = "url";
    static final String TITLE = "title";
    private static final int MAX_TITLE = 200;
    private static final int MAX_URL = 2048;

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
        return "Checks a tenant now (its configured headers, or the live headers at url) against all or the chosen "
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
                    "url": {"type": "string", "format": "uri", "maxLength": %d, "description": "An http(s) URL of the tenant to scan instead of judging its configured headers (exactly this URL; no crawling). Needs a tenant."},
                    "title": {"type": "string", "minLength": 1, "maxLength": %d, "description": "Default: Compliance report for <tenant or all tenants>."}
                  },
                  "additionalProperties": false
                }
                """.formatted(MAX_URL, MAX_TITLE);
    }

    @Override
    public String outputSchema() {
        return OutputSchemas.GENERATED_REPORT;
    }

    @Override
    public ToolHints hints() {
        // Stores a report and the check results on every call; may fetch the URL it is given.
        return ToolHints.writingTool(false, false).reachingOutside();
    }

    @Override
    public ResourceCategory category() {
        return ResourceCategory.COMPLIANCE;
    }

    @Override
    public Object call(ToolContext context, ToolArguments arguments) {
        Optional<URI> url = arguments.optionalString(URL).map(GenerateComplianceReportTool::url);
        if (url.isPresent() && context.tenantId().isEmpty()) {
            throw new ToolInputException(URL, "needs a tenant (tenant or tenant_id): a platform-wide report judges "
                    + "configured headers");
        }
        Optional<String> title = arguments.optionalString(TITLE);
        if (title.filter(t -> t.length() > MAX_TITLE).isPresent()) {
            throw new ToolInputException(TITLE, "must be at most " + MAX_TITLE + " characters, got " + title.get().length());
        }
        ReportRequest request = new ReportRequest(frameworks(arguments),
                arguments.optionalEnum(FORMAT, ComplianceReportFormat.class).orElse(ComplianceReportFormat.MARKDOWN),
                url, title);
        Actor actor = new Actor(context.identity().subject(), context.identity().role(),
                Optional.of(context.correlationId()));
        try {
            return reports.generate(context.scope(), request, actor);
        } catch (IllegalArgumentException e) {
            // The tenant and scope were authorized already: what remains is the target or an empty platform.
            if (url.isPresent()) {
                throw new ToolInputException(URL, "cannot be checked: " + e.getMessage());
            }
            throw new ToolException(e.getMessage());
        }
    }

    private static Set<ComplianceFramework> frameworks(ToolArguments arguments) {
        if (!arguments.has(FRAMEWORKS)) {
            return EnumSet.allOf(ComplianceFramework.class);
        }
        List<String> names = arguments.stringList(FRAMEWORKS);
        if (names.isEmpty()) {
            throw new ToolInputException(FRAMEWORKS, "must name at least one framework");
        }
        Set<ComplianceFramework> frameworks = EnumSet.noneOf(ComplianceFramework.class);
        for (String name : names) {
            try {
                frameworks.add(ComplianceFramework.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new ToolInputException(FRAMEWORKS, "must contain only " + WireEnums.allowed(ComplianceFramework.class)
                        + ", got '" + name + "'");
            }
        }
        return frameworks;
    }

    private static URI url(String text) {
        if (text.length() > MAX_URL) {
            throw new ToolInputException(URL, "must be at most " + MAX_URL + " characters, got " + text.length());
        }
        try {
            URI uri = new URI(text);
            String scheme = Optional.ofNullable(uri.getScheme()).map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new ToolInputException(URL, "must be an absolute http or https URL, got '" + text + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ToolInputException(URL, "is not a URL: " + e.getReason());
        }
    }
}
