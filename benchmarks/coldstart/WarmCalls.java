import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Latency of tool calls right after a start, as the JIT warms up: starts the given stdio server, then
 * calls analyze_security_metrics, detect_anomalies and correlate_security_events in turn (no arguments)
 * and prints the mean latency of calls 1-30, 31-150, 151-300 and 301-N. Made to compare JIT options
 * (ColdStart.java measures the start itself):
 * <pre>
 * java benchmarks/coldstart/WarmCalls.java [--calls N (default 600)] -- java [JVM options] -jar mcp-security-analytics/target/mcp-security-analytics.jar --data-dir DIR
 * </pre>
 */
public final class WarmCalls {

    private static final List<String> TOOLS = List.of("analyze_security_metrics", "detect_anomalies",
            "correlate_security_events");

    public static void main(String[] args) throws Exception {
        int separator = Arrays.asList(args).indexOf("--");
        if (separator < 0 || separator == args.length - 1) {
            System.err.println("usage: java WarmCalls.java [--calls N (default 600)] -- COMMAND [ARGS...]");
            System.exit(2);
        }
        int calls = separator == 2 && args[0].equals("--calls") ? Integer.parseInt(args[1]) : 600;
        Process process = new ProcessBuilder(List.of(args).subList(separator + 1, args.length))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<Double> millis = new ArrayList<>();
        try (OutputStream in = process.getOutputStream();
                BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            call(in, out, 1, "initialize", "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                    + "\"clientInfo\":{\"name\":\"warm-calls\",\"version\":\"1\"}}");
            send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            for (int n = 0; n < calls; n++) {
                long start = System.nanoTime();
                call(in, out, 100 + n, "tools/call", "{\"name\":\"" + TOOLS.get(n % TOOLS.size()) + "\",\"arguments\":{}}");
                millis.add((System.nanoTime() - start) / 1e6);
            }
        } finally {
            process.destroy();
        }
        System.out.printf(Locale.ROOT, "mean latency: calls 1-30 %s, 31-150 %s, 151-300 %s, 301-%d %s%n",
                mean(millis, 0, 30), mean(millis, 30, 150), mean(millis, 150, 300), calls, mean(millis, 300, calls));
    }

    /** The mean of calls {@code from} to {@code to} (0-based, exclusive), or "no calls" for a range a short run did not reach. */
    private static String mean(List<Double> values, int from, int to) {
        OptionalDouble mean = values.subList(Math.min(from, values.size()), Math.min(to, values.size())).stream()
                .mapToDouble(Double::doubleValue).average();
        return mean.isPresent() ? String.format(Locale.ROOT, "%.1f ms", mean.getAsDouble()) : "no calls";
    }

    private static void call(OutputStream in, BufferedReader out, int id, String method, String params) throws IOException {
        send(in, "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}");
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.contains("\"id\":" + id + ",") || line.contains("\"id\":" + id + "}")) {
                if (line.contains("\"error\"") || line.contains("\"isError\":true")) {
                    throw new IllegalStateException("request " + id + " failed: " + line);
                }
                return;
            }
        }
        throw new IllegalStateException("the server ended before answering request " + id);
    }

    private static void send(OutputStream in, String message) throws IOException {
        in.write((message + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }
}
