package org.secheaders.platform.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.secheaders.platform.admin.ArchiveTraining;
import org.secheaders.platform.admin.ClientConfigurations;
import org.secheaders.platform.config.ConfigKey;
import org.secheaders.platform.server.McpServerModule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code secheaders cds create}. */
@Command(name = "create", description = {
        "Make a class-data archive for each server by a training run.",
        "",
        "Starts each server over stdio as client-config's entries do (same jar, data",
        "directory and identity) with -XX:ArchiveClassesAtExit, sends initialize and",
        "tools/list, and closes its input. The archive is stored next to the jar as",
        "<jar name>.<server>.jsa; client-config then adds -XX:SharedArchiveFile to that",
        "server's command line. Run it again after every rebuild of the jar: an outdated",
        "archive is ignored (the server starts, just not faster)."})
final class CdsCreateCommand implements Callable<Integer>, ConfiguredCommand {

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Mixin
    ServerSelection targets;

    private final CliContext context;

    CdsCreateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Set<ConfigKey> settings() {
        return EnumSet.of(ConfigKey.DATA_DIR, ConfigKey.DB_URL, ConfigKey.DB_USER, ConfigKey.DB_PASSWORD,
                ConfigKey.IDENTITY_ROLE, ConfigKey.IDENTITY_TENANT);
    }

    /** One archive made, as {@code --format json} prints it. */
    record ArchiveRow(String server, String archive, long bytes, long millis) {
    }

    @Override
    public Integer call() throws Exception {
        Optional<ClientConfigurations> selected = targets.configurations(spec, context, this);
        if (selected.isEmpty()) {
            return ExitStatus.FAILED.code();
        }
        ClientConfigurations configurations = selected.get();
        PrintWriter err = spec.commandLine().getErr();
        ArchiveTraining training = new ArchiveTraining(configurations);
        PrintWriter out = spec.commandLine().getOut();
        List<ArchiveRow> rows = new ArrayList<>();
        for (McpServerModule server : configurations.servers()) {
            err.println("Training " + server.id() + ": starting it over stdio, initialize, tools/list...");
            err.flush();
            ArchiveTraining.Created created;
            try {
                created = training.create(server);
            } catch (IOException e) {
                // Printed whole: the message ends with the server's stderr, which says why it did not start.
                err.println(spec.qualifiedName() + ": training " + server.id() + " failed: " + e.getMessage());
                err.flush();
                return ExitStatus.FAILED.code();
            }
            ArchiveRow row = new ArchiveRow(created.server(), created.archive().toString(), created.bytes(),
                    created.took().toMillis());
            rows.add(row);
            if (!output.json()) {
                out.printf(Locale.ROOT, "Created %s for %s (%.1f MB in %.1f s)%n", row.archive(), row.server(),
                        row.bytes() / 1e6, row.millis() / 1e3);
                out.flush();
            }
        }
        if (output.json()) {
            JsonOutput.print(out, Map.of("archives", rows));
        } else {
            err.println("'" + context.invocation() + " client-config' now adds -XX:SharedArchiveFile to these servers'"
                    + " command lines: paste its output into your MCP client again.");
        }
        err.flush();
        return ExitStatus.OK.code();
    }
}
