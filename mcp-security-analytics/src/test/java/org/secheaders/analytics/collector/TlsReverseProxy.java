package org.secheaders.analytics.collector;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * What runs in front of the analytics server in production (it speaks plain HTTP; TRANSPORTS.md): a
 * TLS-terminating reverse proxy on 127.0.0.1 that forwards every request to one backend with its
 * method, path, headers and body, adds {@code X-Forwarded-*}, and answers with the backend's answer. It
 * records each request it forwarded, so a test can see what a browser sent (e.g. a CORS preflight).
 */
final class TlsReverseProxy implements AutoCloseable {

    /** A forwarded request and the backend's status. */
    record Forwarded(String method, String path, Optional<String> origin, Optional<String> contentType, int status) {
    }

    /** Per connection or per message: not forwarded (RFC 9110 §7.6.1), or set by the JDK client itself. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-connection", "te",
            "trailer", "transfer-encoding", "upgrade", "host", "content-length", "expect", "http2-settings");

    private final HttpsServer server;
    private final ExecutorService threads;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI backend;
    private final List<Forwarded> forwarded = new CopyOnWriteArrayList<>();

    private TlsReverseProxy(HttpsServer server, ExecutorService threads, URI backend) {
        this.server = server;
        this.threads = threads;
        this.backend = backend;
    }

    static TlsReverseProxy start(SSLContext tls, URI backend) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        ExecutorService threads = Executors.newFixedThreadPool(4);
        server.setExecutor(threads);
        TlsReverseProxy proxy = new TlsReverseProxy(server, threads, backend);
        server.createContext("/", proxy::forward);
        server.start();
        return proxy;
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Forwarded> forwarded() {
        return List.copyOf(forwarded);
    }

    private void forward(HttpExchange exchange) throws IOException {
        try {
            relay(exchange);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(502, -1);
        } catch (IOException e) {
            exchange.sendResponseHeaders(502, -1);
        } finally {
            exchange.close();
        }
    }

    private void relay(HttpExchange exchange) throws IOException, InterruptedException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        HttpRequest.Builder request = HttpRequest.newBuilder(backend.resolve(exchange.getRequestURI().toString()))
                .timeout(Duration.ofSeconds(10))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        request.header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", exchange.getRequestHeaders().getFirst("Host"))
                .header("X-Forwarded-For", exchange.getRemoteAddress().getAddress().getHostAddress());
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        forwarded.add(new Forwarded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                Optional.ofNullable(exchange.getRequestHeaders().getFirst("Origin")),
                Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")), response.statusCode()));
        for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
            if (!NOT_FORWARDED.contains(header.getKey().toLowerCase(Locale.ROOT)) && !header.getKey().startsWith(":")) {
                exchange.getResponseHeaders().put(header.getKey(), header.getValue());
            }
        }
        byte[] answer = response.body();
        exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
