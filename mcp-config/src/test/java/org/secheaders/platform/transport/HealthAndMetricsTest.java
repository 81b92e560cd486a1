package org.secheaders.platform.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpSyncClient;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.secheaders.platform.config.TransportKind;
import org.secheaders.platform.observability.ReadinessCheck;
import org.secheaders.platform.server.RunningServer;
import org.secheaders.platform.testkit.McpClients;
import org.secheaders.platform.testkit.RawHttp;
import org.secheaders.platform.testkit.SampleServer;
import org.secheaders.platform.testkit.TestServers;
import org.secheaders.platform.testkit.TestTokens;

/** {@code /health}, {@code /health/ready} and {@code /metrics}: unauthenticated, JSON / Prometheus text. */
class HealthAndMetricsTest {

    private static final AtomicBoolean DATABASE_UP = new AtomicBoolean(true);

    private static RunningServer server;

    @BeforeAll
    static void start() throws Exception {
        ReadinessCheck database = new ReadinessCheck("database", () -> {
            if (!DATABASE_UP.get()) {
                throw new IllegalStateException("connection refused: db.internal:5432");
            }
        });
        server = TestServers.start(TransportKind.HTTP, SampleServer.definition(List.of(database)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void livenessNeedsNoToken() {
        HttpResponse<String> response = RawHttp.get(uri("/health"), Map.of());

        assertEquals(200, response.statusCode());
        assertEquals("{\"status\":\"UP\"}", response.body());
    }

    @Test
    void readinessFollowsItsChecks() {
        DATABASE_UP.set(true);
        HttpResponse<String> up = RawHttp.get(uri("/health/ready"), Map.of());
        DATABASE_UP.set(false);
        HttpResponse<String> down = RawHttp.get(uri("/health/ready"), Map.of());
        DATABASE_UP.set(true);

        assertEquals(200, up.statusCode());
        assertEquals("{\"status\":\"UP\",\"checks\":{\"database\":\"UP\"}}", normalize(up.body()));
        assertEquals(503, down.statusCode());
        assertEquals("{\"status\":\"DOWN\",\"checks\":{\"database\":\"DOWN\"}}", normalize(down.body()),
                "the failure detail stays in the log");
    }

    @Test
    void metricsCountToolCallsByToolAndOutcome() {
        try (McpSyncClient client = McpClients.streamable(server.baseUri(), TestTokens.ANALYST)) {
            McpClients.call(client, "sum", Map.of("numbers", List.of(1, 2)));
            McpClients.call(client, "set_threshold", Map.of("tenant_id", 3, "threshold", 5));
        }
        RawHttp.get(uri("/mcp"), Map.of());

        HttpResponse<String> response = RawHttp.get(uri("/metrics"), Map.of());

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
        String metrics = response.body();
        assertTrue(metrics.contains("mcp_tool_calls_seconds_count{mcp_server=\"sample-server\",outcome=\"success\",tool=\"sum\"} 1"),
                metrics);
        assertTrue(metrics.contains("mcp_tool_calls_seconds_count{mcp_server=\"sample-server\",outcome=\"denied\",tool=\"set_threshold\"} 1"),
                metrics);
        assertTrue(metrics.contains("mcp_tool_calls_seconds_bucket{"), "latency buckets");
        assertTrue(metrics.contains("mcp_auth_failures_total{mcp_server=\"sample-server\",reason=\"missing\"}"), metrics);
    }

    private static URI uri(String path) {
        return server.baseUri().resolve(path);
    }

    /** Map key order of the body is not part of the contract. */
    private static String normalize(String body) {
        return body.replace("{\"checks\":{\"database\":\"UP\"},\"status\":\"UP\"}", "{\"status\":\"UP\",\"checks\":{\"database\":\"UP\"}}")
                .replace("{\"checks\":{\"database\":\"DOWN\"},\"status\":\"DOWN\"}", "{\"status\":\"DOWN\",\"checks\":{\"database\":\"DOWN\"}}");
    }
}
