package org.secheaders.platform.server;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.secheaders.platform.auth.TenantDirectory;
import org.secheaders.platform.auth.TokenAuthenticator;
import org.secheaders.platform.observability.ReadinessCheck;
import org.secheaders.platform.tool.McpResource;
import org.secheaders.platform.tool.McpResourceTemplate;
import org.secheaders.platform.tool.McpTool;
import org.secheaders.platform.transport.HttpExtension;

/**
 * What a server module contributes: its name, tools, resources and resource templates, plus the
 * integrations that depend on its wiring (a database-backed token authenticator, the tenant
 * directory, readiness checks, extra HTTP routes, things to close).
 *
 * @param authenticator checked after any static {@code --token}s; required in HTTP mode unless tokens are configured
 * @param tenantDirectory resolves the tenant slugs calls name (argument {@code tenant}, template variables);
 *     without one, only numeric {@code tenant_id}s are accepted
 * @param httpExtensions started only in HTTP mode: servlets served beside {@code /mcp} (e.g. a report collector)
 * @param closeOnShutdown closed in reverse order after the transport stops (e.g. the connection pool)
 * @param beforeServing run in order before the server takes its first request (e.g. waiting
 *     for a database opening in the background); one that throws stops the start
 */
public record ServerDefinition(
        String name,
        String version,
        String instructions,
        List<McpTool> tools,
        List<McpResource> resources,
        List<McpResourceTemplate> resourceTemplates,
        Optional<TokenAuthenticator> authenticator,
        Optional<TenantDirectory> tenantDirectory,
        List<ReadinessCheck> readinessChecks,
        List<HttpExtension> httpExtensions,
        List<AutoCloseable> closeOnShutdown,
        List<Runnable> beforeServing) {

    public ServerDefinition {
        requireText(name, "name");
        requireText(version, "version");
        requireText(instructions, "instructions");
        Objects.requireNonNull(authenticator, "authenticator");
        Objects.requireNonNull(tenantDirectory, "tenantDirectory");
        tools = List.copyOf(tools);
        resources = List.copyOf(resources);
        resourceTemplates = List.copyOf(resourceTemplates);
        readinessChecks = List.copyOf(readinessChecks);
        httpExtensions = List.copyOf(httpExtensions);
        closeOnShutdown = List.copyOf(closeOnShutdown);
        beforeServing = List.copyOf(beforeServing);
        requireUnique(tools.stream().map(McpTool::name).toList(), "tool name");
        requireUnique(resources.stream().map(McpResource::uri).toList(), "resource URI");
        requireUnique(resourceTemplates.stream().map(McpResourceTemplate::uriTemplate).toList(), "resource URI template");
    }

    public static Builder builder(String name, String version) {
        return new Builder(name, version);
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("server " + what + " must not be blank");
        }
    }

    private static void requireUnique(List<String> values, String what) {
        Set<String> seen = new HashSet<>();
        values.stream().filter(v -> !seen.add(v)).findFirst().ifPresent(v -> {
            throw new IllegalArgumentException("duplicate " + what + " '" + v + "'");
        });
    }

    /** Collects a definition piece by piece; {@link #build()} validates it. */
    public static final class Builder {
        private final String name;
        private final String version;
        private String instructions;
        private final List<McpTool> tools = new ArrayList<>();
        private final List<McpResource> resources = new ArrayList<>();
        private final List<McpResourceTemplate> resourceTemplates = new ArrayList<>();
        private TokenAuthenticator authenticator;
        private TenantDirectory tenantDirectory;
        private final List<ReadinessCheck> readinessChecks = new ArrayList<>();
        private final List<HttpExtension> httpExtensions = new ArrayList<>();
        private final List<AutoCloseable> closeOnShutdown = new ArrayList<>();
        private final List<Runnable> beforeServing = new ArrayList<>();

        private Builder(String name, String version) {
            this.name = name;
            this.version = version;
        }

        /** Sent to clients on initialize: what the server is for and how its tools fit together. */
        public Builder instructions(String instructions) {
            this.instructions = instructions;
            return this;
        }

        public Builder tool(McpTool tool) {
            tools.add(tool);
            return this;
        }

        public Builder resource(McpResource resource) {
            resources.add(resource);
            return this;
        }

        public Builder resourceTemplate(McpResourceTemplate template) {
            resourceTemplates.add(template);
            return this;
        }

        public Builder tenantDirectory(TenantDirectory directory) {
            this.tenantDirectory = directory;
            return this;
        }

        public Builder authenticator(TokenAuthenticator authenticator) {
            this.authenticator = authenticator;
            return this;
        }

        public Builder readinessCheck(ReadinessCheck check) {
            readinessChecks.add(check);
            return this;
        }

        /** Adds servlets served beside the MCP endpoint when the server runs over HTTP; see {@link HttpExtension}. */
        public Builder httpExtension(HttpExtension extension) {
            httpExtensions.add(extension);
            return this;
        }

        public Builder closeOnShutdown(AutoCloseable closeable) {
            closeOnShutdown.add(closeable);
            return this;
        }

        /** Work the server waits for before its first request, started elsewhere so it overlaps start-up. */
        public Builder beforeServing(Runnable step) {
            beforeServing.add(step);
            return this;
        }

        public ServerDefinition build() {
            return new ServerDefinition(name, version, instructions, tools, resources, resourceTemplates,
                    Optional.ofNullable(authenticator), Optional.ofNullable(tenantDirectory), readinessChecks,
                    httpExtensions, closeOnShutdown, beforeServing);
        }
    }
}
