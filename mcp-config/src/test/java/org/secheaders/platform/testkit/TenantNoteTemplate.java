package org.secheaders.platform.testkit;

import java.util.Map;
import java.util.Optional;
import org.secheaders.platform.auth.ResourceCategory;
import org.secheaders.platform.tool.McpResourceTemplate;
import org.secheaders.platform.tool.ResourceText;
import org.secheaders.platform.tool.ToolContext;

/** Sample template naming its tenant by slug, in METRICS: reports the scope the read was authorized for. */
public final class TenantNoteTemplate implements McpResourceTemplate {

    public static final String TEMPLATE = "secheaders://samples/tenants/{tenant}/note";

    public static String uri(String slug) {
        return TEMPLATE.replace("{tenant}", slug);
    }

    @Override
    public String uriTemplate() {
        return TEMPLATE;
    }

    @Override
    public String name() {
        return "tenant-note";
    }

    @Override
    public String title() {
        return "A tenant's note";
    }

    @Override
    public String description() {
        return "Who reads which tenant's note, with which scope.";
    }

    @Override
    public String mimeType() {
        return "text/plain";
    }

    @Override
    public ResourceCategory category() {
        return ResourceCategory.METRICS;
    }

    @Override
    public Optional<String> tenantVariable() {
        return Optional.of("tenant");
    }

    @Override
    public ResourceText read(ToolContext context, Map<String, String> variables) {
        return new ResourceText("note of " + variables.get("tenant") + " for " + context.scope(), "text/plain");
    }
}
