package org.secheaders.domain.scan;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * A real Jetty 12 on 127.0.0.1, ephemeral ports: two plain HTTP connectors (for redirect chains
 * across origins), a TLS connector with a certificate the tests can trust, and a TLS connector
 * with a stranger's certificate. Each path is one kind of site; {@link #seen()} lists the
 * requests received.
 */
final class ScanTestSite implements AutoCloseable {
    static final String SESSION_SECRET = "s3cr3t-session-value";
    static final String STRONG_CSP = "default-src 'none'; img-src 'self'; style-src 'self'; frame-ancestors 'none';"
            + " base-uri 'none'; form-action 'self'";
    /** More than any scan reads, so a scanner that downloads it all would be slow and visible. */
    static final int HUGE_BODY_BYTES = 32 * 1024 * 1024;
    private static final String HTML = "text/html; charset=utf-8";

    /** One request as the server saw it. */
    record Seen(String path, boolean secure, Optional<String> origin, String userAgent) {
    }

    private final Server server = new Server();
    private final ServerConnector http;
    private final ServerConnector otherHttp;
    private final ServerConnector https;
    private final ServerConnector strangerHttps;
    private final SelfSignedCertificate certificate;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    /** For each huge body the server tried to send: whether all of it was written. */
    private final BlockingQueue<Boolean> hugeBodyWrites = new LinkedBlockingQueue<>();

