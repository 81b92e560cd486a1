package org.secheaders.platform.testkit;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Plain {@link HttpClient} requests, for what the SDK client would never send. */
public final class RawHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RawHttp() {
    }

    public static HttpResponse<String> get(URI uri, Map<String, String> headers) {
        return send(request(uri, headers).GET().build());
    }

    public static HttpResponse<String> post(URI uri, Map<String, String> headers, String body) {
        return send(request(uri, headers).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** An {@code initialize} request, serialized by the SDK. */
    public static String initializeRequest() {
        try {
            return McpJsonDefaults.getMapper().writeValueAsString(
                    new McpSchema.JSONRPCRequest("2.0", McpSchema.METHOD_INITIALIZE, 1, initialize()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The params of an {@code initialize} request. */
    public static McpSchema.InitializeRequest initialize() {
        return McpSchema.InitializeRequest.builder("2025-11-25", new McpSchema.ClientCapabilities(null, null, null, null),
                McpSchema.Implementation.builder("raw-test", "1").build()).build();
    }

    private static HttpRequest.Builder request(URI uri, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
        headers.forEach(builder::header);
        return builder;
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
