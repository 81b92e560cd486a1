package org.secheaders.distribution;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code secheaders serve <server> --transport http --port 0 --format json} as a process: the URL comes from the
 * endpoint list serve prints once it listens, so the test needs no free-port guess.
 */
final class HttpServerProcess implements AutoCloseable {

    private static final Pattern URL = Pattern.compile("\"url\"\\s*:\\s*\"(http[^\"]+)\"");

    private final Process process;
    private final Path stderr;
    private final String url;

    private HttpServerProcess(Process process, Path stderr, String url) {
        this.process = process;
        this.stderr = stderr;
        this.url = url;
    }

    static HttpServerProcess start(Path workDir, Map<String, String> env, String server) throws IOException {
        List<String> command = new ArrayList<>(SecheadersJar.command());
        command.addAll(List.of("serve", server, "--transport", "http", "--port", "0", "--format", "json"));
        // stderr to a file: the server logs there, and an undrained pipe would stall it.
        Path stderr = Files.createTempFile(workDir, "serve-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectError(stderr.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        // readLine returns null when the process ends before it prints its endpoint, so this cannot hang on a crash.
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            Matcher url = URL.matcher(line);
            if (url.find()) {
                return new HttpServerProcess(process, stderr, url.group(1));
            }
        }
        process.destroyForcibly();
        throw new AssertionError("serve " + server + " ended without printing its URL:\n" + Files.readString(stderr));
    }

    /** The MCP endpoint, e.g. {@code http://127.0.0.1:41234/mcp}. */
    String url() {
        return url;
    }

    String log() throws IOException {
        return Files.readString(stderr);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
