package org.secheaders.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.db.DatabaseConfig;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.repo.TenantScope;
import org.secheaders.platform.testkit.McpClients;

/**
 * Four analytics servers over stdio, each a {@code java -jar secheaders.jar serve security-analytics}
 * process started as an MCP host starts it, on the same default H2 file at once (the first to open it
 * serves it to the others, AUTO_SERVER). In every process a writer thread tracks violations while a
 * reader thread analyses them, all four at the same time: every call must succeed, no process may log
 * a lock problem, and the counts must add up.
 */
class ConcurrentStdioServersTest {

    private static final int PROCESSES = 4;
    private static final int WRITES_PER_PROCESS = 25;
    private static final int READS_PER_PROCESS = 25;
    private static final List<String> LOCK_ERRORS = List.of("timeout trying to lock", "deadlock",
            "lock file recently modified", "database may be already in use", "failed to initialize pool");

    @TempDir
    Path dataDir;

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    void fourStdioServersShareTheDefaultH2FileWithoutLockErrors() throws Exception {
        try (Database database = Database.open(DatabaseConfig.h2(dataDir))) {
            database.migrations().migrate();
            database.tenants().create(TenantScope.platform(), new Tenant.Draft("acme", "Acme", "acme.example", Map.of()));
        }
        List<String> stderr = new CopyOnWriteArrayList<>();
        // Filled as the servers come up, so that every started process is closed whatever fails.
        List<McpSyncClient> clients = new CopyOnWriteArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(2 * PROCESSES);
        try {
            // Started together, so the processes race to open the file and one of them becomes its server.
            List<Future<Boolean>> starting = new ArrayList<>();
            for (int p = 0; p < PROCESSES; p++) {
                starting.add(threads.submit(() -> clients.add(connect(stderr))));
            }
            for (Future<Boolean> started : starting) {
                started.get(300, TimeUnit.SECONDS);
            }

            Set<Long> storedIds = ConcurrentHashMap.newKeySet();
            List<Future<?>> work = new ArrayList<>();
            for (int p = 0; p < PROCESSES; p++) {
                McpSyncClient client = clients.get(p);
                int process = p;
                work.add(threads.submit(() -> {
                    for (int i = 0; i < WRITES_PER_PROCESS; i++) {
                        Map<?, ?> tracked = success(client, "track_csp_violation", Map.of("tenant", "acme",
                                "document_uri", "https://acme.example/page-" + process + "-" + i,
                                "effective_directive", "script-src-elem",
                                "blocked_uri", "https://cdn-" + process + "-" + i + ".example/lib.js"));
                        List<?> stored = (List<?>) tracked.get("stored");
                        assertEquals(1, stored.size(), tracked::toString);
                        assertTrue(storedIds.add(((Number) ((Map<?, ?>) stored.get(0)).get("id")).longValue()),
                                "ids are unique across processes: " + tracked);
                    }
                    return null;
                }));
                work.add(threads.submit(() -> {
                    for (int i = 0; i < READS_PER_PROCESS; i++) {
                        int seen = violations(client);
                        assertTrue(seen >= 0 && seen <= PROCESSES * WRITES_PER_PROCESS, "a count in range: " + seen);
                    }
                    return null;
                }));
            }
            for (Future<?> task : work) {
                task.get(300, TimeUnit.SECONDS);
            }

            assertEquals(PROCESSES * WRITES_PER_PROCESS, storedIds.size());
            for (McpSyncClient client : clients) {
                assertEquals(PROCESSES * WRITES_PER_PROCESS, violations(client), "every process sees every write");
            }
        } finally {
            clients.forEach(McpSyncClient::closeGracefully);
            threads.shutdownNow();
        }
        // H2's own wording for lock trouble: a row-lock wait over LOCK_TIMEOUT, a deadlock, a lost race for the file.
        List<String> lockProblems = stderr.stream()
                .filter(line -> LOCK_ERRORS.stream().anyMatch(line.toLowerCase(Locale.ROOT)::contains))
                .toList();
        assertEquals(List.of(), lockProblems, "lock problems on the servers' stderr");
        assertTrue(stderr.stream().filter(l -> l.contains("tool call tool=track_csp_violation outcome=success")).count()
                == PROCESSES * WRITES_PER_PROCESS, "every write was audited as a success");
    }

    private McpSyncClient connect(List<String> stderr) {
        List<String> args = new ArrayList<>(SecheadersJar.command().subList(1, SecheadersJar.command().size()));
        args.addAll(List.of("serve", "security-analytics", "--data-dir", dataDir.toString()));
        StdioClientTransport transport = new StdioClientTransport(
                ServerParameters.builder(SecheadersJar.JAVA.toString()).args(args).build(), McpJsonDefaults.getMapper());
        transport.setStdErrorHandler(stderr::add);
        // Four JVMs starting at once on a shared two-core machine: far slower than one.
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(120))
                .initializationTimeout(Duration.ofSeconds(240)).build();
        try {
            client.initialize();
        } catch (RuntimeException e) {
            client.closeGracefully();
            throw new AssertionError("a server did not start; the servers' stderr:\n" + String.join("\n", stderr), e);
        }
        return client;
    }

    private static int violations(McpSyncClient client) {
        Map<?, ?> totals = (Map<?, ?>) success(client, "analyze_security_metrics", Map.of("tenant", "acme")).get("totals");
        return ((Number) totals.get("violations")).intValue();
    }

    private static Map<?, ?> success(McpSyncClient client, String tool, Map<String, Object> arguments) {
        CallToolResult result = McpClients.call(client, tool, arguments);
        if (Boolean.TRUE.equals(result.isError())) {
            throw new AssertionError(tool + " failed: " + McpClients.text(result));
        }
        return (Map<?, ?>) result.structuredContent();
    }
}
