package org.secheaders.platform.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modelcontextprotocol.client.McpSyncClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.secheaders.platform.config.TransportKind;
import org.secheaders.platform.testkit.McpClients;
import org.secheaders.platform.testkit.RawHttp;

/** The 2024-11-05 HTTP+SSE transport: {@code /sse} plus {@code /mcp/message}. */
class LegacySseTransportTest extends McpTransportContract {

    @Override
    TransportKind transport() {
        return TransportKind.SSE;
    }

    @Override
    McpSyncClient client(String token) {
        return McpClients.sse(server.baseUri(), token);
    }

    @Test
    void bothEndpointsNeedAToken() {
        assertEquals(401, RawHttp.get(server.baseUri().resolve("/sse"), Map.of("Accept", "text/event-stream")).statusCode());
        assertEquals(401, RawHttp.post(server.baseUri().resolve("/mcp/message?sessionId=x"), Map.of(), "{}").statusCode());
    }
}
