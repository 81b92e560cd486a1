package org.secheaders.platform.testkit;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.secheaders.platform.server.RunningServer;

/**
 * A server under test over Streamable HTTP, started on first use and stopped with the test JVM, so
 * that a module's test classes share one; calls go through the SDK's real client, one per call.
 */
public final class SharedMcpServer {

    private final String name;
    private final Callable<RunningServer> starter;
    private RunningServer server;

    /** {@code name} labels the start failure and the shutdown thread. */
    public SharedMcpServer(String name, Callable<RunningServer> starter) {
        this.name = name;
        this.starter = starter;
    }

    public synchronized RunningServer running() {
        if (server == null) {
            try {
                server = starter.call();
            } catch (Exception e) {
                throw new IllegalStateException("the " + name + " test server did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop-" + name + "-test-server"));
        }
        return server;
    }

    public McpSyncClient client(String token) {
        return McpClients.streamable(running().baseUri(), token);
    }

    /** Calls a tool as {@code token}; the SDK client validates nothing, the server checks input and output schemas. */
    public CallToolResult call(String token, String tool, Map<String, Object> arguments) {
        try (McpSyncClient client = client(token)) {
            return McpClients.call(client, tool, arguments);
        }
    }

    /** The structured result of a call that must succeed; a schema mismatch on the server fails the test here. */
    public Map<?, ?> success(String token, String tool, Map<String, Object> arguments) {
        CallToolResult result = call(token, tool, arguments);
        if (Boolean.TRUE.equals(result.isError())) {
            throw new AssertionError(tool + " failed: " + McpClients.text(result));
        }
        return (Map<?, ?>) result.structuredContent();
    }

    /** The text of a call that must fail as a tool error. */
    public String failure(String token, String tool, Map<String, Object> arguments) {
        CallToolResult result = call(token, tool, arguments);
        if (!Boolean.TRUE.equals(result.isError())) {
            throw new AssertionError(tool + " should have failed: " + result.structuredContent());
        }
        return McpClients.text(result);
    }

    /** Reads a text resource; a JSON-RPC error is thrown as {@link McpError}. */
    public McpSchema.TextResourceContents read(String token, String uri) {
        try (McpSyncClient client = client(token)) {
            List<McpSchema.ResourceContents> contents =
                    client.readResource(McpSchema.ReadResourceRequest.builder(uri).build()).contents();
            return (McpSchema.TextResourceContents) contents.get(0);
        }
    }
}
