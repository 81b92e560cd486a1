package org.secheaders.platform.transport;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.secheaders.platform.PlatformJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes every 4xx/5xx body the small JSON {@code {"error": "...", "status": N}}: the SDK's
 * serialized {@code McpError} (with its {@code stackTrace}) is reduced to its message, container
 * error pages are replaced, and unhandled exceptions become a bare 500 after being logged.
 */
final class ErrorBodyFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ErrorBodyFilter.class);
    private static final int MAX_MESSAGE = 200;

    /** Routes that answer for themselves (public {@link HttpRoute}s): their bodies pass unchanged. */
    private final transient PathSpecs ownBodies;

    ErrorBodyFilter(PathSpecs ownBodies) {
        this.ownBodies = ownBodies;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (ownBodies.matches(request.getRequestURI())) {
            chain.doFilter(request, response);
            return;
        }
        ErrorCapturingResponse capturing = new ErrorCapturingResponse(response);
        try {
            chain.doFilter(request, capturing);
        } catch (RuntimeException | ServletException e) {
            LOG.error("unhandled error on {} {}", request.getMethod(), request.getRequestURI(), e);
            capturing.writeError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, null);
            return;
        }
        var body = capturing.capturedBody();
        if (body.isPresent()) {
            String message = messageOf(body.get());
            if (capturing.getStatus() >= 500) {
                LOG.warn("{} {} failed with {}: {}", request.getMethod(), request.getRequestURI(),
                        capturing.getStatus(), message);
            }
            capturing.writeError(capturing.getStatus(), message);
        }
    }

    /** The human-readable part of an SDK error body: its JSON-RPC error message, else its message. */
    private static String messageOf(String body) {
        try {
            JsonNode node = PlatformJson.mapper().readTree(body);
            String message = node.path("jsonRpcError").path("message").asText(node.path("message").asText(""));
            return message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "…" : message;
        } catch (IOException e) {
            return "";
        }
    }
}
