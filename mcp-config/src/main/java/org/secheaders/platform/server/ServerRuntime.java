package org.secheaders.platform.server;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.secheaders.platform.auth.AccessMatrix;
import org.secheaders.platform.auth.AccessPolicy;
import org.secheaders.platform.auth.Identity;
import org.secheaders.platform.auth.InMemoryTokenAuthenticator;
import org.secheaders.platform.auth.TokenAuthenticator;
import org.secheaders.platform.config.ConfigException;
import org.secheaders.platform.config.ConfigKey;
import org.secheaders.platform.config.PlatformConfig;
import org.secheaders.platform.observability.PlatformMetrics;
import org.secheaders.platform.transport.HttpExtension;
import org.secheaders.platform.transport.HttpMcpEndpoint;
import org.secheaders.platform.transport.HttpRoute;
import org.secheaders.platform.transport.HttpRequestContext;
import org.secheaders.platform.transport.JettyHttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts a {@link ServerDefinition} on the transport a {@link PlatformConfig} chooses. */
public final class ServerRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(ServerRuntime.class);

    private ServerRuntime() {
    }

    /**
     * Starts loading, on another thread, what every server needs whatever its definition: the SDK's JSON
     * schema validator with the 2020-12 meta-schema, which the SDK checks each tool's schemas against when
     * the server is built. Call it before building the definition, so the two overlap at start-up.
     */
    public static void warmUp() {
        Thread warmUp = new Thread(() -> {
            try {
                McpJsonDefaults.getSchemaValidator().validateSchema(Map.of("type", "object"));
            } catch (RuntimeException e) {
                // Only a head start: building the server does the same and reports the failure.
                LOG.debug("warming up the JSON schema validator failed", e);
            }
        }, "mcp-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    /**
     * Serves over stdio until the input ends; the identity of every call is the configured local one.
     *
     * @param protocolOut receives nothing but JSON-RPC messages
     */
    public static void runStdio(ServerDefinition definition, PlatformConfig config, InputStream in,
            OutputStream protocolOut) throws InterruptedException {
        Deque<AutoCloseable> shutdown = resourcesOf(definition);
        try {
            Identity local = config.localIdentity();
            SdkFeatures features = features(definition, transport -> Optional.of(local), new PlatformMetrics(definition.name()));
            StdioInput input = new StdioInput(in);
            McpSyncServer server = sessionServer(
                    McpServer.sync(new StdioServerTransportProvider(jsonMapper(), input, protocolOut)), definition, features);
            shutdown.push(server::closeGracefully);
            // The input is held until then, so the protocol set-up above overlaps e.g. the database opening.
            try {
                definition.beforeServing().forEach(Runnable::run);
            } catch (RuntimeException | Error e) {
                input.abandon();
                throw e;
            }
            input.release();
            LOG.info("{} serving stdio as {}", definition.name(), local.describe());
            input.awaitEnd();
        } finally {
            closeAll(shutdown);
        }
    }

    /**
     * Starts the HTTP transport ({@code http}, {@code stateless} or {@code sse}) and returns once it is bound.
     *
     * @throws ConfigException when no bearer token can ever be accepted
     */
    public static RunningServer startHttp(ServerDefinition definition, PlatformConfig config) throws Exception {
        if (!config.transport().overHttp()) {
            throw new IllegalArgumentException("transport " + config.transport().wireName() + " is not served over HTTP");
        }
        Deque<AutoCloseable> shutdown = resourcesOf(definition);
        try {
            definition.beforeServing().forEach(Runnable::run);
            TokenAuthenticator authenticator = authenticator(definition, config);
            PlatformMetrics metrics = new PlatformMetrics(definition.name());
            SdkFeatures features = features(definition, HttpRequestContext::identity, metrics);
            List<HttpRoute> routes = new ArrayList<>();
            for (HttpExtension extension : definition.httpExtensions()) {
                HttpExtension.Started started = extension.start(config, metrics.registry());
                shutdown.push(started.onShutdown());
                routes.addAll(started.routes());
            }
            HttpMcpEndpoint endpoint = HttpMcpEndpoint.create(config.transport(), config.allowedOrigins(),
                    config.allowedHosts(), jsonMapper());
            shutdown.push(mcpServer(endpoint, definition, features));
            JettyHttpServer http = JettyHttpServer.start(config.bind(), config.port(), endpoint, routes, authenticator,
                    definition.readinessChecks(), metrics);
            shutdown.push(http);
            RunningServer running = new RunningServer(http, metrics, routes, List.copyOf(shutdown));
            LOG.info("{} serving {} at {}", definition.name(), config.transport().wireName(), running.baseUri());
            return running;
        } catch (Exception | Error e) {
            closeAll(shutdown);
            throw e;
        }
    }

    /** Closes each in turn; one failing does not keep the others open. */
    static void closeAll(Collection<AutoCloseable> closeables) {
        for (AutoCloseable closeable : closeables) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed", closeable, e);
            }
        }
    }

    /**
     * The shutdown order as a stack: whatever starts later is pushed on top and closes first, so
     * HTTP stops before the MCP server, which closes before the HTTP extensions (newest first), then
     * the definition's resources (newest first).
     */
    private static Deque<AutoCloseable> resourcesOf(ServerDefinition definition) {
        Deque<AutoCloseable> stack = new ArrayDeque<>();
        definition.closeOnShutdown().forEach(stack::push);
        return stack;
    }

    private static AutoCloseable mcpServer(HttpMcpEndpoint endpoint, ServerDefinition definition, SdkFeatures features) {
        if (endpoint instanceof HttpMcpEndpoint.Streamable streamable) {
            McpSyncServer server = sessionServer(McpServer.sync(streamable.provider()), definition, features);
            return server::closeGracefully;
        }
        if (endpoint instanceof HttpMcpEndpoint.LegacySse sse) {
            McpSyncServer server = sessionServer(McpServer.sync(sse.provider()), definition, features);
            return server::closeGracefully;
        }
        HttpMcpEndpoint.Stateless stateless = (HttpMcpEndpoint.Stateless) endpoint;
        McpStatelessSyncServer server = McpServer.sync(stateless.transport())
                .serverInfo(definition.name(), definition.version())
                .instructions(definition.instructions())
                .capabilities(features.capabilities(definition))
                .tools(features.statelessTools(definition.tools()))
                .resources(features.statelessResources(definition.resources()))
                .resourceTemplates(features.statelessResourceTemplates(definition.resourceTemplates()))
                .build();
        return server::closeGracefully;
    }

    private static McpSyncServer sessionServer(McpServer.SyncSpecification<?> spec, ServerDefinition definition,
            SdkFeatures features) {
        return spec.serverInfo(definition.name(), definition.version())
                .instructions(definition.instructions())
                .capabilities(features.capabilities(definition))
                .tools(features.sessionTools(definition.tools()))
                .resources(features.sessionResources(definition.resources()))
                .resourceTemplates(features.sessionResourceTemplates(definition.resourceTemplates()))
                .build();
    }

    private static SdkFeatures features(ServerDefinition definition, CallerResolver callers, PlatformMetrics metrics) {
        CallAuthorizer authorizer = new CallAuthorizer(new AccessPolicy(AccessMatrix.standard()), callers,
                definition.tenantDirectory());
        return new SdkFeatures(jsonMapper(), new ToolInvoker(authorizer, metrics), new ResourceReader(authorizer, metrics));
    }

    /** The SDK's own mapper for protocol messages (found through ServiceLoader: mcp-json-jackson2). */
    private static McpJsonMapper jsonMapper() {
        return McpJsonDefaults.getMapper();
    }

    /** Static tokens first (e.g. a bootstrap admin), then the definition's authenticator (e.g. the database). */
    private static TokenAuthenticator authenticator(ServerDefinition definition, PlatformConfig config) {
        List<TokenAuthenticator> chain = new ArrayList<>();
        if (!config.tokens().isEmpty()) {
            chain.add(new InMemoryTokenAuthenticator(config.tokens()));
        }
        definition.authenticator().ifPresent(chain::add);
        if (chain.isEmpty()) {
            throw new ConfigException("transport " + config.transport().wireName()
                    + " requires bearer tokens, but none are configured: set " + ConfigKey.TOKENS.spellings());
        }
        return token -> chain.stream().map(a -> a.authenticate(token)).flatMap(Optional::stream).findFirst();
    }
}
