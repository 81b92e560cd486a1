package org.secheaders.platform.testkit;

import org.secheaders.domain.model.SecuritySeverity;
import org.secheaders.platform.auth.ResourceCategory;
import org.secheaders.platform.tool.McpTool;
import org.secheaders.platform.tool.ToolArguments;
import org.secheaders.platform.tool.ToolContext;
import org.secheaders.platform.tool.ToolHints;

/** Writing sample tool on TENANT_POLICIES: sets an alert threshold of one tenant. */
public final class SetThresholdTool implements McpTool {

    public record Changed(long tenantId, int threshold, String severity, String changedBy) {
    }

    @Override
    public String name() {
        return "set_threshold";
    }

    @Override
    public String title() {
        return "Set alert threshold";
    }

    @Override
    public String description() {
        return "Sets a tenant's alert threshold for a severity.";
    }

    @Override
    public String inputSchema() {
        return """
                {
                  "type": "object",
                  "properties": {
                    "tenant_id": {"type": "integer", "minimum": 1},
                    "threshold": {"type": "integer", "minimum": 0, "maximum": 100},
                    "severity": {"type": "string"}
                  },
                  "required": ["tenant_id", "threshold"],
                  "additionalProperties": false
                }
                """;
    }

    @Override
    public String outputSchema() {
        return """
                {
                  "type": "object",
                  "properties": {
                    "tenantId": {"type": "integer"},
                    "threshold": {"type": "integer"},
                    "severity": {"type": "string"},
                    "changedBy": {"type": "string"}
                  },
                  "required": ["tenantId", "threshold", "severity", "changedBy"]
                }
                """;
    }

    @Override
    public ToolHints hints() {
        return ToolHints.writingTool(false, true);
    }

    @Override
    public ResourceCategory category() {
        return ResourceCategory.TENANT_POLICIES;
    }

    @Override
    public Object call(ToolContext context, ToolArguments arguments) {
        SecuritySeverity severity = arguments.optionalEnum("severity", SecuritySeverity.class)
                .orElse(SecuritySeverity.HIGH);
        return new Changed(context.requireTenant(), arguments.requireInt("threshold"), severity.wireName(),
                context.identity().subject());
    }
}
