package org.secheaders.enforcement.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secheaders.enforcement.HeaderService;
import org.secheaders.enforcement.TenantKey;
import org.secheaders.enforcement.metrics.InMemoryMetricSink;
import org.secheaders.enforcement.metrics.MetricSample;
import org.secheaders.enforcement.metrics.MetricsFlusher;
import org.secheaders.enforcement.metrics.ProcessingTimes;
import org.secheaders.enforcement.source.InMemoryPolicySource;
import org.secheaders.enforcement.source.StaticPolicyFile;
import org.secheaders.enforcement.template.NonceTags;
import org.secheaders.enforcement.tenant.PathSegmentTenantResolver;

/**
 * The filter in a real Jetty 12 in front of a servlet that renders a page with the nonce and
 * tries to leak implementation headers, driven over HTTP by the JDK client. Three contexts:
 * {@code /app} (web.xml-style init parameters: tenant by host, then by X-Tenant-ID),
 * {@code /dev} (the same policies, dev mode on, forwarded proto not trusted) and {@code /built}
 * (builder-configured, tenant by first path segment).
 */
class SecurityHeadersFilterTest {
    private static final String CSP = "Content-Security-Policy";
    private static final Pattern CSP_NONCE = Pattern.compile("script-src 'nonce-([A-Za-z0-9+/=]+)'");
    private static final Pattern BODY_NONCE = Pattern.compile("<script nonce=\"([^\"]+)\">");
    private static final String TENANTS = """
            {"tenants": {
              "acme": [{"name": "images", "config": {"csp": {"img-src": ["https://img.acme.example"]}}}],
              "beta": [{"name": "images", "config": {"csp": {"img-src": ["https://img.beta.example"]}}}]
            }}""";

    @TempDir
    static Path dir;

    private static Server server;
    private static HeaderService builtService;
    private static final ProcessingTimes BUILT_TIMES = new ProcessingTimes();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static int port;

    @BeforeAll
    static void startJetty() throws Exception {
        Path tenants = dir.resolve("tenants.json");
        Files.writeString(tenants, TENANTS);

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false); // Jetty's own Server header is a container setting, not the filter's
        server = new Server();
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setPort(0);
        server.addConnector(connector);

        builtService = HeaderService.builder().source(new InMemoryPolicySource(StaticPolicyFile.read(tenants))).build();
        SecurityHeadersFilter built = SecurityHeadersFilter.builder(builtService)
                .tenantResolver(new PathSegmentTenantResolver())
                .processingTimes(BUILT_TIMES)
                .build();

