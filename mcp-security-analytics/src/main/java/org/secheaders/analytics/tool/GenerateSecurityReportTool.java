package org.secheaders.analytics.tool;

import java.time.Clock;
import java.time.Duration;
import org.secheaders.analytics.service.SecurityReportService;
import org.secheaders.analytics.service.SecurityReportService.ReportRequest;
import org.secheaders.domain.model.SecurityReportFormat;
import org.secheaders.platform.auth.ResourceCategory;
import org.secheaders.platform.tool.McpTool;
import org.secheaders.platform.tool.ToolArguments;
import org.secheaders.platform.tool.ToolContext;
import org.secheaders.platform.tool.ToolHints;

/** {@code generate_security_report}: an executive summary and detail tables for a period, stored as a resource. */
public final class GenerateSecurityReportTool implements McpTool {

    static final String FORMAT = "format";
    static final String TITLE = "title";
    static final int MAX_TOP_N = 25;
    private static final Duration DEFAULT_PERIOD = Duration.ofDays(7);
    private static final Duration LONGEST_PERIOD = Duration.ofDays(92);

    private final SecurityReportService reports;
    private final Clock clock;

    public GenerateSecurityReportTool(SecurityReportService reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "generate_security_report";
    }

    @Override
    public String title() {
        return "Generate a security report";
    }

    @Override
    public String description() {
        return "Generates and stores a security report for a period (default the last 7 days, at most 92) and a "
                + "tenant or all visible tenants: an executive summary (totals, trend against the previous period of "
                + "equal length, top malicious and suspicious directive/host pairs, anomalies, open incidents, policy "
                + "changes) and detail tables. Formats: markdown (default), html or json; every browser-supplied value "
                + "is escaped. The report stays readable as the resource secheaders://reports/{id}.";
    }

    @Override
    public String inputSchema() {
        return """
                {
                  "type": "object",
                  "properties": {
                    %s,
                    %s,
                    "format": {"type": "string", "enum": ["markdown", "html", "json"], "description": "Default markdown."},
                    "title": {"type": "string", "minLength": 1, "maxLength": 200, "description": "Default: Security report for <scope>, <start> to <end>."},
                    "top_n": {"type": "integer", "minimum": 1, "maximum": %d, "description": "Rows per detail table. Default 10."}
                  },
                  "additionalProperties": false
                }
                """.formatted(TenantArguments.schema("to report on; omit for every tenant you may see"),
                PeriodArguments.schema("7 days"), MAX_TOP_N);
    }

    @Override
    public String outputSchema() {
        return """
                {
                  "type": "object",
                  "properties": {
                    "report_id": {"type": "integer"},
                    "uri": {"type": "string", "description": "the stored report as an MCP resource"},
                    "title": {"type": "string"},
                    "format": {"type": "string", "enum": ["json", "markdown", "html"]},
                    "mime_type": {"type": "string"},
                    "scope": {"type": "string"},
                    "period": %1$s,
                    "summary": {"type": "object", "properties": {
                      "violations": {"type": "integer"},
                      "by_classification": %2$s,
                      "by_severity": %2$s,
                      "trend": {"type": "object", "properties": {
                        "previous_period": %1$s,
                        "previous_violations": {"type": "integer"},
                        "change": {"type": "integer"},
                        "change_percent": {"type": "number"},
                        "direction": {"type": "string", "enum": ["up", "down", "flat"]}
                      }, "required": ["previous_period", "previous_violations", "change", "direction"], "additionalProperties": false},
                      "top_risks": {"type": "array", "items": {"type": "object", "properties": {
                        "directive": {"type": "string"},
                        "blocked": {"type": "string"},
                        "classification": {"type": "string", "enum": ["malicious", "suspicious"]},
                        "count": {"type": "integer"},
                        "first_seen": %3$s,
                        "last_seen": %3$s
                      }, "required": ["directive", "blocked", "classification", "count", "first_seen", "last_seen"], "additionalProperties": false}},
                      "anomalies": {"type": "object", "properties": {
                        "rate_anomalies": {"type": "integer"},
                        "first_sightings": {"type": "integer"},
                        "by_severity": %2$s
                      }, "required": ["rate_anomalies", "first_sightings", "by_severity"], "additionalProperties": false},
                      "open_incidents": {"type": "object", "properties": {
                        "total": {"type": "integer"},
                        "by_status": %2$s,
                        "incidents": {"type": "array", "items": {"type": "object", "properties": {
                          "id": {"type": "integer"},
                          "tenant": {"type": "string"},
                          "title": {"type": "string"},
                          "severity": {"type": "string"},
                          "status": {"type": "string"},
                          "detected_at": %3$s
                        }, "required": ["id", "tenant", "title", "severity", "status", "detected_at"], "additionalProperties": false}}
                      }, "required": ["total", "by_status", "incidents"], "additionalProperties": false},
                      "policy_changes": {"type": "integer"}
                    }, "required": ["violations", "by_classification", "by_severity", "trend", "top_risks", "anomalies", "open_incidents", "policy_changes"],
                       "additionalProperties": false},
                    "sections": %4$s,
                    "content_length": {"type": "integer"},
                    "content": {"type": "string", "description": "the rendered report, as stored"}
                  },
                  "required": ["report_id", "uri", "title", "format", "mime_type", "scope", "period", "summary", "sections", "content_length", "content"],
                  "additionalProperties": false
                }
                """.formatted(OutputSchemas.TIME_RANGE, OutputSchemas.COUNTS, OutputSchemas.DATE_TIME,
                OutputSchemas.STRINGS);
    }

    @Override
    public ToolHints hints() {
        // Stores a new report on every call; reads violations, changes nothing else.
        return ToolHints.writingTool(false, false);
    }

    @Override
    public ResourceCategory category() {
        return ResourceCategory.VIOLATIONS;
    }

    @Override
    public Object call(ToolContext context, ToolArguments arguments) {
        ReportRequest request = new ReportRequest(
                PeriodArguments.read(arguments, clock.instant(), DEFAULT_PERIOD, Duration.ofHours(1), LONGEST_PERIOD),
                arguments.optionalEnum(FORMAT, SecurityReportFormat.class).orElse(SecurityReportFormat.MARKDOWN),
                arguments.optionalString(TITLE),
                NumberArguments.between(arguments, "top_n", 10, 1, MAX_TOP_N));
        return reports.generate(context.scope(), request, context.identity().subject());
    }
}
