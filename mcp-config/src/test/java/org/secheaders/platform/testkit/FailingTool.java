package org.secheaders.platform.testkit;

import org.secheaders.platform.auth.ResourceCategory;
import org.secheaders.platform.tool.McpTool;
import org.secheaders.platform.tool.ToolArguments;
import org.secheaders.platform.tool.ToolContext;
import org.secheaders.platform.tool.ToolHints;

/** A tool whose handler breaks with a message that must never reach the client. */
public final class FailingTool implements McpTool {

    public static final String SECRET_DETAIL = "jdbc:postgresql://db/secheaders?password=hunter2";

    @Override
    public String name() {
        return "explode";
    }

    @Override
    public String title() {
        return "Explode";
    }

    @Override
    public String description() {
        return "Always fails unexpectedly.";
    }

    @Override
    public String inputSchema() {
        return """
                {"type": "object", "properties": {}, "additionalProperties": false}
                """;
    }

    @Override
    public String outputSchema() {
        return """
                {"type": "object", "properties": {}}
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
        throw new IllegalStateException("cannot connect to " + SECRET_DETAIL);
    }
}