        server.setHandler(new ContextHandlerCollection(
                context("/app", new SecurityHeadersFilter(), Map.of(
                        "tenant-resolvers", "host, header",
                        "tenant-hosts", "localhost=acme",
                        "tenant-policies", tenants.toString(),
                        "trust-forwarded-proto", "true")),
                context("/dev", new SecurityHeadersFilter(), Map.of(
                        "tenant-resolvers", "header",
                        "tenant-policies", tenants.toString(),
                        "dev-mode", "true")),
                context("/built", built, Map.of())));
        server.start();
        port = connector.getLocalPort();
    }

    @AfterAll
    static void stopJetty() throws Exception {
        server.stop();
        builtService.close();
    }

    @Test
    void eachTenantGetsItsOwnPolicyByItsOwnResolutionStrategy() throws Exception {
        HttpResponse<String> byHost = get("http://localhost:" + port + "/app/page", Map.of());
        HttpResponse<String> byHeader = get("http://127.0.0.1:" + port + "/app/page", Map.of("X-Tenant-ID", "beta"));
        HttpResponse<String> byPath = get("http://127.0.0.1:" + port + "/built/beta/page", Map.of());
        HttpResponse<String> nobody = get("http://127.0.0.1:" + port + "/app/page", Map.of());

        assertTrue(csp(byHost).contains("img-src 'self' data: https://img.acme.example"), csp(byHost));
        assertFalse(csp(byHost).contains("img.beta.example"));
        assertTrue(csp(byHeader).contains("https://img.beta.example"), csp(byHeader));
        assertFalse(csp(byHeader).contains("img.acme.example"));
        assertTrue(csp(byPath).contains("https://img.beta.example"), csp(byPath));
        assertFalse(csp(nobody).contains(".example"), csp(nobody));
        for (HttpResponse<String> response : List.of(byHost, byHeader, byPath, nobody)) {
            assertEquals(Optional.of("nosniff"), response.headers().firstValue("X-Content-Type-Options"));
            assertTrue(response.headers().firstValue("X-Frame-Options").orElseThrow().equalsIgnoreCase("deny"));
            assertTrue(response.headers().firstValue("Permissions-Policy").isPresent());
        }
    }

    @Test
    void theNonceIsFreshPerResponseAndTheSameInTheHeaderAndThePage() throws Exception {
        HttpResponse<String> first = get("http://localhost:" + port + "/app/page", Map.of());
        HttpResponse<String> second = get("http://localhost:" + port + "/app/page", Map.of());

        String nonce = find(CSP_NONCE, csp(first));
        assertEquals(nonce, find(BODY_NONCE, first.body()));
        assertTrue(first.body().contains("data-nonce=\"" + nonce + "\""), first.body());
        assertNotEquals(nonce, find(CSP_NONCE, csp(second)));
        assertEquals(find(CSP_NONCE, csp(second)), find(BODY_NONCE, second.body()));
    }

    @Test
    void leakingHeadersNeverArriveEvenWhenTheAppCommitsEarly() throws Exception {
        HttpResponse<String> response = get("http://localhost:" + port + "/app/page", Map.of());
        assertEquals(200, response.statusCode());
        assertEquals(Optional.empty(), response.headers().firstValue("X-Powered-By"));
        assertEquals(Optional.empty(), response.headers().firstValue("Server"));
        assertEquals(Optional.of("kept"), response.headers().firstValue("X-App"));
        assertTrue(response.body().endsWith("</html>"), response.body());
    }

    @Test
    void noncePagesAreNotStoredByCaches() throws Exception {
        HttpResponse<String> response = get("http://localhost:" + port + "/app/page", Map.of());
        assertEquals(Optional.of("no-store, private"), response.headers().firstValue("Cache-Control"));
    }

    @Test
    void strictTransportSecurityOnlyForHttpsOrATrustedForwardedProto() throws Exception {
        String hsts = "Strict-Transport-Security";
        assertEquals(Optional.empty(), get("http://localhost:" + port + "/app/page", Map.of()).headers().firstValue(hsts));
        assertEquals(Optional.of("max-age=63072000; includeSubDomains"),
                get("http://localhost:" + port + "/app/page", Map.of("X-Forwarded-Proto", "https")).headers().firstValue(hsts));
        assertEquals(Optional.empty(),
                get("http://localhost:" + port + "/app/page", Map.of("X-Forwarded-Proto", "http, https")).headers().firstValue(hsts));
        assertEquals(Optional.empty(),
                get("http://localhost:" + port + "/dev/page", Map.of("X-Forwarded-Proto", "https")).headers().firstValue(hsts));
    }

    @Test
    void devModeAddsTheDevOriginOnlyOnTheFilterThatEnablesIt() throws Exception {
        String dev = csp(get("http://localhost:" + port + "/dev/page", Map.of("X-Tenant-ID", "acme")));
        String app = csp(get("http://localhost:" + port + "/app/page", Map.of()));

        assertTrue(dev.matches(".*script-src [^;]*http://localhost:5173.*"), dev);
        assertTrue(dev.matches(".*connect-src [^;]*http://localhost:5173 ws://localhost:5173.*"), dev);
        assertTrue(dev.contains("https://img.acme.example"), dev);
        assertFalse(app.contains("localhost:5173"), app);
    }

    @Test
    void processingTimeIsRecordedPerTenantAndFlushedToTheSink() throws Exception {
        InMemoryMetricSink sink = new InMemoryMetricSink();
        MetricsFlusher flusher = MetricsFlusher.builder(BUILT_TIMES, sink).instance("test-node").build();
        flusher.flush();
        int before = sink.samples().size();
        for (int i = 0; i < 3; i++) {
            get("http://localhost:" + port + "/built/acme/page", Map.of());
        }
        get("http://localhost:" + port + "/built/unknown-tenant/page", Map.of());
        flusher.close();

        List<MetricSample> rows = sink.samples().subList(before, sink.samples().size());
        MetricSample acmeCount = row(rows, Optional.of(new TenantKey("acme")), "header_processing_count");
        assertEquals(3.0, acmeCount.value());
        assertEquals(Map.of("tenant", "acme", "instance", "test-node"), acmeCount.tags());
        MetricSample acmeP99 = row(rows, Optional.of(new TenantKey("acme")), "header_processing_time_p99");
        assertEquals("microseconds", acmeP99.unit());
        // Microseconds, not nanoseconds: even a cold first request (class loading) stays far below a second.
        assertTrue(acmeP99.value() > 0 && acmeP99.value() < 1_000_000, "p99 " + acmeP99.value() + " µs");
        assertEquals(1.0, row(rows, Optional.empty(), "header_processing_count").value());
    }

    private static ServletContextHandler context(String path, SecurityHeadersFilter filter, Map<String, String> initParameters) {
        ServletContextHandler context = new ServletContextHandler(path);
        FilterHolder holder = new FilterHolder(filter);
        holder.setInitParameters(initParameters);
        context.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new PageServlet()), "/*");
        return context;
    }

    private static HttpResponse<String> get(String url, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        headers.forEach(request::header);
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csp(HttpResponse<String> response) {
        return response.headers().firstValue(CSP).orElseThrow(() -> new AssertionError("no CSP header"));
    }

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertTrue(matcher.find(), pattern + " not in " + text);
        return matcher.group(1);
    }

    private static MetricSample row(List<MetricSample> rows, Optional<TenantKey> tenant, String name) {
        return rows.stream().filter(r -> r.tenant().equals(tenant) && r.metricName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " row for " + tenant + " in " + rows));
    }

    /** A page using the nonce two ways, leaking headers and committing the response early. */
    private static final class PageServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setHeader("X-Powered-By", "PHP/5.6.40");
            response.addHeader("Server", "Apache/2.2.34");
            response.setHeader("X-App", "kept");
            response.setContentType("text/html;charset=utf-8");
            NonceTags tags = (NonceTags) request.getAttribute(SecurityHeadersFilter.NONCE_TAGS_ATTRIBUTE);
            PrintWriter out = response.getWriter();
            out.print("<html><head>" + tags.inlineScript("console.log('hello')") + "</head><body>");
            response.flushBuffer();
            out.print("<p data-nonce=\"" + request.getAttribute(SecurityHeadersFilter.CSP_NONCE_ATTRIBUTE) + "\"></p>");
            out.print("</body></html>");
        }
    }
}
