package org.secheaders.platform.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.secheaders.platform.admin.HealthCheck;
import org.secheaders.platform.admin.HealthChecks;
import org.secheaders.platform.admin.HealthStatus;
import org.secheaders.platform.config.ConfigKey;
import org.secheaders.platform.config.PlatformConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code secheaders health}. */
@Command(name = "health", description = {
        "Check the database and, optionally, a running server.",
        "",
        "The database must be reachable with every migration applied; with --url, the",
        "server's /health and /health/ready must answer 200. Exits 1 when anything is",
        "down. Never creates a database."})
final class HealthCommand implements Callable<Integer>, ConfiguredCommand {

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Option(names = "--url", paramLabel = "URL", description = "a running server's base URL, e.g. http://127.0.0.1:8080")
    Optional<URI> url;

    private final CliContext context;

    HealthCommand(CliContext context) {
        this.context = context;
    }

    /** The JSON document. */
    record Result(HealthStatus status, List<HealthCheck> checks) {
    }

    @Override
    public Set<ConfigKey> settings() {
        return PlatformSettings.DATABASE;
    }

    @Override
    public Integer call() {
        url.filter(u -> !"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null)
                .ifPresent(u -> {
                    throw new ParameterException(spec.commandLine(), "--url '" + u + "' is not an http(s) URL such as "
                            + "http://127.0.0.1:8080");
                });
        PlatformConfig config = PlatformSettings.load(spec, context, this);
        HealthChecks health = new HealthChecks();
        List<HealthCheck> checks = new ArrayList<>(health.database(config.databaseConfig()));
        url.ifPresent(base -> checks.addAll(health.server(base)));
        HealthStatus overall = checks.stream().allMatch(c -> c.status() == HealthStatus.UP) ? HealthStatus.UP : HealthStatus.DOWN;
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            JsonOutput.print(out, new Result(overall, checks));
        } else {
            Table table = Table.of("check", "status", "detail");
            checks.forEach(c -> table.row(c.name(), c.status(), c.detail()));
            table.print(out);
            out.println(overall == HealthStatus.UP ? "Healthy." : "Unhealthy.");
        }
        out.flush();
        return overall == HealthStatus.UP ? ExitStatus.OK.code() : ExitStatus.FAILED.code();
    }
}
