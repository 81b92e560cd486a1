package org.secheaders.analytics.tool;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.secheaders.analytics.service.ReportRejectedException;
import org.secheaders.analytics.service.ViolationIntakeService;
import org.secheaders.analytics.service.ViolationSubmission;
import org.secheaders.domain.report.CspViolationReport;
import org.secheaders.domain.report.ReportFormat;
import org.secheaders.platform.auth.ResourceCategory;
import org.secheaders.platform.tool.McpTool;
import org.secheaders.platform.tool.ToolArguments;
import org.secheaders.platform.tool.ToolContext;
import org.secheaders.platform.tool.ToolHints;
import org.secheaders.platform.tool.ToolInputException;

/** {@code track_csp_violation}: a browser report (raw or field by field) through the report pipeline into storage. */
public final class TrackCspViolationTool implements McpTool {

    static final String REPORT = "report";
    static final String CONTENT_TYPE = "content_type";
    private static final String DEFAULT_CONTENT_TYPE = "application/json";
    /** The structured alternative to {@value #REPORT}, in the order their problems are reported. */
    private static final List<String> FIELDS = List.of("document_uri", "effective_directive", "violated_directive",
            "blocked_uri", "disposition", "source_file", "line_number", "column_number", "status_code", "sample",
            "referrer", "user_agent", "original_policy");

    private final ViolationIntakeService intake;

    public TrackCspViolationTool(ViolationIntakeService intake) {
        this.intake = intake;
    }

    @Override
    public String name() {
        return "track_csp_violation";
    }

    @Override
    public String title() {
        return "Track a CSP violation";
    }

    @Override
    public String description() {
        return "Submits a Content-Security-Policy violation report for a tenant and stores it after the platform's "
                + "report pipeline has normalized it, filtered browser-extension noise, de-duplicated it (10-second "
                + "windows) and classified it. Give either `report`, the body a browser sent (report-uri "
                + "{\"csp-report\": {...}} or a Reporting API batch [...], as JSON or JSON text), or the report's "
                + "fields (document_uri and effective_directive at least). Returns the stored ids with severity, "
                + "classification, the rule that decided it and why, plus duplicate and noise counts.";
    }

    @Override
    public String inputSchema() {
        return """
                {
                  "type": "object",
                  "properties": {
                    %s,
                    "report": {"type": ["string", "object", "array"], "description": "A browser's report body as sent: {\\"csp-report\\": {...}} (report-uri) or a Reporting API batch [{\\"type\\": \\"csp-violation\\", \\"body\\": {...}}, ...], as JSON or as JSON text. At most 1 MiB and 100 reports."},
                    "content_type": {"type": "string", "enum": ["application/csp-report", "application/reports+json", "application/json"], "description": "The Content-Type the report came with; only with report. Default application/json (the JSON shape decides the format)."},
                    "document_uri": {"type": "string", "minLength": 1, "maxLength": 4096, "description": "Page whose policy was violated (document-uri / documentURL)."},
                    "effective_directive": {"type": "string", "minLength": 1, "maxLength": 128, "description": "The directive that blocked, e.g. script-src-elem. Required unless violated_directive is given."},
                    "violated_directive": {"type": "string", "minLength": 1, "maxLength": 4096, "description": "Legacy violated-directive; its first token is used when effective_directive is absent."},
                    "blocked_uri": {"type": "string", "maxLength": 4096, "description": "What was blocked: a URL, or inline, eval, wasm-eval, data, blob, ... Empty means 'self' (old browsers)."},
                    "disposition": {"type": "string", "enum": ["enforce", "report"], "description": "Whether the policy was enforced or report-only."},
                    "source_file": {"type": "string", "maxLength": 4096, "description": "Script or stylesheet where the violation happened."},
                    "line_number": {"type": "integer", "minimum": 0, "maximum": 2147483647},
                    "column_number": {"type": "integer", "minimum": 0, "maximum": 2147483647},
                    "status_code": {"type": "integer", "minimum": 0, "maximum": 999, "description": "HTTP status of the document."},
                    "sample": {"type": "string", "maxLength": 4096, "description": "The first characters of the blocked inline code (kept to 40)."},
                    "referrer": {"type": "string", "maxLength": 4096},
                    "user_agent": {"type": "string", "maxLength": 1024, "description": "The reporting browser's User-Agent; stored reduced to family, version and OS."},
                    "original_policy": {"type": "string", "maxLength": 16384, "description": "The policy text; only its hash is kept."}
                  },
                  "additionalProperties": false
                }
                """.formatted(TenantArguments.schema("the report belongs to (required)"));
    }

