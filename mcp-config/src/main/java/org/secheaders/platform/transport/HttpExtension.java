package org.secheaders.platform.transport;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.secheaders.platform.config.PlatformConfig;

/**
 * What a server module adds to its HTTP server besides MCP: started only when the server runs over
 * HTTP ({@code http}, {@code stateless}, {@code sse}), never over stdio, before the server listens.
 * Registered with {@code ServerDefinition.Builder#httpExtension}.
 */
@FunctionalInterface
public interface HttpExtension {

    /**
     * Starts whatever the routes need (threads, files) and returns them.
     *
     * @param config the configuration of the server being started (its data directory, bind address, port)
     * @param meters the server's registry, exposed on {@code /metrics}: register the routes' own meters here
     */
    Started start(PlatformConfig config, MeterRegistry meters) throws Exception;

    /**
     * The routes to mount, and what to close once the HTTP server has stopped (after the MCP server,
     * before the definition's own resources such as the database).
     */
    record Started(List<HttpRoute> routes, AutoCloseable onShutdown) {
        public Started {
            routes = List.copyOf(routes);
        }
    }
}
