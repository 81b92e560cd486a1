package org.secheaders.compliance.tool;

/** The output schema of generate_compliance_report, kept apart from its logic because it is long. */
final class ReportOutputSchema {

    private static final String STRING = "{\"type\": \"string\"}";
    private static final String INTEGER = "{\"type\": \"integer\"}";

    private static final String COUNTS = """
            {"type": "object", "properties": {"passed": %1$s, "warnings": %1$s, "failed": %1$s, "not_applicable": %1$s, "not_evaluated": %1$s},
             "required": ["passed", "warnings", "failed", "not_applicable", "not_evaluated"], "additionalProperties": false}"""
            .formatted(INTEGER);

    private static final String FRAMEWORK_LINE = """
            {"type": "object", "properties": {
              "framework": {"type": "string", "enum": ["owasp", "soc2", "gdpr", "iso27001", "nist"]},
              "status": {"type": "string", "enum": ["compliant", "non_compliant", "partial", "pending"]},
              "score": {"type": "integer", "minimum": 0, "maximum": 100},
              "counts": %s,
              "status_reason": %s
            }, "required": ["framework", "status", "score", "counts", "status_reason"], "additionalProperties": false}"""
            .formatted(COUNTS, STRING);

    private static final String FAILURE_LINE = """
            {"type": "object", "properties": {
              "check": %1$s, "severity": %1$s, "controls": {"type": "array", "items": %1$s}, "message": %1$s,
              "fix": {"type": "string", "description": "one line"}
            }, "required": ["check", "severity", "controls", "message", "fix"], "additionalProperties": false}"""
            .formatted(STRING);

    private static final String DRIFT = """
            {"type": "object", "properties": {
              "available": {"type": "boolean"},
              "status": {"type": "string", "enum": ["none", "drift", "critical", "not_available"]},
              "note": %1$s,
              "differences": {"type": "array", "items": {"type": "object", "properties": {
                "header": %1$s, "kind": %1$s, "configured": %1$s, "observed": %1$s, "critical": {"type": "boolean"}
              }, "required": ["header", "kind", "critical"], "additionalProperties": false}}
            }, "required": ["available", "status", "note", "differences"], "additionalProperties": false}"""
            .formatted(STRING);

    private static final String TREND = """
            {"type": "object", "properties": {
              "previous_report_id": %2$s,
              "previous_generated_at": {"type": "string", "format": "date-time"},
              "scores": {"type": "array", "items": {"type": "object", "properties": {
                "framework": %1$s, "previous": %2$s, "current": %2$s, "change": %2$s, "previous_status": %1$s, "current_status": %1$s
              }, "required": ["framework", "previous", "current", "change", "previous_status", "current_status"], "additionalProperties": false}},
              "changed_controls": {"type": "array", "items": {"type": "object", "properties": {
                "framework": %1$s, "control_id": %1$s, "before": %1$s, "after": %1$s, "regression": {"type": "boolean"}
              }, "required": ["framework", "control_id", "before", "after", "regression"], "additionalProperties": false}}
            }, "required": ["previous_report_id", "previous_generated_at", "scores", "changed_controls"], "additionalProperties": false}"""
            .formatted(STRING, INTEGER);

    private static final String SUMMARY = """
            {"type": "object", "properties": {
              "frameworks": {"type": "array", "items": %s},
              "top_failures": {"type": "array", "maxItems": 3, "items": %s},
              "drift": %s,
              "trend": %s
            }, "required": ["frameworks", "top_failures", "drift"], "additionalProperties": false}"""
            .formatted(FRAMEWORK_LINE, FAILURE_LINE, DRIFT, TREND);

    static final String GENERATED_REPORT = """
            {
              "type": "object",
              "properties": {
                "report_id": {"type": "integer"},
                "uri": {"type": "string", "description": "the stored report as an MCP resource"},
                "title": %1$s,
                "format": {"type": "string", "enum": ["json", "markdown", "html", "pdf"]},
                "mime_type": %1$s,
                "scope": {"type": "string", "description": "the tenant's slug, or all tenants"},
                "target": {"type": "string", "description": "configured, or the scanned URL"},
                "frameworks": {"type": "array", "items": %1$s},
                "tenants": {"type": "array", "items": {"type": "object", "properties": {
                  "tenant": %1$s,
                  "source": {"type": "string", "enum": ["configured", "observed", "supplied"]},
                  "observatory": {"type": "string", "description": "MDN Observatory grade and score of the same headers"},
                  "summary": %2$s
                }, "required": ["tenant", "source", "summary"], "additionalProperties": false}},
                "content_length": {"type": "integer", "description": "bytes"},
                "content": {"type": "string", "description": "the text report as stored (json, markdown, html up to 64 KiB); otherwise read the uri"}
              },
              "required": ["report_id", "uri", "title", "format", "mime_type", "scope", "target", "frameworks", "tenants", "content_length"],
              "additionalProperties": false
            }
            """.formatted(STRING, SUMMARY);

    private ReportOutputSchema() {
    }
}
