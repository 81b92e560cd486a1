package org.secheaders.platform.server;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import io.modelcontextprotocol.util.DefaultMcpUriTemplateManager;
import java.util.List;
import org.secheaders.platform.tool.McpResource;
import org.secheaders.platform.tool.McpResourceTemplate;
import org.secheaders.platform.tool.McpTool;
import org.secheaders.platform.tool.ToolHints;

/**
 * Turns the platform's tools, resources and resource templates into SDK specifications, once for session-based
 * servers (stdio, streamable HTTP, legacy SSE) and once for the stateless server. Both routes
 * end in the same {@link ToolInvoker} / {@link ResourceReader}.
 */
final class SdkFeatures {

    private final McpJsonMapper jsonMapper;
    private final ToolInvoker invoker;
    private final ResourceReader reader;

    SdkFeatures(McpJsonMapper jsonMapper, ToolInvoker invoker, ResourceReader reader) {
        this.jsonMapper = jsonMapper;
        this.invoker = invoker;
        this.reader = reader;
    }

    McpSchema.ServerCapabilities capabilities(ServerDefinition definition) {
        McpSchema.ServerCapabilities.Builder capabilities = McpSchema.ServerCapabilities.builder().tools(false);
        if (!definition.resources().isEmpty() || !definition.resourceTemplates().isEmpty()) {
            capabilities.resources(false, false);
        }
        return capabilities.build();
    }

    List<McpServerFeatures.SyncToolSpecification> sessionTools(List<McpTool> tools) {
        return tools.stream().map(tool -> McpServerFeatures.SyncToolSpecification.builder()
                .tool(describe(tool))
                .callHandler((exchange, request) -> invoker.call(tool, exchange.transportContext(), request))
                .build()).toList();
    }

    List<McpStatelessServerFeatures.SyncToolSpecification> statelessTools(List<McpTool> tools) {
        return tools.stream().map(tool -> McpStatelessServerFeatures.SyncToolSpecification.builder()
                .tool(describe(tool))
                .callHandler((context, request) -> invoker.call(tool, context, request))
                .build()).toList();
    }

    List<McpServerFeatures.SyncResourceSpecification> sessionResources(List<McpResource> resources) {
        return resources.stream().map(resource -> new McpServerFeatures.SyncResourceSpecification(describe(resource),
                (exchange, request) -> reader.read(resource, exchange.transportContext()))).toList();
    }

    List<McpStatelessServerFeatures.SyncResourceSpecification> statelessResources(List<McpResource> resources) {
        return resources.stream().map(resource -> new McpStatelessServerFeatures.SyncResourceSpecification(
                describe(resource), (context, request) -> reader.read(resource, context))).toList();
    }

    List<McpServerFeatures.SyncResourceTemplateSpecification> sessionResourceTemplates(
            List<McpResourceTemplate> templates) {
        return templates.stream().map(template -> new McpServerFeatures.SyncResourceTemplateSpecification(
                describe(template),
                (exchange, request) -> reader.read(template, request.uri(), exchange.transportContext()))).toList();
    }

    List<McpStatelessServerFeatures.SyncResourceTemplateSpecification> statelessResourceTemplates(
            List<McpResourceTemplate> templates) {
        return templates.stream().map(template -> new McpStatelessServerFeatures.SyncResourceTemplateSpecification(
                describe(template), (context, request) -> reader.read(template, request.uri(), context))).toList();
    }

    /** Parses and checks the schemas, so a malformed one fails at startup rather than on a call. */
    private McpSchema.Tool describe(McpTool tool) {
        ToolHints hints = tool.hints();
        try {
            return McpSchema.Tool.builder(tool.name(), jsonMapper, tool.inputSchema())
                    .title(tool.title())
                    .description(tool.description())
                    .outputSchema(jsonMapper, tool.outputSchema())
                    .annotations(new ToolAnnotations(tool.title(), hints.readOnly(), hints.destructive(),
                            hints.idempotent(), hints.openWorld(), null))
                    .build();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("tool " + tool.name() + " has an invalid definition: " + e.getMessage(), e);
        }
    }

    private static McpSchema.Resource describe(McpResource resource) {
        return McpSchema.Resource.builder(resource.uri(), resource.name())
                .title(resource.title())
                .description(resource.description())
                .mimeType(resource.mimeType())
                .build();
    }

    /** Checks that the tenant variable is one of the template's, so a typo fails at startup. */
    private static McpSchema.ResourceTemplate describe(McpResourceTemplate template) {
        List<String> variables = new DefaultMcpUriTemplateManager(template.uriTemplate()).getVariableNames();
        template.tenantVariable().filter(variable -> !variables.contains(variable)).ifPresent(variable -> {
            throw new IllegalArgumentException("resource template " + template.uriTemplate()
                    + " has no variable '" + variable + "' to take the tenant from");
        });
        return McpSchema.ResourceTemplate.builder(template.uriTemplate(), template.name())
                .title(template.title())
                .description(template.description())
                .mimeType(template.mimeType())
                .build();
    }
}
