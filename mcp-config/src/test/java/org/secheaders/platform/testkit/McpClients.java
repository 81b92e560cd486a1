package org.secheaders.platform.testkit;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.customizer.McpSyncHttpClientRequestCustomizer;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** The SDK's real Java client, connected with a bearer token. */
public final class McpClients {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private McpClients() {
    }

    /** Streamable HTTP at {@code /mcp}; also talks to the stateless transport. */
    public static McpSyncClient streamable(URI base, String token) {
        return streamable(base, bearer(token));
    }

    public static McpSyncClient streamable(URI base, McpSyncHttpClientRequestCustomizer customizer) {
        return connect(HttpClientStreamableHttpTransport.builder(base.toString())
                .endpoint("/mcp")
                .addHttpRequestCustomizer(customizer)
                .build());
    }

    /** Legacy HTTP+SSE at {@code /sse}; deprecated in the SDK, still what older clients speak. */
    @SuppressWarnings("deprecation")
    public static McpSyncClient sse(URI base, String token) {
        return connect(HttpClientSseClientTransport.builder(base.toString())
                .sseEndpoint("/sse")
                .addHttpRequestCustomizer(bearer(token))
                .build());
    }

    public static McpSyncClient connect(McpClientTransport transport) {
        McpSyncClient client = McpClient.sync(transport).requestTimeout(TIMEOUT).initializationTimeout(TIMEOUT).build();
        client.initialize();
        return client;
    }

    public static McpSyncHttpClientRequestCustomizer bearer(String token) {
        return (builder, method, uri, body, context) -> builder.header("Authorization", "Bearer " + token);
    }

    public static CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return client.callTool(request(tool, arguments));
    }

    public static McpSchema.CallToolRequest request(String tool, Map<String, Object> arguments) {
        return McpSchema.CallToolRequest.builder(tool).arguments(arguments).build();
    }

    /** All text blocks of a result, joined. */
    public static String text(CallToolResult result) {
        return result.content().stream()
                .filter(TextContent.class::isInstance)
                .map(c -> ((TextContent) c).text())
                .collect(Collectors.joining("\n"));
    }
}
