package org.secheaders.platform.testkit;

import java.util.Map;
import java.util.Optional;
import org.secheaders.platform.auth.ResourceCategory;
import org.secheaders.platform.tool.McpResourceTemplate;
import org.secheaders.platform.tool.ResourceNotFoundException;
import org.secheaders.platform.tool.ResourceText;
import org.secheaders.platform.tool.ToolContext;

/** Sample id-addressed template in METRICS; item {@value #MISSING} does not exist. */
public final class ItemTemplate implements McpResourceTemplate {

    public static final String TEMPLATE = "secheaders://samples/items/{id}";
    public static final String MISSING = "404";

    public static String uri(String id) {
        return TEMPLATE.replace("{id}", id);
    }

    @Override
    public String uriTemplate() {
        return TEMPLATE;
    }

    @Override
    public String name() {
        return "item";
    }

    @Override
    public String title() {
        return "An item by id";
    }

    @Override
    public String description() {
        return "An item addressed by id, read with the caller's scope.";
    }

    @Override
    public String mimeType() {
        return "application/json";
    }

    @Override
    public ResourceCategory category() {
        return ResourceCategory.METRICS;
    }

    @Override
    public Optional<String> tenantVariable() {
        return Optional.empty();
    }

    @Override
    public ResourceText read(ToolContext context, Map<String, String> variables) {
        String id = variables.get("id");
        if (id.equals(MISSING)) {
            throw new ResourceNotFoundException("no item " + id);
        }
        return new ResourceText("{\"item\":\"" + id + "\",\"scope\":\"" + context.scope() + "\"}", "application/json");
    }
}
