package org.secheaders.platform.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.secheaders.platform.server.ServerModules;
import picocli.CommandLine;

/** Runs {@code secheaders} in-process with captured stdout and stderr. */
final class CliRun {

    /** What a run printed and how it ended. */
    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final Map<String, String> env;
    private final InputStream stdin;
    private final boolean interactive;
    private final ServerModules modules;
    private final Optional<Path> runningJar;

    private CliRun(Map<String, String> env, InputStream stdin, boolean interactive, ServerModules modules,
            Optional<Path> runningJar) {
        this.env = env;
        this.stdin = stdin;
        this.interactive = interactive;
        this.modules = modules;
        this.runningJar = runningJar;
    }

    /** No environment, no one at the keyboard, the test server modules of META-INF/services. */
    static CliRun standard() {
        return new CliRun(Map.of(), InputStream.nullInputStream(), false, ServerModules.discover(), Optional.empty());
    }

    CliRun env(Map<String, String> variables) {
        return new CliRun(variables, stdin, interactive, modules, runningJar);
    }

    /** A person who types {@code answer}. */
    CliRun interactive(String answer) {
        return new CliRun(env, new ByteArrayInputStream(answer.getBytes(StandardCharsets.UTF_8)), true, modules, runningJar);
    }

    CliRun modules(ServerModules installed) {
        return new CliRun(env, stdin, interactive, installed, runningJar);
    }

    CliRun runningFrom(Path jar) {
        return new CliRun(env, stdin, interactive, modules, Optional.of(jar));
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(exit, out.toString(), err.toString());
    }

    /** For long-running commands: output appears in the writers while the command runs. */
    int execute(PrintWriter out, PrintWriter err, String... args) {
        CliContext context = new CliContext(env, stdin, new PrintStream(PrintStream.nullOutputStream()), interactive,
                () -> modules, runningJar);
        CommandLine cli = SecheadersCli.commandLine(context);
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }
}
