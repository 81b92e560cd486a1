package org.secheaders.platform.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.secheaders.platform.PlatformJson;
import org.secheaders.platform.config.TransportKind;
import org.secheaders.platform.server.RunningServer;
import org.secheaders.platform.testkit.RawHttp;
import org.secheaders.platform.testkit.TestServers;
import org.secheaders.platform.testkit.TestTokens;

/** Authentication, Origin/Host validation and error bodies, seen from a plain HTTP client. */
class HttpSecurityTest {

    private static final String ACCEPT_BOTH = "application/json, text/event-stream";

    private static RunningServer server;
    private static URI mcp;

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.start(TransportKind.HTTP);
        mcp = server.baseUri().resolve("/mcp");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void missingTokenIsChallenged() {
        HttpResponse<String> response = RawHttp.post(mcp, Map.of("Accept", ACCEPT_BOTH), RawHttp.initializeRequest());

        assertEquals(401, response.statusCode());
        assertEquals("Bearer realm=\"secheaders\"", response.headers().firstValue("WWW-Authenticate").orElseThrow());
        assertErrorBody(response, 401, "bearer token required");
    }

    @Test
    void invalidTokenIsChallengedAsInvalid() {
        HttpResponse<String> response = RawHttp.post(mcp,
                Map.of("Accept", ACCEPT_BOTH, "Authorization", "Bearer not-a-known-token-at-all"), RawHttp.initializeRequest());

        assertEquals(401, response.statusCode());
        assertEquals("Bearer realm=\"secheaders\", error=\"invalid_token\"",
                response.headers().firstValue("WWW-Authenticate").orElseThrow());
        assertErrorBody(response, 401, "invalid bearer token");
    }

    @Test
    void otherSchemesThanBearerAreChallenged() {
        HttpResponse<String> response = RawHttp.post(mcp,
                Map.of("Accept", ACCEPT_BOTH, "Authorization", "Basic " + TestTokens.SUPERADMIN), RawHttp.initializeRequest());

        assertEquals(401, response.statusCode());
    }

    @Test
    void foreignOriginIsForbiddenEvenWithAValidToken() {
        HttpResponse<String> response = RawHttp.post(mcp, authorized(Map.of("Origin", "http://evil.example")),
                RawHttp.initializeRequest());

        assertEquals(403, response.statusCode());
        assertErrorBody(response, 403, "Invalid Origin header");
    }

    @Test
    void localOriginIsAllowed() {
        HttpResponse<String> response = RawHttp.post(mcp, authorized(Map.of("Origin", "http://localhost:6274")),
                RawHttp.initializeRequest());

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Mcp-Session-Id").isPresent());
    }

    /** DNS rebinding: a browser tricked into resolving evil.example to 127.0.0.1 still sends Host: evil.example. */
    @Test
    void foreignHostIsRejected() throws IOException {
        String request = "POST /mcp HTTP/1.1\r\n"
                + "Host: evil.example:" + server.port() + "\r\n"
                + "Authorization: Bearer " + TestTokens.SUPERADMIN + "\r\n"
                + "Accept: " + ACCEPT_BOTH + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: 2\r\n"
                + "Connection: close\r\n\r\n{}";
        try (Socket socket = new Socket(server.baseUri().getHost(), server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            assertEquals("HTTP/1.1 421 Misdirected Request", statusLine);
        }
    }

    @Test
    void sdkErrorBodiesLoseTheirStackTrace() {
        HttpResponse<String> response = RawHttp.post(mcp, authorized(Map.of("Accept", "application/json")),
                RawHttp.initializeRequest());

        assertEquals(400, response.statusCode());
        assertErrorBody(response, 400, "text/event-stream required in Accept header");
    }

    @Test
    void unknownSessionIsAPlainNotFound() {
        HttpResponse<String> response = RawHttp.post(mcp,
                authorized(Map.of("Accept", ACCEPT_BOTH, "Mcp-Session-Id", "no-such-session")),
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");

        assertEquals(404, response.statusCode());
        assertErrorBody(response, 404, "Session not found: no-such-session");
    }

    @Test
    void malformedMessageIsABadRequestWithoutDetails() {
        HttpResponse<String> response = RawHttp.post(mcp, authorized(Map.of("Accept", ACCEPT_BOTH)), "{not json");

        assertEquals(400, response.statusCode());
        JsonNode body = json(response);
        assertEquals(2, body.size(), response.body());
        assertFalse(response.body().contains("stackTrace"));
        assertFalse(response.body().contains("at com."), response.body());
    }

    @Test
    void unknownPathsAreJsonNotFound() {
        HttpResponse<String> response = RawHttp.get(server.baseUri().resolve("/admin"), authorized(Map.of()));

        assertEquals(404, response.statusCode());
        assertErrorBody(response, 404, "Not Found");
    }

    @Test
    void unknownPathsNeedATokenToo() {
        assertEquals(401, RawHttp.get(server.baseUri().resolve("/admin"), Map.of()).statusCode());
    }

    @Test
    void correlationIdIsEchoedOrCreated() {
        HttpResponse<String> given = RawHttp.get(server.baseUri().resolve("/health"), Map.of("X-Request-Id", "trace-42"));
        HttpResponse<String> forged = RawHttp.get(server.baseUri().resolve("/health"),
                Map.of("X-Request-Id", "x\",\"level\":\"ERROR"));

        assertEquals("trace-42", given.headers().firstValue("X-Request-Id").orElseThrow());
        assertTrue(forged.headers().firstValue("X-Request-Id").orElseThrow().matches("[0-9a-f-]{36}"));
    }

    private static Map<String, String> authorized(Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(headers);
        all.putIfAbsent("Accept", ACCEPT_BOTH);
        all.put("Content-Type", "application/json");
        all.put("Authorization", "Bearer " + TestTokens.SUPERADMIN);
        return all;
    }

    private static void assertErrorBody(HttpResponse<String> response, int status, String error) {
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        assertFalse(response.body().contains("stackTrace"), response.body());
        JsonNode body = json(response);
        assertEquals(error, body.path("error").asText(), response.body());
        assertEquals(status, body.path("status").asInt());
        assertEquals(2, body.size(), response.body());
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return PlatformJson.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
