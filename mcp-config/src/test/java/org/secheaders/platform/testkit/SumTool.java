package org.secheaders.platform.testkit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.secheaders.platform.auth.ResourceCategory;
import org.secheaders.platform.tool.McpTool;
import org.secheaders.platform.tool.ToolArguments;
import org.secheaders.platform.tool.ToolContext;
import org.secheaders.platform.tool.ToolHints;

/** Read-only sample tool on METRICS: adds numbers, reports the scope it was authorized for. */
public final class SumTool implements McpTool {

    /** {@code since} is absent from the result when not given, exercising the no-nulls rule. */
    public record Sum(double sum, int count, String scope, String caller, Optional<Instant> since) {
    }

    @Override
    public String name() {
        return "sum";
    }

    @Override
    public String title() {
        return "Sum numbers";
    }

    @Override
    public String description() {
        return "Adds the given numbers for a tenant (tenant_id or tenant slug) or platform-wide.";
    }

    @Override
    public String inputSchema() {
        return """
                {
                  "type": "object",
                  "properties": {
                    "numbers": {"type": "array", "items": {"type": "number"}, "minItems": 1},
                    "since": {"type": "string", "description": "ISO-8601 instant"},
                    "tenant_id": {"type": "integer", "minimum": 1},
                    "tenant": {"type": "string", "description": "tenant slug, instead of tenant_id"}
                  },
                  "required": ["numbers"],
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
                    "sum": {"type": "number"},
                    "count": {"type": "integer"},
                    "scope": {"type": "string"},
                    "caller": {"type": "string"},
                    "since": {"type": "string"}
                  },
                  "required": ["sum", "count", "scope", "caller"],
                  "additionalProperties": false
                }
                """;
    }

    @Override
    public ToolHints hints() {
        return ToolHints.readOnlyTool();
    }

    @Override
    public ResourceCategory category() {
        return ResourceCategory.METRICS;
    }

    @Override
    public Object call(ToolContext context, ToolArguments arguments) {
        List<Double> numbers = arguments.numberList("numbers");
        Optional<Instant> since = arguments.optionalInstant("since");
        return new Sum(numbers.stream().mapToDouble(Double::doubleValue).sum(), numbers.size(),
                context.scope().toString(), context.identity().subject(), since);
    }
}
