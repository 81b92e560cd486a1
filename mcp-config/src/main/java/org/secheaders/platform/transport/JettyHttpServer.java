package org.secheaders.platform.transport;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.ServletMapping;
import org.eclipse.jetty.http.pathmap.ServletPathSpec;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.secheaders.platform.auth.TokenAuthenticator;
import org.secheaders.platform.observability.PlatformMetrics;
import org.secheaders.platform.observability.ReadinessCheck;

/**
 * Embedded Jetty 12 (ee10) serving one MCP endpoint plus {@code /health}, {@code /health/ready}
 * and {@code /metrics}, and the server module's own {@link HttpRoute}s. Filters, outermost first:
 * correlation id, error-body rewrite, bearer auth (the last two skip public routes).
 */
public final class JettyHttpServer implements AutoCloseable {

    public static final String HEALTH_PATH = "/health";
    public static final String READY_PATH = "/health/ready";
    public static final String METRICS_PATH = "/metrics";

    private final Server server;
    private final ServerConnector connector;

    private JettyHttpServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /** Starts listening on {@code bind:port} (port 0 = any free port) and returns once bound. */
    public static JettyHttpServer start(String bind, int port, HttpMcpEndpoint endpoint, List<HttpRoute> routes,
            TokenAuthenticator authenticator, List<ReadinessCheck> readinessChecks, PlatformMetrics metrics)
            throws Exception {
        List<String> publicRoutes = requireFreePaths(endpoint, routes).stream()
                .filter(route -> route.access() == HttpRoute.Access.PUBLIC)
                .flatMap(route -> route.pathSpecs().stream())
                .toList();
        List<String> unauthenticated = new ArrayList<>(List.of(HEALTH_PATH, READY_PATH, METRICS_PATH));
        unauthenticated.addAll(publicRoutes);
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(bind);
        connector.setPort(port);
        server.addConnector(connector);
        server.setErrorHandler(withoutDetails(new ErrorHandler()));

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.setErrorHandler(withoutDetails(new org.eclipse.jetty.ee10.servlet.ErrorHandler()));
        addFilter(context, new CorrelationFilter());
        addFilter(context, new ErrorBodyFilter(new PathSpecs(publicRoutes)));
        addFilter(context, new BearerAuthFilter(authenticator, metrics, new PathSpecs(unauthenticated)));
        addServlet(context, endpoint.servlet(), endpoint.paths().toArray(String[]::new));
        routes.forEach(route -> addNamedServlet(context, route.servlet(), route.name(),
                route.pathSpecs().toArray(String[]::new)));
        addServlet(context, new LivenessServlet(), HEALTH_PATH);
        addServlet(context, new ReadinessServlet(readinessChecks), READY_PATH);
        addServlet(context, new MetricsServlet(metrics), METRICS_PATH);
        addServlet(context, new NotFoundServlet(), "/");
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        return new JettyHttpServer(server, connector);
    }

    /** The port actually bound, which differs from the configured one when that was 0. */
    public int port() {
        return connector.getLocalPort();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(connector.getHost(), port());
    }

    /** Blocks until the server has stopped. */
    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("stopping the HTTP server failed", e);
        }
    }

    private static ErrorHandler withoutDetails(ErrorHandler handler) {
        handler.setShowStacks(false);
        handler.setShowCauses(false);
        handler.setShowMessageInTitle(false);
        return handler;
    }

    private static void addFilter(ServletContextHandler context, Filter filter) {
        context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
    }

    /** A module's route may not take over a path of the platform (the MCP endpoint, health, metrics) or of another route. */
    private static List<HttpRoute> requireFreePaths(HttpMcpEndpoint endpoint, List<HttpRoute> routes) {
        List<String> platform = new ArrayList<>(endpoint.paths());
        platform.addAll(List.of(HEALTH_PATH, READY_PATH, METRICS_PATH));
        Set<String> names = new HashSet<>();
        Set<String> routed = new HashSet<>();
        for (HttpRoute route : routes) {
            if (!names.add(route.name())) {
                throw new IllegalArgumentException("two HTTP routes are named " + route.name());
            }
            for (String spec : route.pathSpecs()) {
                ServletPathSpec pathSpec = new ServletPathSpec(spec);
                if (platform.stream().anyMatch(pathSpec::matches) || !routed.add(spec)) {
                    throw new IllegalArgumentException("route " + route.name() + ": path " + spec
                            + " is already served by the platform (" + String.join(", ", platform)
                            + ") or another route");
                }
            }
        }
        return routes;
    }

    private static void addServlet(ServletContextHandler context, HttpServlet servlet, String... paths) {
        addNamedServlet(context, servlet, servlet.getClass().getSimpleName(), paths);
    }

    /** One holder for all paths, so a servlet mapped twice (legacy SSE) is initialized and destroyed once. */
    private static void addNamedServlet(ServletContextHandler context, HttpServlet servlet, String name,
            String... paths) {
        ServletHolder holder = new ServletHolder(name, servlet);
        // The SDK servlets complete requests asynchronously (event streams).
        holder.setAsyncSupported(true);
        context.getServletHandler().addServlet(holder);
        ServletMapping mapping = new ServletMapping();
        mapping.setServletName(holder.getName());
        mapping.setPathSpecs(paths);
        context.getServletHandler().addServletMapping(mapping);
    }
}