    @Override
    public String outputSchema() {
        return """
                {
                  "type": "object",
                  "properties": {
                    "tenant": {"type": "string"},
                    "received": {"type": "integer", "description": "CSP reports in the request"},
                    "stored": {"type": "array", "items": {
                      "type": "object",
                      "properties": {
                        "id": {"type": "integer"},
                        "directive": {"type": "string"},
                        "blocked_uri": {"type": "string"},
                        "document_uri": {"type": "string"},
                        "violation_type": %1$s,
                        "severity": %2$s,
                        "classification": %3$s,
                        "rule_id": {"type": "string"},
                        "reason": {"type": "string"},
                        "evidence": {"type": "string"},
                        "duplicate_count": {"type": "integer", "minimum": 1},
                        "noise_rule": {"type": "string"}
                      },
                      "required": ["id", "directive", "blocked_uri", "document_uri", "violation_type", "severity", "classification", "rule_id", "reason", "evidence", "duplicate_count"],
                      "additionalProperties": false
                    }},
                    "duplicates_suppressed": {"type": "integer", "description": "reports folded into a dedupe window opened earlier; not stored again"},
                    "noise": {"type": "object", "properties": {
                      "total": {"type": "integer"},
                      "by_rule": %4$s
                    }, "required": ["total", "by_rule"], "additionalProperties": false},
                    "other_reports": %5$s,
                    "errors": {"type": "array", "items": {
                      "type": "object",
                      "properties": {"code": {"type": "string"}, "item": {"type": "integer"}, "message": {"type": "string"}},
                      "required": ["code", "message"],
                      "additionalProperties": false
                    }},
                    "processing_ms": {"type": "number"}
                  },
                  "required": ["tenant", "received", "stored", "duplicates_suppressed", "noise", "other_reports", "errors", "processing_ms"],
                  "additionalProperties": false
                }
                """.formatted(OutputSchemas.VIOLATION_TYPE, OutputSchemas.SEVERITY, OutputSchemas.CLASSIFICATION,
                OutputSchemas.COUNTS, OutputSchemas.described(OutputSchemas.COUNTS,
                        "non-CSP Reporting API reports by type (counted, not stored)"));
    }

    @Override
    public ToolHints hints() {
        // Stores new rows: not idempotent (a repeat outside the dedupe window is stored again), never destructive.
        return ToolHints.writingTool(false, false);
    }

    @Override
    public ResourceCategory category() {
        return ResourceCategory.VIOLATIONS;
    }

    @Override
    public Object call(ToolContext context, ToolArguments arguments) {
        long tenantId = context.tenantId().orElseThrow(() ->
                new ToolInputException(ToolArguments.TENANT, "is required: name the tenant the report belongs to"));
        try {
            return intake.track(context.scope(), tenantId, submission(arguments));
        } catch (ReportRejectedException e) {
            throw new ToolInputException(REPORT, "was rejected: " + e.getMessage());
        }
    }

    private static ViolationSubmission submission(ToolArguments arguments) {
        Optional<String> report = arguments.optionalJsonText(REPORT);
        Optional<String> field = FIELDS.stream().filter(arguments::has).findFirst();
        if (report.isPresent()) {
            field.ifPresent(name -> {
                throw new ToolInputException(name, "cannot be combined with report: give the raw report or its fields");
            });
            String contentType = arguments.optionalString(CONTENT_TYPE).orElse(DEFAULT_CONTENT_TYPE);
            return new ViolationSubmission.RawReport(contentType, report.get().getBytes(StandardCharsets.UTF_8));
        }
        if (field.isEmpty()) {
            throw new ToolInputException(REPORT, "is required unless the report's fields are given "
                    + "(document_uri and effective_directive at least)");
        }
        if (arguments.has(CONTENT_TYPE)) {
            throw new ToolInputException(CONTENT_TYPE, "only applies to a raw report");
        }
        return new ViolationSubmission.StructuredReport(structured(arguments));
    }

    private static CspViolationReport structured(ToolArguments arguments) {
        CspViolationReport.Builder builder = CspViolationReport.builder(ReportFormat.STRUCTURED)
                .documentUri(arguments.requireString("document_uri"));
        arguments.optionalString("effective_directive").ifPresent(builder::effectiveDirective);
        arguments.optionalString("violated_directive").ifPresent(builder::violatedDirective);
        if (arguments.has("blocked_uri")) {
            builder.blockedUri(arguments.optionalString("blocked_uri").orElse(""));
        }
        arguments.optionalString("disposition").ifPresent(builder::disposition);
        arguments.optionalString("source_file").ifPresent(builder::sourceFile);
        arguments.optionalString("sample").ifPresent(builder::sample);
        arguments.optionalString("referrer").ifPresent(builder::referrer);
        arguments.optionalString("user_agent").ifPresent(builder::userAgent);
        arguments.optionalString("original_policy").ifPresent(builder::originalPolicy);
        if (arguments.has("line_number")) {
            builder.lineNumber(arguments.requireInt("line_number"));
        }
        if (arguments.has("column_number")) {
            builder.columnNumber(arguments.requireInt("column_number"));
        }
        if (arguments.has("status_code")) {
            builder.statusCode(arguments.requireInt("status_code"));
        }
        if (!arguments.has("effective_directive") && !arguments.has("violated_directive")) {
            throw new ToolInputException("effective_directive", "is required unless violated_directive is given");
        }
        builder.validate().ifPresent(error -> {
            throw new ToolInputException(arguments.has("effective_directive") ? "effective_directive" : "violated_directive",
                    "is unusable: " + error.message());
        });
        return builder.build();
    }
}
