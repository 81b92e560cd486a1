package org.secheaders.platform.transport;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.secheaders.platform.auth.Identity;
import org.secheaders.platform.auth.TokenAuthenticator;
import org.secheaders.platform.observability.LogContext;
import org.secheaders.platform.observability.PlatformMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requires {@code Authorization: Bearer <token>} on every path except the public ones (health,
 * metrics, public {@link HttpRoute}s): deny by default, so a new endpoint cannot be left open by accident. Failures get
 * 401 with a {@code WWW-Authenticate: Bearer} challenge (RFC 6750).
 */
final class BearerAuthFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(BearerAuthFilter.class);
    private static final String SCHEME = "bearer ";
    private static final String REALM = "Bearer realm=\"secheaders\"";

    private final transient TokenAuthenticator authenticator;
    private final transient PlatformMetrics metrics;
    private final transient PathSpecs publicPaths;

    BearerAuthFilter(TokenAuthenticator authenticator, PlatformMetrics metrics, PathSpecs publicPaths) {
        this.authenticator = authenticator;
        this.metrics = metrics;
        this.publicPaths = publicPaths;
    }

    @Override
    @SuppressWarnings("try") // the log context is used for its scope, not referenced
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (publicPaths.matches(request.getRequestURI())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<String> token = bearerToken(request.getHeader("Authorization"));
        if (token.isEmpty()) {
            reject(request, response, "missing", REALM, "bearer token required");
            return;
        }
        Optional<Identity> identity;
        try {
            identity = authenticator.authenticate(token.get());
        } catch (RuntimeException e) {
            if (ProcessShutdown.inProgress()) {
                LOG.warn("token not checked: the process is shutting down ({})", e.getMessage());
            } else {
                LOG.error("token authentication failed", e);
            }
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        if (identity.isEmpty()) {
            reject(request, response, "invalid", REALM + ", error=\"invalid_token\"", "invalid bearer token");
            return;
        }
        request.setAttribute(HttpRequestContext.IDENTITY_ATTRIBUTE, identity.get());
        try (LogContext ignored = LogContext.with(Map.of(
                LogContext.SUBJECT, identity.get().subject(),
                LogContext.ROLE, identity.get().role().wireName()))) {
            chain.doFilter(request, response);
        }
    }

    private static Optional<String> bearerToken(String header) {
        if (header == null || !header.toLowerCase(Locale.ROOT).startsWith(SCHEME)) {
            return Optional.empty();
        }
        String token = header.substring(SCHEME.length()).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    private void reject(HttpServletRequest request, HttpServletResponse response, String reason, String challenge,
            String message) throws IOException {
        metrics.recordAuthenticationFailure(reason);
        LOG.warn("rejected {} {} from {}: {} bearer token", request.getMethod(), request.getRequestURI(),
                request.getRemoteAddr(), reason);
        response.setHeader("WWW-Authenticate", challenge);
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED, message);
    }
}
