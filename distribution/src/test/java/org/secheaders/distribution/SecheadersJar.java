package org.secheaders.distribution;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The shaded {@code secheaders.jar} run as a separate process, as users run it. */
final class SecheadersJar {

    static final Path JAR = Path.of(System.getProperty("secheaders.jar", "target/secheaders.jar"));
    static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    /** What a run of the jar printed and how it ended. */
    record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private SecheadersJar() {
    }

    /** {@code java -jar secheaders.jar}, for a client that starts the server itself (stdio). */
    static List<String> command() {
        return command(JAR);
    }

    private static List<String> command(Path jar) {
        return List.of(JAVA.toString(), "-jar", jar.toAbsolutePath().toString());
    }

    /** Runs the jar to its end with extra environment variables; fails after 180 s. */
    static Run run(Path workDir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        return run(JAR, workDir, env, args);
    }

    /** Runs a copy of the jar to its end, like {@link #run(Path, Map, String...)}. */
    static Run run(Path jar, Path workDir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        Process process = start(jar, workDir, env, args);
        process.getOutputStream().close();
        return await(process, 180, String.join(" ", args));
    }

    /** Starts the jar; the caller reads its output and ends it. */
    static Process start(Path workDir, Map<String, String> env, String... args) throws IOException {
        return start(JAR, workDir, env, args);
    }

    private static Process start(Path jar, Path workDir, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(command(jar));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Collects a process's output until it ends; a process still running after the timeout fails the test. */
    static Run await(Process process, long timeoutSeconds, String what) throws InterruptedException {
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(what + " did not finish in " + timeoutSeconds + " s");
        }
        return new Run(process.exitValue(), out.join(), err.join());
    }

    private static String read(InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
