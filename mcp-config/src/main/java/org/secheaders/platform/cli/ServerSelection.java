package org.secheaders.platform.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.secheaders.platform.admin.ClientConfigurations;
import org.secheaders.platform.admin.ServerJar;
import org.secheaders.platform.config.PlatformConfig;
import org.secheaders.platform.server.McpServerModule;
import org.secheaders.platform.server.ServerModules;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The {@code --server} and {@code --jar} options (a picocli mixin) of the commands that start servers the way clients do (client-config, cds create). */
final class ServerSelection {

    @Option(names = "--server", paramLabel = "SERVER", description = "only these servers (repeatable; default: all installed)")
    List<String> servers = new ArrayList<>();

    @Option(names = "--jar", paramLabel = "PATH",
            description = "the jar clients start (default: the jar this command runs from)")
    Optional<Path> jar;

    /**
     * The launches of the named servers (all installed when none are named) from {@code jar} (default: the
     * running jar), with the command's settings; empty, with the reason on stderr, when this build holds no
     * server module.
     *
     * @throws ParameterException naming an unknown server, a missing jar, or a single server's jar asked for several
     */
    Optional<ClientConfigurations> configurations(CommandSpec spec, CliContext context, ConfiguredCommand command) {
        ServerModules modules = context.modules().get();
        if (modules.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(ServeCommand.NO_MODULES);
            err.flush();
            return Optional.empty();
        }
        List<McpServerModule> selected = select(spec, modules, servers);
        ServerJar serverJar = serverJar(spec, context, jar);
        if (serverJar instanceof ServerJar.SingleServer && selected.size() != 1) {
            throw new ParameterException(spec.commandLine(), "--jar " + serverJar.path()
                    + " is a single server's jar; name that server with --server");
        }
        PlatformConfig config = PlatformSettings.load(spec, context, command);
        return Optional.of(new ClientConfigurations(selected, serverJar, Path.of(System.getProperty("java.home"), "bin", "java"),
                config));
    }

    private static List<McpServerModule> select(CommandSpec spec, ServerModules modules, List<String> servers) {
        if (servers.isEmpty()) {
            return modules.all();
        }
        try {
            return modules.select(servers);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--server: " + e.getMessage());
        }
    }

    private static ServerJar serverJar(CommandSpec spec, CliContext context, Optional<Path> jar) {
        Path path = jar.or(context::runningJar).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "--jar PATH is required: this command does not run from a jar (build one with "
                        + "'./mvnw -q clean package -DskipTests'; it is distribution/target/secheaders.jar)"));
        try {
            return ServerJar.inspect(path);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "--jar " + path + ": " + e.getMessage());
        }
    }
}
