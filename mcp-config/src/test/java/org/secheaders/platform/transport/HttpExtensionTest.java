package org.secheaders.platform.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.secheaders.platform.config.PlatformConfigLoader;
import org.secheaders.platform.config.TransportKind;
import org.secheaders.platform.server.RunningServer;
import org.secheaders.platform.server.ServerDefinition;
import org.secheaders.platform.server.ServerRuntime;
import org.secheaders.platform.testkit.RawHttp;
import org.secheaders.platform.testkit.SampleServer;
import org.secheaders.platform.testkit.TestServers;
import org.secheaders.platform.testkit.TestTokens;

/** A server module's own HTTP routes: mounted only over HTTP, public or behind the bearer check, closed at shutdown. */
class HttpExtensionTest {

    /** Answers 418 with a plain-text body of its own, so the error-body rewrite can be seen (or not). */
    private static final class TeapotServlet extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setStatus(418);
            response.setContentType("text/plain");
            response.getWriter().write("teapot at " + request.getRequestURI());
        }
    }

    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();

    private ServerDefinition definition(HttpRoute... routes) {
        return SampleServer.builder().httpExtension((config, meters) -> {
            started.incrementAndGet();
            return new HttpExtension.Started(List.of(routes), closed::incrementAndGet);
        }).build();
    }

    @Test
    void publicRouteNeedsNoTokenIgnoresOriginAndKeepsItsOwnBody() throws Exception {
        try (RunningServer server = TestServers.start(TransportKind.HTTP, definition(
                new HttpRoute("teapot", new TeapotServlet(), List.of("/reports", "/reports/*"), HttpRoute.Access.PUBLIC)))) {
            for (String path : List.of("/reports", "/reports/acme")) {
                HttpResponse<String> response = RawHttp.post(server.baseUri().resolve(path),
                        Map.of("Origin", "https://shop.example", "Content-Type", "text/plain"), "x");

                assertEquals(418, response.statusCode(), path);
                assertEquals("teapot at " + path, response.body());
            }
            assertEquals(401, RawHttp.post(server.baseUri().resolve("/mcp"), Map.of(), RawHttp.initializeRequest())
                    .statusCode(), "the MCP endpoint still needs a token");
            assertEquals(1, started.get());
            assertEquals(0, closed.get());
        }
        assertEquals(1, closed.get(), "closed with the server");
    }

    @Test
    void tokenRouteIsBehindTheBearerCheck() throws Exception {
        try (RunningServer server = TestServers.start(TransportKind.STATELESS, definition(
                new HttpRoute("teapot", new TeapotServlet(), List.of("/admin/*"), HttpRoute.Access.BEARER_TOKEN)))) {
            URI admin = server.baseUri().resolve("/admin/x");

            assertEquals(401, RawHttp.get(admin, Map.of()).statusCode());
            HttpResponse<String> authorized = RawHttp.get(admin, Map.of("Authorization", "Bearer " + TestTokens.SUPERADMIN));
            assertEquals(418, authorized.statusCode());
            assertTrue(authorized.body().contains("\"status\":418"), "platform error body: " + authorized.body());
        }
    }

    @Test
    void routeMayNotTakeAPlatformPath() {
        for (String taken : List.of("/mcp", "/health/*", "/metrics")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TestServers.start(
                    TransportKind.HTTP, definition(new HttpRoute("bad", new TeapotServlet(), List.of(taken),
                            HttpRoute.Access.PUBLIC))));
            assertTrue(e.getMessage().contains(taken), e.getMessage());
        }
        assertEquals(started.get(), closed.get(), "what was started is closed again when the start fails");
    }

    @Test
    void routeMustBeBelowTheRoot() {
        assertThrows(IllegalArgumentException.class,
                () -> new HttpRoute("root", new TeapotServlet(), List.of("/*"), HttpRoute.Access.PUBLIC));
        assertThrows(IllegalArgumentException.class,
                () -> new HttpRoute("relative", new TeapotServlet(), List.of("reports"), HttpRoute.Access.PUBLIC));
    }

    @Test
    void stdioNeverStartsExtensions() throws Exception {
        ServerDefinition definition = definition(
                new HttpRoute("teapot", new TeapotServlet(), List.of("/reports"), HttpRoute.Access.PUBLIC));
        ServerRuntime.runStdio(definition, PlatformConfigLoader.load(new String[0], Map.of()),
                new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream());

        assertEquals(0, started.get());
        assertFalse(definition.httpExtensions().isEmpty());
    }
}
