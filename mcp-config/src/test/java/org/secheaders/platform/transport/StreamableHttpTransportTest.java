package org.secheaders.platform.transport;

import io.modelcontextprotocol.client.McpSyncClient;
import org.secheaders.platform.config.TransportKind;
import org.secheaders.platform.testkit.McpClients;

/** Streamable HTTP with sessions at {@code /mcp}. */
class StreamableHttpTransportTest extends McpTransportContract {

    @Override
    TransportKind transport() {
        return TransportKind.HTTP;
    }

    @Override
    McpSyncClient client(String token) {
        return McpClients.streamable(server.baseUri(), token);
    }
}
