package org.secheaders.platform.transport;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletSseServerTransportProvider;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.http.HttpServlet;
import java.time.Duration;
import java.util.List;
import org.secheaders.platform.config.TransportKind;

/**
 * The SDK servlet of one HTTP transport and the paths it serves. Every variant gets the
 * Origin/Host validator (the SDK default is NOOP) and the platform's context extractor.
 */
public sealed interface HttpMcpEndpoint {

    String MCP_PATH = "/mcp";
    String SSE_PATH = "/sse";
    String MESSAGE_PATH = "/mcp/message";

    /** Below Jetty's 30 s idle timeout, so idle event streams are not cut. */
    Duration KEEP_ALIVE = Duration.ofSeconds(15);

    HttpServlet servlet();

    List<String> paths();

    @SuppressWarnings("deprecation") // HTTP+SSE is deprecated in the SDK; kept for 2024-11-05 clients
    static HttpMcpEndpoint create(TransportKind kind, List<String> allowedOrigins, List<String> allowedHosts,
            McpJsonMapper jsonMapper) {
        DefaultServerTransportSecurityValidator validator = DefaultServerTransportSecurityValidator.builder()
                .allowedOrigins(allowedOrigins)
                .allowedHosts(allowedHosts)
                .build();
        return switch (kind) {
            case HTTP -> new Streamable(HttpServletStreamableServerTransportProvider.builder()
                    .jsonMapper(jsonMapper)
                    .mcpEndpoint(MCP_PATH)
                    .keepAliveInterval(KEEP_ALIVE)
                    .contextExtractor(HttpRequestContext::extract)
                    .httpHeaderValidator(validator)
                    .build());
            case STATELESS -> new Stateless(HttpServletStatelessServerTransport.builder()
                    .jsonMapper(jsonMapper)
                    .messageEndpoint(MCP_PATH)
                    .contextExtractor(HttpRequestContext::extract)
                    .httpHeaderValidator(validator)
                    .build());
            case SSE -> new LegacySse(HttpServletSseServerTransportProvider.builder()
                    .jsonMapper(jsonMapper)
                    .sseEndpoint(SSE_PATH)
                    .messageEndpoint(MESSAGE_PATH)
                    .keepAliveInterval(KEEP_ALIVE)
                    .contextExtractor(HttpRequestContext::extract)
                    .httpHeaderValidator(validator)
                    .build());
            case STDIO -> throw new IllegalArgumentException("stdio is not an HTTP transport");
        };
    }

    /** Streamable HTTP with sessions. */
    record Streamable(HttpServletStreamableServerTransportProvider provider) implements HttpMcpEndpoint {
        @Override
        public HttpServlet servlet() {
            return provider;
        }

        @Override
        public List<String> paths() {
            return List.of(MCP_PATH);
        }
    }

    /** Streamable HTTP without sessions; any instance can answer any request. */
    record Stateless(HttpServletStatelessServerTransport transport) implements HttpMcpEndpoint {
        @Override
        public HttpServlet servlet() {
            return transport;
        }

        @Override
        public List<String> paths() {
            return List.of(MCP_PATH);
        }
    }

    /** The 2024-11-05 HTTP+SSE transport, for older clients. */
    @SuppressWarnings("deprecation")
    record LegacySse(HttpServletSseServerTransportProvider provider) implements HttpMcpEndpoint {
        @Override
        public HttpServlet servlet() {
            return provider;
        }

        @Override
        public List<String> paths() {
            return List.of(SSE_PATH, MESSAGE_PATH);
        }
    }
}
