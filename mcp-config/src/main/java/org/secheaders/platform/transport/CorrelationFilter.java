package org.secheaders.platform.transport;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.secheaders.platform.observability.LogContext;

/**
 * Gives every HTTP request a correlation id: the caller's {@code X-Request-Id} when it is a sane
 * token, otherwise a new UUID. It is echoed in the response, put in the logging MDC, and passed
 * on to tool calls through {@link HttpRequestContext}.
 */
final class CorrelationFilter extends HttpFilter {

    static final String HEADER = "X-Request-Id";

    private static final long serialVersionUID = 1L;
    /** Caller-chosen ids end up in logs; anything else could forge log fields. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Override
    @SuppressWarnings("try") // the log context is used for its scope, not referenced
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String incoming = request.getHeader(HEADER);
        String correlationId = incoming != null && ACCEPTED.matcher(incoming).matches()
                ? incoming : UUID.randomUUID().toString();
        request.setAttribute(HttpRequestContext.CORRELATION_ATTRIBUTE, correlationId);
        response.setHeader(HEADER, correlationId);
        try (LogContext ignored = LogContext.with(Map.of(LogContext.CORRELATION_ID, correlationId))) {
            chain.doFilter(request, response);
        }
    }
}
