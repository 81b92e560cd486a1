package org.secheaders.analytics.tool;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.secheaders.analytics.service.Dimension;
import org.secheaders.analytics.service.SecurityMetricsService;
import org.secheaders.analytics.service.SecurityMetricsService.MetricsRequest;
import org.secheaders.analytics.service.TimeRange;
import org.secheaders.analytics.service.ViolationFilter;
import org.secheaders.domain.model.SecuritySeverity;
import org.secheaders.domain.model.ThreatClassification;
import org.secheaders.domain.model.ViolationType;
import org.secheaders.platform.auth.ResourceCategory;
import org.secheaders.platform.tool.McpTool;
import org.secheaders.platform.tool.ToolArguments;
import org.secheaders.platform.tool.ToolContext;
import org.secheaders.platform.tool.ToolHints;
import org.secheaders.platform.tool.ToolInputException;

/** {@code analyze_security_metrics}: violation totals, rates, breakdowns, resolution times and a page of violations. */
public final class AnalyzeSecurityMetricsTool implements McpTool {

    static final String GROUP_BY = "group_by";
    static final String PER_PAGE = "per_page";
    static final String PAGE = "page";
    static final String TOP_N = "top_n";
    static final int MAX_PER_PAGE = 100;
    static final int MAX_PAGE = 100_000;
    static final int MAX_TOP_N = 50;
    private static final Duration DEFAULT_PERIOD = Duration.ofDays(7);
    private static final Duration LONGEST_PERIOD = Duration.ofDays(366);
    private static final List<Dimension> DEFAULT_GROUP_BY =
            List.of(Dimension.DIRECTIVE, Dimension.HOST, Dimension.CLASSIFICATION, Dimension.DAY);

    private final SecurityMetricsService metrics;
    private final Clock clock;

    public AnalyzeSecurityMetricsTool(SecurityMetricsService metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "analyze_security_metrics";
    }

    @Override
    public String title() {
        return "Analyze security metrics";
    }

    @Override
    public String description() {
        return "Statistics of stored violation reports for a period (default the last 7 days), for one tenant or all "
                + "tenants the caller may see: totals (open/resolved, by classification and severity), rates per hour "
                + "and day, breakdowns by directive, host, document, severity, classification, hour or day, the most "
                + "frequent (directive, blocked) pairs, median and p90 time to resolution, and one page of the "
                + "matching violations (per_page at most 100).";
    }

    @Override
    public String inputSchema() {
        return """
                {
                  "type": "object",
                  "properties": {
                    %s,
                    %s,
                    "violation_type": %s,
                    "severity": %s,
                    "classification": %s,
                    "directive": {"type": "string", "minLength": 1, "maxLength": 128, "description": "Effective directive, e.g. script-src-elem."},
                    "blocked_host": {"type": "string", "minLength": 1, "maxLength": 253, "description": "Host of the blocked URI, e.g. cdn.example.com."},
                    "document": {"type": "string", "minLength": 1, "maxLength": 2048, "description": "Document URI exactly as stored (no query string)."},
                    "group_by": {"type": "array", "items": {"type": "string", "enum": ["directive", "host", "document", "severity", "classification", "hour", "day"]}, "uniqueItems": true, "maxItems": 7, "description": "Breakdowns to compute. Default [directive, host, classification, day]. hour needs a period of at most 14 days."},
                    "top_n": {"type": "integer", "minimum": 1, "maximum": %d, "description": "Entries per breakdown and top list. Default 10."},
                    "page": {"type": "integer", "minimum": 1, "maximum": %d, "description": "Page of the violation list, from 1. Default 1."},
                    "per_page": {"type": "integer", "minimum": 1, "maximum": %d, "description": "Violations per page, at most 100. Default 20."}
                  },
                  "additionalProperties": false
                }
                """.formatted(TenantArguments.schema("to analyse; omit for every tenant you may see"),
                PeriodArguments.schema("7 days"), OutputSchemas.VIOLATION_TYPE, OutputSchemas.SEVERITY,
                OutputSchemas.CLASSIFICATION, MAX_TOP_N, MAX_PAGE, MAX_PER_PAGE);
    }

