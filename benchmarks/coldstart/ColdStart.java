import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Cold start of an MCP server over stdio: process start until the first tools/list answer, as a host
 * sees it (initialize, notifications/initialized, tools/list, like Claude Desktop or the Inspector).
 * A single-file program so it needs no build beyond the jar under test:
 * <pre>
 * java benchmarks/coldstart/ColdStart.java [--runs N] -- java -jar mcp-security-analytics/target/mcp-security-analytics.jar --data-dir DIR
 * java benchmarks/coldstart/ColdStart.java [--runs N] -- java -jar distribution/target/secheaders.jar serve security-analytics --data-dir DIR
 * </pre>
 * DIR must already hold a migrated database: migrating a fresh one is installation, not start-up.
 * Each run also reports the child's CPU time (user + system), which load on a shared machine does not
 * inflate the way it inflates wall time.
 */
public final class ColdStart {

    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"cold-start\",\"version\":\"1\"}}}";
    private static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
    private static final String TOOLS_LIST = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";

    private record Run(long wallMillis, long cpuMillis) {
    }

    public static void main(String[] args) throws Exception {
        int separator = Arrays.asList(args).indexOf("--");
        if (separator < 0 || separator == args.length - 1) {
            System.err.println("usage: java ColdStart.java [--runs N (default 10)] -- COMMAND [ARGS...]");
            System.exit(2);
        }
        int runs = separator == 2 && args[0].equals("--runs") ? Integer.parseInt(args[1]) : 10;
        List<String> command = List.of(args).subList(separator + 1, args.length);
        List<Long> wall = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Run result = firstToolsList(command);
            wall.add(result.wallMillis());
            cpu.add(result.cpuMillis());
            System.out.printf(Locale.ROOT, "run %2d: %5d ms (CPU %5d ms)%n", run, result.wallMillis(), result.cpuMillis());
        }
        Collections.sort(wall);
        Collections.sort(cpu);
        System.out.printf(Locale.ROOT, "cold start to first tools/list, %d runs: p50 %d ms, max %d ms (CPU p50 %d ms, max %d ms)%n",
                runs, median(wall), wall.get(runs - 1), median(cpu), cpu.get(runs - 1));
    }

    private static long median(List<Long> sorted) {
        return sorted.get((sorted.size() - 1) / 2);
    }

    private static Run firstToolsList(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        long start = System.nanoTime();
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream();
                BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            send(in, INITIALIZE);
            awaitResponse(out, 1);
            send(in, INITIALIZED);
            send(in, TOOLS_LIST);
            awaitResponse(out, 2);
            long wall = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            long cpu = process.toHandle().info().totalCpuDuration().map(d -> d.toMillis()).orElse(-1L);
            return new Run(wall, cpu);
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static void send(OutputStream in, String message) throws IOException {
        in.write((message + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** Stdout carries only JSON-RPC, so the response is the line with its id; notifications are skipped. */
    private static void awaitResponse(BufferedReader out, int id) throws IOException {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.contains("\"id\":" + id + ",") || line.contains("\"id\":" + id + "}")) {
                if (line.contains("\"error\"")) {
                    throw new IllegalStateException("request " + id + " failed: " + line);
                }
                return;
            }
        }
        throw new IllegalStateException("the server ended before answering request " + id);
    }
}
