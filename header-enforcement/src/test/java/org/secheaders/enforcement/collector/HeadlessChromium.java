package org.secheaders.enforcement.collector;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium driven by playwright-core ({@code header-enforcement/src/test/browser/load-pages.mjs}):
 * loads pages one after the other and keeps the browser open, so that it can send their CSP reports,
 * until {@link #close()}. Shared with the analytics server's tests through this module's test-jar.
 *
 * <p>{@link #requireTooling()} skips the calling test, naming what is missing, when node,
 * /usr/bin/chromium or {@code node_modules} is absent, unless {@value #REQUIRE_BROWSER}{@code =true}
 * (a system property, or the environment): then it fails.
 */
public final class HeadlessChromium implements AutoCloseable {
    public static final String REQUIRE_BROWSER = "SECHEADERS_REQUIRE_BROWSER";
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final String SCRIPT = "load-pages.mjs";
    private static final Duration CLOSE_WITHIN = Duration.ofSeconds(30);

    private final Process process;
    private final Path log;

    private HeadlessChromium(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * The node binary, or a skip (a failure with {@value #REQUIRE_BROWSER}{@code =true}) naming what is
     * missing.
     */
    public static Path requireTooling() {
        Optional<Path> node = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .map(entry -> Path.of(entry, "node"))
                .filter(Files::isExecutable)
                .findFirst();
        List<String> missing = new ArrayList<>();
        if (node.isEmpty()) {
            missing.add("node is not on the PATH");
        }
        if (!Files.isExecutable(CHROMIUM)) {
            missing.add(CHROMIUM + " is missing (apt-get install chromium)");
        }
        if (!Files.isDirectory(scriptDirectory().resolve("node_modules").resolve("playwright-core"))) {
            missing.add("playwright-core is not installed (npm ci in " + scriptDirectory().toAbsolutePath().normalize() + ")");
        }
        if (!missing.isEmpty()) {
            String reason = String.join("; ", missing);
            if (Boolean.parseBoolean(System.getProperty(REQUIRE_BROWSER, System.getenv(REQUIRE_BROWSER)))) {
                throw new AssertionError(reason + ", and " + REQUIRE_BROWSER + "=true");
            }
            Assumptions.abort(reason + "; skipping (set " + REQUIRE_BROWSER + "=true to fail instead)");
        }
        return node.orElseThrow();
    }

    /**
     * Starts Chromium on {@code urls} (in this order, each in its own tab); its stderr goes to
     * {@code logDir/browser.err}, which a failure quotes.
     */
    public static HeadlessChromium load(Path node, Path logDir, List<String> urls) throws IOException {
        List<String> command = new ArrayList<>(List.of(node.toString(), SCRIPT));
        command.addAll(urls);
        Path log = logDir.resolve("browser.err");
        Process process = new ProcessBuilder(command)
                .directory(scriptDirectory().toFile())
                .redirectError(log.toFile())
                .start();
        return new HeadlessChromium(process, log);
    }

    /**
     * Waits until every page has fired its load event; returns when each did (the browser's clock,
     * which is this machine's), by URL in load order.
     */
    public Map<String, Instant> awaitLoaded(int pages, Duration timeout) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Map<String, Instant>> loaded = CompletableFuture.supplyAsync(() -> {
            Map<String, Instant> times = new LinkedHashMap<>();
            // "loaded <url> <epoch millis>"
            out.lines().filter(line -> line.startsWith("loaded ")).limit(pages).map(line -> line.split(" "))
                    .forEach(parts -> times.put(parts[1], Instant.ofEpochMilli(Long.parseLong(parts[2]))));
            return times;
        });
        try {
            Map<String, Instant> times = loaded.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (times.size() != pages) {
                throw new AssertionError("loaded " + times.keySet() + " of " + pages + " pages");
            }
            return times;
        } catch (Exception | AssertionError e) {
            throw new AssertionError("Chromium did not load the pages:\n"
                    + Files.readString(log, StandardCharsets.UTF_8), e);
        }
    }

    /** Tells the script to close the browser (it also stops by itself after 30 s). */
    @Override
    public void close() throws IOException {
        process.getOutputStream().close();
        try {
            if (!process.waitFor(CLOSE_WITHIN.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** This module's {@code src/test/browser}, from its own tests or from a sibling module's. */
    private static Path scriptDirectory() {
        Path own = Path.of("src", "test", "browser");
        return Files.isRegularFile(own.resolve(SCRIPT)) ? own
                : Path.of("..", "header-enforcement", "src", "test", "browser");
    }
}
