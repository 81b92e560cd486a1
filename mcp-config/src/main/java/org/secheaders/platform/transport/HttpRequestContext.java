package org.secheaders.platform.transport;

import io.modelcontextprotocol.common.McpTransportContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.secheaders.platform.auth.Identity;

/**
 * Carries what the filters learned about an HTTP request (identity, correlation id) into the
 * SDK's {@link McpTransportContext}, where tool handlers of every HTTP transport can read it.
 */
public final class HttpRequestContext {

    static final String IDENTITY_ATTRIBUTE = HttpRequestContext.class.getName() + ".identity";
    static final String CORRELATION_ATTRIBUTE = HttpRequestContext.class.getName() + ".correlationId";

    private static final String IDENTITY_KEY = "secheaders.identity";
    private static final String CORRELATION_KEY = "secheaders.correlationId";

    private HttpRequestContext() {
    }

    /** The SDK's context extractor for all three HTTP transports. */
    static McpTransportContext extract(HttpServletRequest request) {
        Map<String, Object> values = new HashMap<>();
        if (request.getAttribute(IDENTITY_ATTRIBUTE) instanceof Identity identity) {
            values.put(IDENTITY_KEY, identity);
        }
        if (request.getAttribute(CORRELATION_ATTRIBUTE) instanceof String correlationId) {
            values.put(CORRELATION_KEY, correlationId);
        }
        return McpTransportContext.create(values);
    }

    public static Optional<Identity> identity(McpTransportContext context) {
        return context.get(IDENTITY_KEY) instanceof Identity identity ? Optional.of(identity) : Optional.empty();
    }

    public static Optional<String> correlationId(McpTransportContext context) {
        return context.get(CORRELATION_KEY) instanceof String id ? Optional.of(id) : Optional.empty();
    }
}
