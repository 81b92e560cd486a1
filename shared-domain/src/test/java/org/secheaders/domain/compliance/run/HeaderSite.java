package org.secheaders.domain.compliance.run;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.secheaders.domain.grading.HeaderField;

/**
 * A real Jetty on 127.0.0.1 serving pages with the header lines a test sets per path, redirects a
 * test sets, plus {@code /old}, a permanent redirect to {@code /app}. It counts the requests it
 * answers, so a test can tell a refused scan never connected. Shared with the compliance server's tests.
 */
public final class HeaderSite implements AutoCloseable {

    /** The value of the session cookie {@code /app} sets: it must never reach stored evidence. */
    public static final String SESSION_SECRET = "s3cr3t-cookie-value";

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final Map<String, List<HeaderField>> pages = new ConcurrentHashMap<>();
    private final Map<String, String> redirects = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();

    private HeaderSite() {
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new PageServlet()), "/*");
        server.setHandler(context);
    }

    public static HeaderSite start() throws Exception {
        HeaderSite site = new HeaderSite();
        site.server.start();
        return site;
    }

    /** Serves {@code lines} (and the session cookie) at {@code path}. */
    public HeaderSite page(String path, List<HeaderField> lines) {
        pages.put(path, List.copyOf(lines));
        return this;
    }

    /** Answers {@code path} with a 302 to {@code location}. */
    public HeaderSite redirect(String path, String location) {
        redirects.put(path, location);
        return this;
    }

    /** How many requests the site has received. */
    public int requests() {
        return requests.get();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + connector.getLocalPort() + path;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    private final class PageServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            requests.incrementAndGet();
            String path = request.getRequestURI();
            if (path.equals("/old")) {
                response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
                response.setHeader("Location", url("/app"));
                return;
            }
            if (redirects.containsKey(path)) {
                response.setStatus(HttpServletResponse.SC_FOUND);
                response.setHeader("Location", redirects.get(path));
                return;
            }
            List<HeaderField> lines = pages.get(path);
            if (lines == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            lines.forEach(line -> response.addHeader(line.name(), line.value()));
            response.addHeader("Set-Cookie", "SID=" + SESSION_SECRET + "; Path=/; HttpOnly");
            response.setContentType("text/html; charset=utf-8");
            response.getOutputStream().write("<html><body>page</body></html>".getBytes(StandardCharsets.UTF_8));
        }
    }
}
