package org.secheaders.analytics.tool;

/** JSON Schema fragments for values that several tools take or return, so they are described once. */
final class OutputSchemas {

    static final String DATE_TIME = """
            {"type": "string", "format": "date-time"}""";

    static final String STRINGS = """
            {"type": "array", "items": {"type": "string"}}""";

    static final String VIOLATION_TYPE = """
            {"type": "string", "enum": ["csp", "xss", "clickjacking", "mime_sniffing"]}""";

    static final String CLASSIFICATION = """
            {"type": "string", "enum": ["false_positive", "suspicious", "malicious", "unknown"]}""";

    static final String TIME_RANGE = """
            {"type": "object", "properties": {
              "start": %1$s,
              "end": %1$s,
              "hours": {"type": "number"}
            }, "required": ["start", "end", "hours"], "additionalProperties": false}""".formatted(DATE_TIME);

    static final String SEVERITY = """
            {"type": "string", "enum": ["low", "medium", "high", "critical"]}""";

    static final String COUNTS = """
            {"type": "object", "additionalProperties": {"type": "integer"}}""";

    static final String ANOMALY = """
            {"type": "object", "properties": {
              "tenant": {"type": "string"},
              "tenant_id": {"type": "integer"},
              "directive": {"type": "string", "description": "absent for the tenant's total"},
              "blocked": {"type": "string", "description": "blocked host, or the blocked keyword (inline, eval, data:)"},
              "kind": {"type": "string", "enum": ["spike", "sustained_rise", "drop"]},
              "window_start": %2$s,
              "window_end": %2$s,
              "observed": {"type": "number", "description": "mean reports per minute over the run"},
              "peak": {"type": "integer"},
              "expected": {"type": "number"},
              "lower": {"type": "number"},
              "upper": {"type": "number"},
              "method": {"type": "string", "enum": ["robust_mad", "seasonal_day", "seasonal_week", "poisson_tail"]},
              "parameters": {"type": "object", "properties": {
                "k": {"type": "number"},
                "consecutive_breaches": {"type": "integer"},
                "p_value": {"type": "number"}
              }, "required": ["consecutive_breaches"], "additionalProperties": false},
              "severity": %1$s,
              "explanation": {"type": "string"}
            }, "required": ["tenant", "tenant_id", "kind", "window_start", "window_end", "observed", "peak", "expected",
                            "lower", "upper", "method", "parameters", "severity", "explanation"],
               "additionalProperties": false}""".formatted(SEVERITY, DATE_TIME);

    static final String FIRST_SIGHTING = """
            {"type": "object", "properties": {
              "tenant": {"type": "string"},
              "tenant_id": {"type": "integer"},
              "directive": {"type": "string"},
              "blocked": {"type": "string"},
              "first_seen": %2$s,
              "window_end": %2$s,
              "observed": {"type": "integer"},
              "peak": {"type": "integer"},
              "severity": %1$s,
              "explanation": {"type": "string"}
            }, "required": ["tenant", "tenant_id", "directive", "blocked", "first_seen", "window_end", "observed", "peak",
                            "severity", "explanation"],
               "additionalProperties": false}""".formatted(SEVERITY, DATE_TIME);

    static final String POLICY_CHANGE = """
            {"type": "object", "properties": {
              "change_id": {"type": "integer", "description": "audit log entry id"},
              "tenant": {"type": "string"},
              "tenant_id": {"type": "integer"},
              "action": {"type": "string"},
              "policy_id": {"type": "string"},
              "policy_name": {"type": "string"},
              "policy_version": {"type": "integer"},
              "actor": {"type": "string"},
              "occurred_at": %1$s,
              "removed_sources": %2$s
            }, "required": ["change_id", "tenant", "tenant_id", "action", "policy_id", "actor", "occurred_at", "removed_sources"],
               "additionalProperties": false}""".formatted(DATE_TIME, STRINGS);

    static final String TIMING_REGRESSION = """
            {"type": "object", "properties": {
              "tenant": {"type": "string"},
              "tenant_id": {"type": "integer"},
              "metric": {"type": "string"},
              "started_at": %1$s,
              "ended_at": %1$s,
              "baseline_p99_us": {"type": "number"},
              "observed_p99_us": {"type": "number"},
              "ratio": {"type": "number"}
            }, "required": ["tenant", "tenant_id", "metric", "started_at", "ended_at", "baseline_p99_us", "observed_p99_us", "ratio"],
               "additionalProperties": false}""".formatted(DATE_TIME);

    private OutputSchemas() {
    }

    /** {@code schema}, a JSON object, with a {@code description} added. */
    static String described(String schema, String description) {
        return schema.substring(0, schema.lastIndexOf('}')) + ", \"description\": \"" + description + "\"}";
    }
}