    private ScanTestSite(SelfSignedCertificate certificate, SelfSignedCertificate stranger) {
        this.certificate = certificate;
        http = plainConnector();
        otherHttp = plainConnector();
        https = tlsConnector(certificate);
        strangerHttps = tlsConnector(stranger);
        server.setConnectors(new ServerConnector[] {http, otherHttp, https, strangerHttps});
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new SiteServlet()), "/*");
        server.setHandler(context);
    }

    static ScanTestSite start(Path directory) throws Exception {
        List<SelfSignedCertificate> certificates = SelfSignedCertificate.create(directory, "site", "stranger");
        ScanTestSite site = new ScanTestSite(certificates.get(0), certificates.get(1));
        site.server.start();
        return site;
    }

    String http(String path) {
        return "http://127.0.0.1:" + http.getLocalPort() + path;
    }

    String otherHttp(String path) {
        return "http://127.0.0.1:" + otherHttp.getLocalPort() + path;
    }

    String https(String path) {
        return "https://127.0.0.1:" + https.getLocalPort() + path;
    }

    String strangerHttps(String path) {
        return "https://127.0.0.1:" + strangerHttps.getLocalPort() + path;
    }

    int httpPort() {
        return http.getLocalPort();
    }

    SelfSignedCertificate certificate() {
        return certificate;
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    void forget() {
        seen.clear();
        hugeBodyWrites.clear();
    }

    BlockingQueue<Boolean> hugeBodyWrites() {
        return hugeBodyWrites;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    private ServerConnector plainConnector() {
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        return connector;
    }

    private ServerConnector tlsConnector(SelfSignedCertificate cert) {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStoreType("PKCS12");
        tls.setKeyStorePath(cert.keyStore().toString());
        tls.setKeyStorePassword(cert.password());
        HttpConfiguration config = new HttpConfiguration();
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false); // the scanner connects by IP address, which sends no SNI
        config.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(tls, "http/1.1"),
                new HttpConnectionFactory(config));
        connector.setHost("127.0.0.1");
        return connector;
    }

    private final class SiteServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String path = request.getRequestURI();
            seen.add(new Seen(path, request.isSecure(), Optional.ofNullable(request.getHeader("Origin")),
                    request.getHeader("User-Agent")));
            switch (path) {
                case "/strong" -> strong(request, response, https(path));
                case "/strong-probe-to-stranger" -> strong(request, response, strangerHttps(path));
                case "/bare" -> html(response, "<html><body>bare</body></html>");
                case "/headers" -> {
                    response.addHeader("X-Frame-Options", "DENY");
                    response.addHeader("X-Content-Type-Options", "nosniff");
                    response.addHeader("Referrer-Policy", "strict-origin-when-cross-origin");
                    response.addHeader("Permissions-Policy", "camera=()");
                    response.addHeader("Cache-Control", "no-store");
                    response.addHeader("X-Custom", "first");
                    response.addHeader("X-Custom", "second");
                    response.setContentType("text/plain; charset=utf-8");
                    response.getWriter().write("headers");
                }
                case "/chain" -> redirect(response, 301, otherHttp("/chain/2"));
                case "/chain/2" -> redirect(response, 302, "/chain/3");
                case "/chain/3" -> html(response, "<html>end of chain</html>");
                case "/loop" -> redirect(response, 302, "/loop");
                case "/to-private" -> redirect(response, 302, "http://10.255.255.1/");
                case "/to-ftp" -> redirect(response, 302, "ftp://127.0.0.1/file");
                case "/slow" -> {
                    pause();
                    html(response, "<html>late</html>");
                }
                case "/slow-body" -> {
                    response.setContentType(HTML);
                    response.getWriter().write("<html><head>");
                    response.flushBuffer();
                    pause();
                    response.getWriter().write("</head></html>");
                }
                case "/huge" -> huge(response);
                case "/cookies" -> {
                    response.addHeader("Set-Cookie", "SESSIONID=" + SESSION_SECRET + "; Path=/; HttpOnly");
                    response.addHeader("Set-Cookie", "theme=dark; Path=/; Secure; SameSite=Lax");
                    html(response, "<html>cookies</html>");
                }
                case "/cors/wildcard" -> {
                    response.addHeader("Access-Control-Allow-Origin", "*");
                    html(response, "<html>public</html>");
                }
                case "/cors/reflect" -> {
                    Optional.ofNullable(request.getHeader("Origin")).ifPresent(origin -> {
                        response.addHeader("Access-Control-Allow-Origin", origin);
                        response.addHeader("Access-Control-Allow-Credentials", "true");
                        response.addHeader("Access-Control-Allow-Methods", "GET, POST, DELETE");
                    });
                    response.addHeader("Vary", "Origin");
                    response.addHeader("Set-Cookie", "SESSIONID=" + SESSION_SECRET + "; Secure; HttpOnly");
                    html(response, "<html>reflect</html>");
                }
                case "/cors/null-only" -> {
                    if ("null".equals(request.getHeader("Origin"))) {
                        response.addHeader("Access-Control-Allow-Origin", "null");
                        response.addHeader("Access-Control-Allow-Credentials", "true");
                    }
                    html(response, "<html>sandbox</html>");
                }
                case "/meta" -> html(response, """
                        <!DOCTYPE html>
                        <html><head>
                        <!-- <meta http-equiv="Content-Security-Policy" content="default-src *"> -->
                        <META HTTP-EQUIV="content-security-policy" CONTENT="default-src 'none'; img-src &#39;self&#39;">
                        <meta name=referrer content=no-referrer>
                        <script>document.write('<meta http-equiv="Content-Security-Policy" content="script-src *">');</script>
                        <title>a <meta name="referrer" content="unsafe-url"> title</title>
                        </head><body><a href="/elsewhere">a link</a><script src="/app.js"></script></body></html>
                        """);
                default -> response.sendError(404);
            }
        }

        /** A site doing everything right over TLS; over plain HTTP it redirects to {@code httpsTarget}. */
        private void strong(HttpServletRequest request, HttpServletResponse response, String httpsTarget)
                throws IOException {
            if (!request.isSecure()) {
                redirect(response, 301, httpsTarget);
                return;
            }
            response.addHeader("Content-Security-Policy", STRONG_CSP);
            response.addHeader("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
            response.addHeader("X-Content-Type-Options", "nosniff");
            response.addHeader("X-Frame-Options", "DENY");
            response.addHeader("Referrer-Policy", "no-referrer");
            response.addHeader("Cross-Origin-Opener-Policy", "same-origin");
            response.addHeader("Cross-Origin-Embedder-Policy", "require-corp");
            response.addHeader("Cross-Origin-Resource-Policy", "same-origin");
            response.addHeader("Set-Cookie", "__Host-SESSIONID=" + SESSION_SECRET
                    + "; Path=/; Secure; HttpOnly; SameSite=Strict");
            html(response, "<!DOCTYPE html><html><head><title>strong</title></head><body>ok</body></html>");
        }

        private void huge(HttpServletResponse response) throws IOException {
            response.setContentType(HTML);
            byte[] filler = new byte[64 * 1024];
            Arrays.fill(filler, (byte) ' ');
            boolean complete = false;
            try {
                OutputStream out = response.getOutputStream();
                out.write("<html><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'\">"
                        .getBytes(StandardCharsets.UTF_8));
                for (int written = 0; written < HUGE_BODY_BYTES; written += filler.length) {
                    out.write(filler);
                }
                out.write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src *\"></head></html>"
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
                complete = true;
            } catch (IOException clientWentAway) {
                // what a scanner that stops reading causes
            } finally {
                hugeBodyWrites.add(complete);
            }
        }

        private void html(HttpServletResponse response, String body) throws IOException {
            response.setContentType(HTML);
            response.getWriter().write(body);
        }

        private void redirect(HttpServletResponse response, int status, String location) {
            response.setStatus(status);
            response.setHeader("Location", location);
        }

        private void pause() {
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