    @Override
    public String outputSchema() {
        return """
                {
                  "type": "object",
                  "properties": {
                    "scope": {"type": "string", "description": "tenant slug, or all tenants"},
                    "period": %1$s,
                    "totals": {"type": "object", "properties": {
                      "violations": {"type": "integer"},
                      "open": {"type": "integer"},
                      "resolved": {"type": "integer"},
                      "by_classification": %2$s,
                      "by_severity": %2$s
                    }, "required": ["violations", "open", "resolved", "by_classification", "by_severity"], "additionalProperties": false},
                    "rates": {"type": "object", "properties": {
                      "per_hour": {"type": "number"},
                      "per_day": {"type": "number"}
                    }, "required": ["per_hour", "per_day"], "additionalProperties": false},
                    "breakdowns": {"type": "array", "items": {"type": "object", "properties": {
                      "group_by": {"type": "string"},
                      "counts": {"type": "array", "items": {"type": "object", "properties": {
                        "key": {"type": "string"},
                        "count": {"type": "integer"},
                        "share": {"type": "number", "minimum": 0, "maximum": 1}
                      }, "required": ["key", "count", "share"], "additionalProperties": false}}
                    }, "required": ["group_by", "counts"], "additionalProperties": false}},
                    "top": {"type": "array", "items": {"type": "object", "properties": {
                      "directive": {"type": "string"},
                      "blocked": {"type": "string"},
                      "count": {"type": "integer"},
                      "first_seen": %3$s,
                      "last_seen": %3$s
                    }, "required": ["directive", "blocked", "count", "first_seen", "last_seen"], "additionalProperties": false}},
                    "resolution_times": {"type": "object", "properties": {
                      "resolved": {"type": "integer"},
                      "median_seconds": {"type": "number"},
                      "p90_seconds": {"type": "number"}
                    }, "required": ["resolved"], "additionalProperties": false},
                    "violations": {"type": "object", "properties": {
                      "items": {"type": "array", "items": {"type": "object", "properties": {
                        "id": {"type": "integer"},
                        "tenant": {"type": "string"},
                        "violation_type": {"type": "string"},
                        "directive": {"type": "string"},
                        "blocked_uri": {"type": "string"},
                        "document_uri": {"type": "string"},
                        "source_file": {"type": "string"},
                        "line_number": {"type": "integer"},
                        "severity": {"type": "string"},
                        "classification": {"type": "string"},
                        "rule_id": {"type": "string"},
                        "disposition": {"type": "string"},
                        "received_at": %3$s,
                        "resolved_at": %3$s
                      }, "required": ["id", "tenant", "violation_type", "directive", "document_uri", "severity", "classification", "received_at"],
                         "additionalProperties": false}},
                      "pagination": {"type": "object", "properties": {
                        "total": {"type": "integer"},
                        "per_page": {"type": "integer"},
                        "current_page": {"type": "integer"},
                        "total_pages": {"type": "integer"}
                      }, "required": ["total", "per_page", "current_page", "total_pages"], "additionalProperties": false}
                    }, "required": ["items", "pagination"], "additionalProperties": false}
                  },
                  "required": ["scope", "period", "totals", "rates", "breakdowns", "top", "resolution_times", "violations"],
                  "additionalProperties": false
                }
                """.formatted(OutputSchemas.TIME_RANGE, OutputSchemas.COUNTS, OutputSchemas.DATE_TIME);
    }

    @Override
    public ToolHints hints() {
        return ToolHints.readOnlyTool();
    }

    @Override
    public ResourceCategory category() {
        return ResourceCategory.VIOLATIONS;
    }

    @Override
    public Object call(ToolContext context, ToolArguments arguments) {
        TimeRange period = PeriodArguments.read(arguments, clock.instant(), DEFAULT_PERIOD, Duration.ofMinutes(1),
                LONGEST_PERIOD);
        ViolationFilter filter = new ViolationFilter(
                arguments.optionalEnum("violation_type", ViolationType.class),
                arguments.optionalEnum("severity", SecuritySeverity.class),
                arguments.optionalEnum("classification", ThreatClassification.class),
                arguments.optionalString("directive").map(text -> text.toLowerCase(Locale.ROOT)),
                arguments.optionalString("blocked_host"),
                arguments.optionalString("document"));
        List<Dimension> groupBy = groupBy(arguments);
        if (groupBy.contains(Dimension.HOUR) && period.length().compareTo(SecurityMetricsService.MAX_HOURLY_PERIOD) > 0) {
            throw new ToolInputException(GROUP_BY, "hour needs a period of at most "
                    + SecurityMetricsService.MAX_HOURLY_PERIOD.toDays() + " days; use day");
        }
        return metrics.analyze(context.scope(), new MetricsRequest(period, filter, groupBy,
                NumberArguments.between(arguments, TOP_N, 10, 1, MAX_TOP_N),
                NumberArguments.between(arguments, PAGE, 1, 1, MAX_PAGE),
                NumberArguments.between(arguments, PER_PAGE, 20, 1, MAX_PER_PAGE)));
    }

    private static List<Dimension> groupBy(ToolArguments arguments) {
        if (!arguments.has(GROUP_BY)) {
            return DEFAULT_GROUP_BY;
        }
        List<Dimension> dimensions = new ArrayList<>();
        for (String name : arguments.stringList(GROUP_BY)) {
            Dimension dimension = Arrays.stream(Dimension.values()).filter(d -> d.wireName().equals(name)).findFirst()
                    .orElseThrow(() -> new ToolInputException(GROUP_BY, "must list only directive, host, document, "
                            + "severity, classification, hour or day, got '" + name + "'"));
            if (!dimensions.contains(dimension)) {
                dimensions.add(dimension);
            }
        }
        return dimensions;
    }
}
