package org.secheaders.compliance.tool;

/** JSON Schema fragments of the compliance tools' results, described once. */
final class OutputSchemas {

    static final String OUTCOME = """
            {"type": "string", "enum": ["pass", "warning", "fail", "not_applicable", "not_evaluated"]}""";

    static final String SEVERITY = """
            {"type": "string", "enum": ["low", "medium", "high", "critical"]}""";

    static final String STRINGS = """
            {"type": "array", "items": {"type": "string"}}""";

    static final String TARGET = """
            {"type": "object", "description": "what was judged; cookie values are redacted", "properties": {
              "source": {"type": "string", "enum": ["configured", "observed", "supplied"]},
              "url": {"type": "string"},
              "header_lines": %1$s,
              "redirect_chain": {"type": "array", "items": {"type": "string"}, "description": "'status url' per hop"},
              "not_evaluated": {"type": "string", "description": "why a scan gave no response"}
            }, "required": ["source", "header_lines", "redirect_chain"], "additionalProperties": false}"""
            .formatted(STRINGS);

    static final String CONTROL = """
            {"type": "object", "properties": {
              "control_id": {"type": "string"},
              "name": {"type": "string"},
              "requirement": {"type": "string"},
              "outcome": %1$s,
              "severity": %2$s,
              "reason": {"type": "string", "description": "the rule that decided and the checks behind it"},
              "checks": {"type": "array", "items": {"type": "object", "properties": {
                "id": {"type": "string"},
                "outcome": %1$s,
                "read_as": %1$s,
                "rule": {"type": "string"},
                "observed": {"type": "string"},
                "expected": {"type": "string"},
                "message": {"type": "string"}
              }, "required": ["id", "outcome", "read_as", "rule", "expected", "message"], "additionalProperties": false}},
              "evidence": {"type": "array", "items": {"type": "string"}, "description": "raw header lines, cookie values redacted"},
              "remediation": {"type": "string"},
              "citation": {"type": "string"}
            }, "required": ["control_id", "name", "requirement", "outcome", "severity", "reason", "checks", "evidence",
                            "citation"], "additionalProperties": false}""".formatted(OUTCOME, SEVERITY);

    static final String FAILURE = """
            {"type": "object", "properties": {
              "check_id": {"type": "string"},
              "outcome": {"type": "string", "enum": ["fail", "warning"]},
              "severity": %1$s,
              "controls": %2$s,
              "message": {"type": "string"},
              "fix": {"type": "string"}
            }, "required": ["check_id", "outcome", "severity", "controls", "message", "fix"], "additionalProperties": false}"""
            .formatted(SEVERITY, STRINGS);

    static final String DRIFT = """
            {"type": "array", "description": "configured vs observed, per header (URL targets)", "items": {"type": "object", "properties": {
              "header": {"type": "string"},
              "kind": {"type": "string", "enum": ["missing", "different", "extra"]},
              "configured": {"type": "string"},
              "observed": {"type": "string"},
              "critical": {"type": "boolean"}
            }, "required": ["header", "kind", "critical"], "additionalProperties": false}}""";

    static final String OBSERVATORY = """
            {"type": "object", "description": "MDN HTTP Observatory (v6) grade of the same evidence", "properties": {
              "algorithm_version": {"type": "integer"},
              "grade": {"type": "string"},
              "score": {"type": "integer"},
              "tests_passed": {"type": "integer"},
              "tests_failed": {"type": "integer"},
              "tests_quantity": {"type": "integer"},
              "tests": {"type": "array", "items": {"type": "object", "properties": {
                "test": {"type": "string"},
                "result": {"type": "string"},
                "pass": {"type": "boolean"},
                "score_modifier": {"type": "integer"},
                "description": {"type": "string"},
                "recommendation": {"type": "string"}
              }, "required": ["test", "result", "pass", "score_modifier", "description", "recommendation"],
                 "additionalProperties": false}},
              "out_of_scope": {"type": "array", "items": {"type": "object", "properties": {
                "test": {"type": "string"}, "reason": {"type": "string"}
              }, "required": ["test", "reason"], "additionalProperties": false}}
            }, "required": ["algorithm_version", "grade", "score", "tests_passed", "tests_failed", "tests_quantity", "tests",
                            "out_of_scope"], "additionalProperties": false}""";

    static final String DISAGREEMENTS = """
            {"type": "array", "description": "where the Observatory and the CSP validator judge the CSP differently", "items": {"type": "object", "properties": {
              "kind": {"type": "string"},
              "observatory": {"type": "string"},
              "validator": {"type": "string"},
              "explanation": {"type": "string"},
              "position": {"type": "string", "description": "how this evaluation decides"}
            }, "required": ["kind", "observatory", "validator", "explanation", "position"], "additionalProperties": false}}""";

    /** {@link org.secheaders.compliance.service.CheckReport}. */
    static final String CHECK_REPORT = """
            {
              "type": "object",
              "properties": {
                "tenant": {"type": "string"},
                "tenant_id": {"type": "integer"},
                "framework": {"type": "string", "enum": ["owasp", "soc2", "gdpr", "iso27001", "nist"]},
                "checked_at": {"type": "string", "format": "date-time"},
                "next_check_at": {"type": "string", "format": "date-time"},
                "target": %1$s,
                "asvs": {"type": "object", "properties": {"version": {"type": "string"}, "level": {"type": "integer"}},
                         "required": ["version", "level"], "additionalProperties": false},
                "status": {"type": "string", "enum": ["compliant", "non_compliant", "partial", "pending"]},
                "score": {"type": "integer", "minimum": 0, "maximum": 100},
                "counts": {"type": "object", "properties": {
                  "passed": {"type": "integer"}, "warnings": {"type": "integer"}, "failed": {"type": "integer"},
                  "not_applicable": {"type": "integer"}, "not_evaluated": {"type": "integer"}
                }, "required": ["passed", "warnings", "failed", "not_applicable", "not_evaluated"], "additionalProperties": false},
                "status_reason": {"type": "string"},
                "controls": {"type": "array", "items": %2$s},
                "top_failures": {"type": "array", "items": %3$s},
                "drift": %4$s,
                "transitions": {"type": "array", "description": "controls whose stored result changed with this check", "items": {"type": "object", "properties": {
                  "control_id": {"type": "string"}, "before": {"type": "string"}, "after": {"type": "string"},
                  "regression": {"type": "boolean", "description": "a pass that became a failure"}
                }, "required": ["control_id", "before", "after", "regression"], "additionalProperties": false}},
                "observatory": %5$s,
                "disagreements": %6$s,
                "catalogue_version": {"type": "string"},
                "reference": {"type": "string"},
                "disclaimer": {"type": "string"}
              },
              "required": ["tenant", "tenant_id", "framework", "checked_at", "next_check_at", "target", "asvs", "status",
                           "score", "counts", "status_reason", "controls", "top_failures", "transitions",
                           "catalogue_version", "reference", "disclaimer"],
              "additionalProperties": false
            }
            """.formatted(TARGET, CONTROL, FAILURE, DRIFT, OBSERVATORY, DISAGREEMENTS);

    private OutputSchemas() {
    }
}
