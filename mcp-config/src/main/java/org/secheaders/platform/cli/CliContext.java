package org.secheaders.platform.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.secheaders.platform.server.ServerModules;

/**
 * What commands take from the process rather than from their flags, so tests can run them
 * in-process with their own environment and streams.
 *
 * @param protocolOut the real stdout, for the stdio transport only (command output goes to picocli's writer)
 * @param interactive whether a person can answer a question on stdin
 * @param modules     the server modules on the classpath, looked up when needed
 * @param runningJar  the jar this CLI runs from, when it runs from one
 */
public record CliContext(Map<String, String> env, InputStream stdin, PrintStream protocolOut, boolean interactive,
        Supplier<ServerModules> modules, Optional<Path> runningJar) {

    public CliContext {
        env = Map.copyOf(env);
    }

    /** The context of a real process; call before anything replaces {@code System.out}. */
    static CliContext system(PrintStream stdout) {
        return new CliContext(System.getenv(), System.in, stdout, System.console() != null,
                ServerModules::discover, jarOf(SecheadersCli.class));
    }

    /** How to run this CLI again, for the hints commands print: {@code java -jar /abs/secheaders.jar} or {@code secheaders}. */
    String invocation() {
        return runningJar.map(jar -> "java -jar " + jar).orElse("secheaders");
    }

    private static Optional<Path> jarOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null) {
            return Optional.empty();
        }
        try {
            Path location = Path.of(source.getLocation().toURI()).toAbsolutePath().normalize();
            return Files.isRegularFile(location) && location.toString().endsWith(".jar") ? Optional.of(location) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
