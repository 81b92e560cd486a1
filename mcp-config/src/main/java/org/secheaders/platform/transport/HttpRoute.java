package org.secheaders.platform.transport;

import jakarta.servlet.http.HttpServlet;
import java.util.List;
import java.util.Objects;
import org.eclipse.jetty.http.pathmap.ServletPathSpec;

/**
 * A servlet a server module serves beside its MCP endpoint in HTTP mode, e.g. a report collector.
 *
 * @param name       names the servlet in the container and in logs
 * @param pathSpecs  servlet path specs, e.g. {@code /csp-report} and {@code /csp-report/*}
 * @param access     whether the platform's bearer-token check applies
 */
public record HttpRoute(String name, HttpServlet servlet, List<String> pathSpecs, Access access) {

    /** Who may call a route. */
    public enum Access {
        /** Like {@code /mcp}: a bearer token is required (401 otherwise) and error bodies are the platform's JSON. */
        BEARER_TOKEN,
        /**
         * Anyone, e.g. browsers, which cannot send tokens: neither the bearer check nor the platform's
         * error-body rewrite applies; the servlet answers for itself (its own limits, CORS and errors).
         */
        PUBLIC
    }

    public HttpRoute {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("route name must not be blank");
        }
        Objects.requireNonNull(servlet, "servlet");
        Objects.requireNonNull(access, "access");
        pathSpecs = List.copyOf(pathSpecs);
        if (pathSpecs.isEmpty()) {
            throw new IllegalArgumentException("route " + name + " has no path");
        }
        for (String spec : pathSpecs) {
            if (!spec.startsWith("/") || spec.equals("/") || spec.equals("/*")) {
                throw new IllegalArgumentException("route " + name + ": '" + spec
                        + "' is not a path such as /reports or /reports/* (the root belongs to the platform)");
            }
            new ServletPathSpec(spec); // rejects malformed specs now, not at the first request
        }
    }
}
