package org.secheaders.platform.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.secheaders.platform.PlatformJson;
import org.secheaders.platform.server.McpServerModule;

/**
 * Makes a server's {@link ClassDataArchive} by a training run: starts the server over stdio exactly
 * as {@link ClientConfigurations#launches()} would (same java, jar, data directory and identity)
 * with {@code -XX:ArchiveClassesAtExit}, sends {@code initialize}, {@code notifications/initialized}
 * and {@code tools/list} as an MCP host does, closes its input and waits for it to exit, which is
 * when the JVM writes the archive. The archive is written beside its final name and moved into place
 * only when complete, so a failed run leaves an earlier archive untouched.
 */
public final class ArchiveTraining {

    /** A slow start on a loaded machine is still a start; only a server that hangs fails. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration EXIT_TIMEOUT = Duration.ofMinutes(2);
    private static final String PROTOCOL_VERSION = "2025-06-18";

    private final ClientConfigurations configurations;

    public ArchiveTraining(ClientConfigurations configurations) {
        this.configurations = configurations;
    }

    /** What one training run made. */
    public record Created(String server, Path archive, long bytes, Duration took) {
    }

    /**
     * Trains {@code server} and stores its archive.
     *
     * @throws IOException when the archive cannot be written next to the jar, or the run fails (the
     *     message carries the end of the server's stderr)
     */
    public Created create(McpServerModule server) throws IOException, InterruptedException {
        ClassDataArchive archive = configurations.archive(server);
        Path directory = archive.path().getParent();
        if (!Files.isWritable(directory)) {
            throw new AccessDeniedException(directory.toString(), null,
                    "the archive belongs next to the jar, but this directory is not writable");
        }
        Path partial = archive.path().resolveSibling(archive.path().getFileName() + ".partial");
        Files.deleteIfExists(partial);
        Path stderr = Files.createTempFile("secheaders-cds-" + server.id() + "-", ".log");
        long started = System.nanoTime();
        try {
            run(configurations.trainingLaunch(server, partial), stderr);
            if (!Files.isRegularFile(partial) || Files.size(partial) == 0) {
                throw new IOException("the JVM wrote no archive" + tail(stderr));
            }
            Files.move(partial, archive.path(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Created(server.id(), archive.path(), Files.size(archive.path()),
                    Duration.ofNanos(System.nanoTime() - started));
        } finally {
            Files.deleteIfExists(partial);
            Files.deleteIfExists(stderr);
        }
    }

    private void run(ClientConfigurations.Launch launch, Path stderr) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(launch.command());
        command.addAll(launch.args());
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
        Map<String, String> env = builder.environment();
        // Only the launch's settings (this command's, resolved): the server refuses unknown SECHEADERS_* names,
        // and a stray SECHEADERS_TRANSPORT=http would not train the stdio start.
        env.keySet().removeIf(name -> name.startsWith("SECHEADERS_"));
        env.putAll(launch.env());
        Process process = builder.start();
        try {
            CompletableFuture<Void> handshake = CompletableFuture.runAsync(() -> handshake(process));
            try {
                handshake.get(ANSWER_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new IOException("the server did not answer tools/list within " + ANSWER_TIMEOUT.toSeconds() + " s"
                        + tail(stderr));
            } catch (ExecutionException e) {
                throw new IOException(e.getCause().getMessage() + tail(stderr), e.getCause());
            }
            if (!process.waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IOException("the server did not exit within " + EXIT_TIMEOUT.toSeconds()
                        + " s of the end of its input" + tail(stderr));
            }
            if (process.exitValue() != 0) {
                throw new IOException("the server exited with status " + process.exitValue() + tail(stderr));
            }
        } finally {
            process.destroyForcibly();
        }
    }

    /** The host's side: initialize, initialized, tools/list, then end of input; reads stdout to its end. */
    private static void handshake(Process process) {
        try (OutputStream in = process.getOutputStream();
                BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            send(in, Map.of("jsonrpc", "2.0", "id", 1, "method", "initialize", "params", Map.of(
                    "protocolVersion", PROTOCOL_VERSION, "capabilities", Map.of(),
                    "clientInfo", Map.of("name", "secheaders-cds", "version", "1"))));
            awaitAnswer(out, 1);
            send(in, Map.of("jsonrpc", "2.0", "method", "notifications/initialized"));
            send(in, Map.of("jsonrpc", "2.0", "id", 2, "method", "tools/list"));
            awaitAnswer(out, 2);
            in.close();
            while (out.readLine() != null) {
                // nothing else is expected; read on so the server never blocks on a full pipe while exiting
            }
        } catch (IOException e) {
            throw new IllegalStateException("talking to the server failed: " + e.getMessage(), e);
        }
    }

    private static void send(OutputStream in, Map<String, Object> message) throws IOException {
        in.write((PlatformJson.mapper().writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    private static void awaitAnswer(BufferedReader out, int id) throws IOException {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            JsonNode message = PlatformJson.mapper().readTree(line);
            if (message.path("id").asInt(-1) == id) {
                if (message.has("error")) {
                    throw new IllegalStateException("the server answered request " + id + " with an error: "
                            + message.get("error"));
                }
                return;
            }
        }
        throw new IllegalStateException("the server ended its output before answering request " + id);
    }

    /** The last lines of the server's stderr, for the error message. */
    private static String tail(Path stderr) throws IOException {
        List<String> lines = Files.readAllLines(stderr, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return "";
        }
        return "; the server's stderr ends with:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
    }
}
