package org.secheaders.platform.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.secheaders.platform.PlatformJson;
import org.secheaders.platform.testkit.ChildJvm;
import org.secheaders.platform.testkit.McpClients;
import org.secheaders.platform.testkit.RawHttp;

/** The stdio transport in a child JVM, as an MCP host would start it. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StdioServerTest {

    private static final McpJsonMapper JSON = McpJsonDefaults.getMapper();

    @Test
    void sdkClientListsAndCallsToolsAsTheConfiguredIdentity() {
        ServerParameters parameters = ServerParameters.builder(ChildJvm.java())
                .args(ChildJvm.arguments("--identity-role", "tenant_admin", "--identity-tenant", "7"))
                .build();
        StdioClientTransport transport = new StdioClientTransport(parameters, JSON);
        List<String> stderr = new CopyOnWriteArrayList<>();
        transport.setStdErrorHandler(stderr::add);

        try (McpSyncClient client = McpClients.connect(transport)) {
            assertEquals(3, client.listTools().tools().size());
            CallToolResult own = McpClients.call(client, "sum", Map.of("numbers", List.of(2, 3), "tenant_id", 7));
            CallToolResult other = McpClients.call(client, "sum", Map.of("numbers", List.of(2, 3), "tenant_id", 8));

            assertFalse(own.isError(), () -> McpClients.text(own));
            Map<?, ?> structured = (Map<?, ?>) own.structuredContent();
            assertEquals(5.0, structured.get("sum"));
            assertEquals("tenant 7", structured.get("scope"));
            assertTrue(((String) structured.get("caller")).startsWith("local:"));
            assertTrue(other.isError());
            assertTrue(McpClients.text(other).startsWith("access denied: role tenant_admin may only access metrics of tenant 7"));
        }
        assertTrue(stderr.stream().anyMatch(line -> line.contains("\"message\":\"tool call tool=sum outcome=success")
                && line.contains("\"correlationId\"")), () -> "audit line with correlation id on stderr: " + stderr);
    }

    /** Drives the child by hand, so every stdout line can be checked and stderr read in full. */
    @Test
    void stdoutCarriesOnlyJsonRpcAndLogsGoToStderr() throws Exception {
        Process process = new ProcessBuilder(ChildJvm.command("--log-level", "debug")).start();
        List<String> stderr = new CopyOnWriteArrayList<>();
        Thread stderrReader = drain(process, stderr);
        try (OutputStream stdin = process.getOutputStream();
                BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            send(stdin, new McpSchema.JSONRPCRequest("2.0", McpSchema.METHOD_INITIALIZE, 1, RawHttp.initialize()));
            List<String> lines = new ArrayList<>(readResponses(stdout, Set.of(1)));
            send(stdin, new McpSchema.JSONRPCNotification("2.0", McpSchema.METHOD_NOTIFICATION_INITIALIZED, null));
            send(stdin, new McpSchema.JSONRPCRequest("2.0", McpSchema.METHOD_TOOLS_LIST, 2, null));
            send(stdin, new McpSchema.JSONRPCRequest("2.0", McpSchema.METHOD_TOOLS_CALL, 3,
                    McpClients.request("sum", Map.of("numbers", List.of(1, 1)))));
            lines.addAll(readResponses(stdout, Set.of(2, 3)));

            for (String line : lines) {
                assertEquals("2.0", McpSchema.deserializeJsonRpcMessage(JSON, line) instanceof McpSchema.JSONRPCResponse r
                        ? r.jsonrpc() : "not a response: " + line);
            }
        }
        assertTrue(process.waitFor(20, TimeUnit.SECONDS), "the server exits when its input ends");
        assertEquals(0, process.exitValue());
        stderrReader.join();
        assertTrue(stderr.stream().anyMatch(line -> line.contains("serving stdio as local:")), () -> String.join("\n", stderr));
        for (String line : stderr) {
            JsonNode log = jsonLine(line, "stderr");
            assertTrue(log.has("@timestamp") && log.has("level"), () -> "JSON log line: " + line);
        }
    }

    @Test
    void badConfigurationExitsWithStatusTwoAndSaysWhy() throws Exception {
        Process process = new ProcessBuilder(ChildJvm.command("--port", "abc")).redirectErrorStream(false).start();
        process.getOutputStream().close();

        assertTrue(process.waitFor(20, TimeUnit.SECONDS));
        assertEquals(McpServerLauncher.EXIT_BAD_CONFIG, process.exitValue());
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals("sample-server: --port='abc' is not a port number (1-65535, or 0 for any free port)", stderr.strip());
        assertEquals(0, process.getInputStream().readAllBytes().length, "nothing on stdout");
    }

    private static JsonNode jsonLine(String line, String stream) {
        try {
            return PlatformJson.mapper().readTree(line);
        } catch (IOException e) {
            throw new AssertionError(stream + " line is not JSON: " + line, e);
        }
    }

    private static Thread drain(Process process, List<String> lines) {
        Thread reader = new Thread(() -> {
            try (BufferedReader stderr = new BufferedReader(
                    new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                stderr.lines().forEach(lines::add);
            } catch (IOException e) {
                lines.add("stderr unreadable: " + e);
            }
        }, "child-stderr");
        reader.start();
        return reader;
    }

    private static void send(OutputStream stdin, McpSchema.JSONRPCMessage message) throws IOException {
        stdin.write((JSON.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    /** Reads stdout lines until every id has been answered; returns all lines read. */
    private static List<String> readResponses(BufferedReader stdout, Set<Integer> ids) throws IOException {
        Set<Integer> pending = new HashSet<>(ids);
        List<String> lines = new ArrayList<>();
        while (!pending.isEmpty()) {
            String line = stdout.readLine();
            if (line == null) {
                throw new AssertionError("stdout ended with responses pending for " + pending + " after " + lines);
            }
            lines.add(line);
            pending.remove(jsonLine(line, "stdout").path("id").asInt());
        }
        return lines;
    }
}
