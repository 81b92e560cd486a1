package org.secheaders.platform.tool;

import org.secheaders.platform.auth.ResourceCategory;

/**
 * One MCP tool: what clients see ({@code tools/list}) and what runs on {@code tools/call}.
 * The platform authorizes every call against {@link #category()} and {@link ToolHints#readOnly()}
 * before {@link #call} runs, and turns exceptions into tool errors.
 *
 * <p>Tools that work on tenant data declare an optional or required integer {@code tenant_id}
 * in their input schema; the platform reads it for authorization and hands the handler the
 * resulting {@link ToolContext#scope()} instead.
 */
public interface McpTool {

    /** Unique, {@code snake_case}, e.g. {@code list_violations}. */
    String name();

    /** Human-readable name for tool pickers. */
    String title();

    /** What the tool does and when to use it; read by the model. */
    String description();

    /** JSON Schema 2020-12 of the arguments (an object schema), as JSON text. */
    String inputSchema();

    /** JSON Schema 2020-12 of the structured result (an object schema), as JSON text. */
    String outputSchema();

    ToolHints hints();

    /** The data this tool touches, the column of the access matrix that decides who may call it. */
    ResourceCategory category();

    /**
     * Runs the tool for an already authorized caller.
     *
     * @return a record or map serialized as the structured result; absent values (null, empty
     *     Optional) are left out, so they must be optional in {@link #outputSchema()}
     * @throws ToolInputException when an argument is unusable
     * @throws ToolException when the call cannot be done for a reason the caller may see
     */
    Object call(ToolContext context, ToolArguments arguments);
}
