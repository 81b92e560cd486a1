package org.secheaders.platform.testkit;

import java.util.function.BiFunction;
import org.secheaders.platform.auth.ResourceCategory;
import org.secheaders.platform.tool.McpTool;
import org.secheaders.platform.tool.ToolArguments;
import org.secheaders.platform.tool.ToolContext;
import org.secheaders.platform.tool.ToolHints;

/** A read-only METRICS tool whose handler and schemas a test supplies. */
public record ScriptedTool(String name, String inputSchema, String outputSchema,
        BiFunction<ToolContext, ToolArguments, Object> handler) implements McpTool {

    public static final String OPEN_SCHEMA = "{\"type\": \"object\"}";

    public static ScriptedTool of(String name, BiFunction<ToolContext, ToolArguments, Object> handler) {
        return new ScriptedTool(name, OPEN_SCHEMA, OPEN_SCHEMA, handler);
    }

    @Override
    public String title() {
        return name;
    }

    @Override
    public String description() {
        return "scripted " + name;
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
        return handler.apply(context, arguments);
    }
}
