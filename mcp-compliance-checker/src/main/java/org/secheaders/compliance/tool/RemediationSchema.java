package org.secheaders.compliance.tool;

/** The output schema of {@code suggest_remediation} ({@link org.secheaders.compliance.service.RemediationResult}). */
final class RemediationSchema {

    private static final String SCORE_CHANGES = """
            {"type": "array", "items": {"type": "object", "properties": {
              "framework": {"type": "string"}, "before": {"type": "integer"}, "after": {"type": "integer"}
            }, "required": ["framework", "before", "after"], "additionalProperties": false}}""";

    private static final String POLICY_ROWS = """
            {"type": "array", "description": "tenant policy rows that make the change", "items": {"type": "object", "properties": {
              "inheritance_mode": {"type": "string", "enum": ["extend", "override"]},
              "policy_config": {"type": "object", "description": "the row's policy_config (csp, cspReportOnly, headers, removeHeaders, reportingEndpoints)"},
              "override_directives": {"type": "array", "items": {"type": "string"}, "description": "directives the override row replaces, under grants the tenant already holds"}
            }, "required": ["inheritance_mode", "policy_config"], "additionalProperties": false}}""";

    private static final String SUGGESTION = """
            {"type": "object", "properties": {
              "rank": {"type": "integer", "minimum": 1},
              "target": {"type": "string"},
              "changes": {"type": "array", "items": {"type": "object", "properties": {
                "header": {"type": "string"}, "before": {"type": "string"}, "after": {"type": "string"}
              }, "required": ["header"], "additionalProperties": false}},
              "policy": %1$s,
              "application": {"type": "array", "items": {"type": "string"}, "description": "header changes the platform does not manage: for the application or web server"},
              "addresses": %2$s,
              "controls_fixed": %2$s,
              "controls_improved": %2$s,
              "controls_completed": %2$s,
              "impact": {"type": "integer"},
              "joint_impact": {"type": "integer"},
              "observatory_before": {"type": "integer"},
              "observatory_after": {"type": "integer"},
              "scores": %3$s,
              "rationale": {"type": "string"},
              "validation": {"type": "array", "items": {"type": "string"}, "description": "the policy engine's decisions on the rows"}
            }, "required": ["rank", "target", "changes", "policy", "application", "addresses", "controls_fixed",
                            "controls_improved", "controls_completed", "impact", "joint_impact", "observatory_before",
                            "observatory_after", "scores", "rationale", "validation"], "additionalProperties": false}"""
            .formatted(POLICY_ROWS, OutputSchemas.STRINGS, SCORE_CHANGES);

    static final String RESULT = """
            {
              "type": "object",
              "properties": {
                "tenant": {"type": "string"},
                "tenant_id": {"type": "integer"},
                "frameworks": %1$s,
                "target": %2$s,
                "asvs": {"type": "object", "properties": {"version": {"type": "string"}, "level": {"type": "integer"}},
                         "required": ["version", "level"], "additionalProperties": false},
                "before": {"type": "array", "items": {"type": "object", "properties": {
                  "framework": {"type": "string"}, "status": {"type": "string"}, "score": {"type": "integer"}
                }, "required": ["framework", "status", "score"], "additionalProperties": false}},
                "observatory_grade_before": {"type": "string"},
                "suggestions": {"type": "array", "items": %3$s, "description": "validated changes, most valuable first"},
                "rejected": {"type": "array", "items": {"type": "object", "properties": {
                  "target": {"type": "string"},
                  "stage": {"type": "string", "enum": ["evaluation", "policy_engine"]},
                  "addresses": %1$s,
                  "reasons": %1$s
                }, "required": ["target", "stage", "addresses", "reasons"], "additionalProperties": false}},
                "manual": {"type": "array", "items": {"type": "object", "properties": {
                  "check_id": {"type": "string"}, "fix": {"type": "string"}, "controls": %1$s, "reason": {"type": "string"}
                }, "required": ["check_id", "fix", "controls", "reason"], "additionalProperties": false}},
                "combined": {"type": "object", "properties": {
                  "headers": %1$s,
                  "scores": %4$s,
                  "observatory_before": {"type": "integer"},
                  "observatory_after": {"type": "integer"},
                  "policy": %5$s,
                  "problems": %1$s
                }, "required": ["headers", "scores", "observatory_before", "observatory_after", "policy", "problems"],
                   "additionalProperties": false},
                "draft": {"type": "object", "properties": {
                  "policy_ids": {"type": "array", "items": {"type": "integer"}},
                  "active": {"type": "boolean"},
                  "activation": {"type": "string"}
                }, "required": ["policy_ids", "active", "activation"], "additionalProperties": false}
              },
              "required": ["tenant", "tenant_id", "frameworks", "target", "asvs", "before", "suggestions", "rejected",
                           "manual", "combined"],
              "additionalProperties": false
            }
            """.formatted(OutputSchemas.STRINGS, OutputSchemas.TARGET, SUGGESTION, SCORE_CHANGES, POLICY_ROWS);

    private RemediationSchema() {
    }
}
