package org.secheaders.platform.tool;

import org.secheaders.platform.auth.ResourceCategory;

/**
 * A read-only MCP resource at a fixed URI. Reading it is authorized like a read-only tool call
 * that names no tenant, i.e. platform-wide.
 */
public interface McpResource {

    /** e.g. {@code secheaders://baseline/headers}. */
    String uri();

    String name();

    String title();

    String description();

    String mimeType();

    ResourceCategory category();

    /** The resource's text for an already authorized caller. */
    String read(ToolContext context);
}
