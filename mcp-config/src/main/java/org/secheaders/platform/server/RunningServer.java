package org.secheaders.platform.server;

import java.net.URI;
import java.util.List;
import org.secheaders.platform.observability.PlatformMetrics;
import org.secheaders.platform.transport.HttpRoute;
import org.secheaders.platform.transport.JettyHttpServer;

/** A started HTTP server: where it listens, its metrics, and how to stop it. */
public final class RunningServer implements AutoCloseable {

    private final JettyHttpServer http;
    private final PlatformMetrics metrics;
    private final List<HttpRoute> routes;
    private final List<AutoCloseable> shutdownOrder;
    private boolean closed;

    /** @param shutdownOrder everything to close, first to last, starting with {@code http} */
    RunningServer(JettyHttpServer http, PlatformMetrics metrics, List<HttpRoute> routes,
            List<AutoCloseable> shutdownOrder) {
        this.http = http;
        this.metrics = metrics;
        this.routes = List.copyOf(routes);
        this.shutdownOrder = List.copyOf(shutdownOrder);
    }

    /** The bound port (the real one when the configured port was 0). */
    public int port() {
        return http.port();
    }

    /** e.g. {@code http://127.0.0.1:8080}; the MCP endpoint is {@code /mcp} (or {@code /sse}) below it. */
    public URI baseUri() {
        String host = http.address().getHostString();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
    }

    /** The server module's own routes beside the MCP endpoint (its {@code HttpExtension}s'). */
    public List<HttpRoute> routes() {
        return routes;
    }

    public PlatformMetrics metrics() {
        return metrics;
    }

    /** Blocks until {@link #close()} has stopped the HTTP server. */
    public void awaitShutdown() throws InterruptedException {
        http.join();
    }

    /** Stops accepting requests, then closes the MCP server and the definition's resources. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            ServerRuntime.closeAll(shutdownOrder);
        }
    }
}
