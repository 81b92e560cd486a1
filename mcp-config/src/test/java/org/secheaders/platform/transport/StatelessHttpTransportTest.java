package org.secheaders.platform.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.customizer.McpSyncHttpClientRequestCustomizer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.secheaders.platform.config.TransportKind;
import org.secheaders.platform.server.RunningServer;
import org.secheaders.platform.testkit.McpClients;
import org.secheaders.platform.testkit.RawHttp;
import org.secheaders.platform.testkit.TestServers;
import org.secheaders.platform.testkit.TestTokens;

/** Streamable HTTP without sessions, including the several-instances-behind-a-load-balancer path. */
class StatelessHttpTransportTest extends McpTransportContract {

    @Override
    TransportKind transport() {
        return TransportKind.STATELESS;
    }

    @Override
    McpSyncClient client(String token) {
        return McpClients.streamable(server.baseUri(), token);
    }

    @Test
    void twoInstancesServeOneClientAlternately() throws Exception {
        try (RunningServer second = TestServers.start(TransportKind.STATELESS)) {
            List<URI> instances = List.of(server.baseUri(), second.baseUri());
            double before = toolCalls(server) + toolCalls(second);
            try (McpSyncClient client = McpClients.streamable(server.baseUri(), roundRobin(instances))) {
                for (int i = 0; i < 4; i++) {
                    assertFalse(McpClients.call(client, "sum", Map.of("numbers", List.of(i))).isError());
                }
            }
            assertTrue(toolCalls(second) >= 2, "the second instance answered calls");
            assertEquals(before + 4, toolCalls(server) + toolCalls(second));
        }
    }

    @Test
    void noSessionIsHandedOut() {
        HttpResponse<String> response = RawHttp.post(server.baseUri().resolve("/mcp"), Map.of(
                "Authorization", "Bearer " + TestTokens.ANALYST,
                "Accept", "application/json, text/event-stream",
                "Content-Type", "application/json"), RawHttp.initializeRequest());

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Mcp-Session-Id").isEmpty());
    }

    /** A stand-in load balancer: each request goes to the next instance, with the same token. */
    private static McpSyncHttpClientRequestCustomizer roundRobin(List<URI> instances) {
        AtomicInteger next = new AtomicInteger();
        return (builder, method, uri, body, context) -> {
            URI target = instances.get(Math.floorMod(next.getAndIncrement(), instances.size()));
            builder.uri(target.resolve(uri.getRawPath()));
            builder.header("Authorization", "Bearer " + TestTokens.ANALYST);
        };
    }

    private static double toolCalls(RunningServer instance) {
        return instance.metrics().registry().find("mcp.tool.calls").tag("tool", "sum").timers().stream()
                .mapToDouble(timer -> timer.count()).sum();
    }
}
