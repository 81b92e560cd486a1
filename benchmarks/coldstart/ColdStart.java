import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Cold start of an MCP server over stdio: process start until the first tools/list answer, as a host sees it.
 * A single-file program so it needs no build beyond the jar:
 * <pre>java benchmarks/coldstart/ColdStart.java distribution/target/secheaders.jar DATA_DIR [RUNS]</pre>
 * DATA_DIR must already hold a database (e.g. from {@code secheaders demo}): migrating a fresh one is not start-up.
 */
public final class ColdStart {

    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"cold-start\",\"version\":\"1\"}}}";
    private static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
    private static final String TOOLS_LIST = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: java ColdStart.java SECHEADERS_JAR DATA_DIR [RUNS (default 10)]");
            System.exit(2);
        }
        Path jar = Path.of(args[0]).toAbsolutePath();
        String dataDir = Path.of(args[1]).toAbsolutePath().toString();
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        List<Long> millis = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            long ms = firstToolsList(jar, dataDir);
            millis.add(ms);
            System.out.printf("run %2d: %5d ms%n", run, ms);
        }
        Collections.sort(millis);
        System.out.printf("cold start to first tools/list (%d runs): p50 %d ms, max %d ms%n",
                runs, millis.get((runs - 1) / 2), millis.get(runs - 1));
    }

    private static long firstToolsList(Path jar, String dataDir) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "serve", "security-analytics")
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("SECHEADERS_DATA_DIR", dataDir);
        long start = System.nanoTime();
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream();
                BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            send(in, INITIALIZE);
            awaitResponse(out, 1);
            send(in, INITIALIZED);
            send(in, TOOLS_LIST);
            awaitResponse(out, 2);
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static void send(OutputStream in, String message) throws IOException {
        in.write((message + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** Stdout carries only JSON-RPC, so the response is the line with its id; log notifications are skipped. */
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
