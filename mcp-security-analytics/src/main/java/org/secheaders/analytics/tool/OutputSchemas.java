package org.secheaders.analytics.tool;

/** JSON Schema fragments for values that several tools return, so they are described once. */
final class OutputSchemas {

    static final String TIME_RANGE = """
            {"type": "object", "properties": {
              "start": {"type": "string", "format": "date-time"},
              "end": {"type": "string", "format": "date-time"},
              "hours": {"type": "number"}
            }, "required": ["start", "end", "hours"], "additionalProperties": false}""";

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
              "window_start": {"type": "string", "format": "date-time"},
              "window_end": {"type": "string", "format": "date-time"},
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
               "additionalProperties": false}""".formatted(SEVERITY);

    static final String FIRST_SIGHTING = """
            {"type": "object", "properties": {
              "tenant": {"type": "string"},
              "tenant_id": {"type": "integer"},
              "directive": {"type": "string"},
              "blocked": {"type": "string"},
              "first_seen": {"type": "string", "format": "date-time"},
              "window_end": {"type": "string", "format": "date-time"},
              "observed": {"type": "integer"},
              "peak": {"type": "integer"},
              "severity": %1$s,
              "explanation": {"type": "string"}
            }, "required": ["tenant", "tenant_id", "directive", "blocked", "first_seen", "window_end", "observed", "peak",
                            "severity", "explanation"],
               "additionalProperties": false}""".formatted(SEVERITY);

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
              "occurred_at": {"type": "string", "format": "date-time"},
              "removed_sources": {"type": "array", "items": {"type": "string"}}
            }, "required": ["change_id", "tenant", "tenant_id", "action", "policy_id", "actor", "occurred_at", "removed_sources"],
               "additionalProperties": false}""";

    static final String TIMING_REGRESSION = """
            {"type": "object", "properties": {
              "tenant": {"type": "string"},
              "tenant_id": {"type": "integer"},
              "metric": {"type": "string"},
              "started_at": {"type": "string", "format": "date-time"},
              "ended_at": {"type": "string", "format": "date-time"},
              "baseline_p99_us": {"type": "number"},
              "observed_p99_us": {"type": "number"},
              "ratio": {"type": "number"}
            }, "required": ["tenant", "tenant_id", "metric", "started_at", "ended_at", "baseline_p99_us", "observed_p99_us", "ratio"],
               "additionalProperties": false}""";

    private OutputSchemas() {
    }
}
