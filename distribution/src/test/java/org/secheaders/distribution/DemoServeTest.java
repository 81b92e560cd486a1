package org.secheaders.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.secheaders.platform.testkit.McpClients;

/**
 * The README's main command as a process: {@code demo} seeds, then serves every installed server over
 * HTTP and prints how to connect; a client connects with the printed URL and token, a report posted
 * to the printed collector shows up in {@code analyze_security_metrics}, and SIGTERM (what Ctrl-C's
 * SIGINT also runs) stops it cleanly. Never hangs CI: the process is killed when the test ends.
 */
class DemoServeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 400, unit = TimeUnit.SECONDS)
    void demoServesTheSeededDataAndTheCollectorUntilStopped() throws Exception {
        Path stderr = dir.resolve("demo.log");
        List<String> command = new ArrayList<>(SecheadersJar.command());
        command.addAll(List.of("demo", "--data-dir", dir.resolve("data").toString(), "--port", "0", "--format", "json",
                "--days", "8", "--violations", "10000"));
        Process demo = new ProcessBuilder(command).directory(dir.toFile()).redirectError(stderr.toFile()).start();
        try {
            demo.getOutputStream().close();
            JsonNode document = readDocument(demo, stderr);
            JsonNode serving = document.get("serving");
            List<String> servers = StreamSupport.stream(serving.get("servers").spliterator(), false)
                    .map(s -> s.get("server").asText()).toList();
            assertTrue(servers.containsAll(List.of("security-analytics", "compliance-checker")), serving::toString);
            JsonNode analytics = StreamSupport.stream(serving.get("servers").spliterator(), false)
                    .filter(s -> s.get("server").asText().equals("security-analytics")).findFirst().orElseThrow();
            URI mcp = URI.create(analytics.get("url").asText());
            String token = serving.at("/token/secret").asText();
            assertEquals(token, Files.readString(dir.resolve("data/demo-token")).strip());
            String collector = serving.get("collector").asText();
            assertEquals(mcp.resolve("/") + "csp-report/<tenant>", collector);
            assertTrue(serving.get("curl").asText().startsWith("curl -i -X POST " + mcp.resolve("/csp-report/acme-shop")),
                    serving::toString);

            try (McpSyncClient client = McpClients.streamable(mcp.resolve("/"), token)) {
                assertEquals(5, client.listTools().tools().size());
                assertEquals(0, violations(client, "skimmer-e2e.example"));
                HttpResponse<String> posted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create(collector.replace("<tenant>", "acme-shop")))
                        .header("Content-Type", "application/csp-report")
                        .header("Origin", "https://acme-shop.example")
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"csp-report": {"document-uri": "https://acme-shop.example/checkout",
                                 "effective-directive": "script-src-elem", "violated-directive": "script-src-elem",
                                 "blocked-uri": "https://skimmer-e2e.example/pay.js", "disposition": "enforce"}}"""))
                        .timeout(Duration.ofSeconds(30))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(204, posted.statusCode(), posted.body());
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (violations(client, "skimmer-e2e.example") == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertEquals(1, violations(client, "skimmer-e2e.example"), "the collector stored the report");
            }

            demo.destroy();
            assertTrue(demo.waitFor(60, TimeUnit.SECONDS), "SIGTERM stops demo");
            assertEquals(143, demo.exitValue(), "ended by the signal, after the shutdown hook closed the servers");
            String log = Files.readString(stderr);
            assertTrue(!log.contains("\"level\":\"ERROR\""), log);
        } finally {
            demo.destroyForcibly();
        }
    }

    /** The pretty JSON document demo prints once its servers listen; it ends with a closing brace alone on a line. */
    private static JsonNode readDocument(Process demo, Path stderr) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder text = new StringBuilder();
        // readLine returns null when the process ends early, so this cannot hang on a crash.
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            text.append(line).append('\n');
            if (line.equals("}")) {
                return JSON.readTree(text.toString());
            }
        }
        throw new AssertionError("demo ended without its document:\n" + text + "\n" + Files.readString(stderr));
    }

    private static int violations(McpSyncClient client, String blockedHost) {
        CallToolResult result = McpClients.call(client, "analyze_security_metrics",
                Map.of("tenant", "acme-shop", "blocked_host", blockedHost));
        assertTrue(!Boolean.TRUE.equals(result.isError()), () -> McpClients.text(result));
        return ((Number) ((Map<?, ?>) ((Map<?, ?>) result.structuredContent()).get("totals")).get("violations")).intValue();
    }
}
