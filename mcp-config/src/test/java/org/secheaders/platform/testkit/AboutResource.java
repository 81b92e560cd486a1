package org.secheaders.platform.testkit;

import org.secheaders.platform.auth.ResourceCategory;
import org.secheaders.platform.tool.McpResource;
import org.secheaders.platform.tool.ToolContext;

/** Sample resource in SYSTEM_CONFIG, so roles without system access are refused. */
public final class AboutResource implements McpResource {

    public static final String URI = "secheaders://samples/about";

    @Override
    public String uri() {
        return URI;
    }

    @Override
    public String name() {
        return "about";
    }

    @Override
    public String title() {
        return "About the sample server";
    }

    @Override
    public String description() {
        return "Who is reading, and with which scope.";
    }

    @Override
    public String mimeType() {
        return "text/plain";
    }

    @Override
    public ResourceCategory category() {
        return ResourceCategory.SYSTEM_CONFIG;
    }

    @Override
    public String read(ToolContext context) {
        return "read by " + context.identity().subject() + " for " + context.scope();
    }
}
