package org.secheaders.platform.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.secheaders.platform.config.ConfigKey;
import org.secheaders.platform.config.PlatformConfig;
import org.secheaders.platform.config.TransportKind;
import org.secheaders.platform.server.McpServerModule;
import org.secheaders.platform.server.ServerGroup;
import org.secheaders.platform.server.ServerModules;
import org.secheaders.platform.server.ServerRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code secheaders serve}. */
@Command(name = "serve", description = {
        "Run MCP server modules: one over stdio, or several over HTTP.",
        "",
        "stdio (the default) serves exactly one, for an MCP host that starts it as a",
        "child process. http, stateless and sse serve each server on its own port",
        "until stopped: --port, --port+1, ... in the order named (--all: by id), or",
        "free ports with --port 0."})
final class ServeCommand implements Callable<Integer>, ConfiguredCommand {

    static final String NO_MODULES = "No MCP server modules are installed: this build holds only the platform. "
            + "Build the distribution with a server module (it registers an "
            + "org.secheaders.platform.server.McpServerModule in META-INF/services).";

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Parameters(paramLabel = "SERVER", arity = "0..*", description = "the server modules to run, by id")
    List<String> servers = new ArrayList<>();

    @Option(names = "--all", description = "run every installed server module (not with stdio)")
    boolean all;

    private final CliContext context;

    ServeCommand(CliContext context) {
        this.context = context;
    }

    /** A started server in JSON output. */
    record Endpoint(String server, URI url) {
    }

    @Override
    public Set<ConfigKey> settings() {
        return EnumSet.allOf(ConfigKey.class);
    }

    /** Exactly the configuration a server module's own jar would load. */
    @Override
    public Map<ConfigKey, String> settingDefaults() {
        return Map.of();
    }

    /** The installed modules, for the end of {@code serve --help}; looked up only when help is shown. */
    static String installedModules(CliContext context) {
        ServerModules modules = context.modules().get();
        if (modules.isEmpty()) {
            return System.lineSeparator() + NO_MODULES + System.lineSeparator();
        }
        Table table = Table.of("server", "description");
        modules.all().forEach(module -> table.row(module.id(), module.description()));
        StringWriter text = new StringWriter();
        table.print(new PrintWriter(text));
        return System.lineSeparator() + "Installed servers:" + System.lineSeparator() + text;
    }

    @Override
    public Integer call() throws Exception {
        ServerModules modules = context.modules().get();
        if (modules.isEmpty()) {
            spec.commandLine().getErr().println(NO_MODULES);
            spec.commandLine().getErr().flush();
            return ExitStatus.FAILED.code();
        }
        List<McpServerModule> selected = select(modules);
        PlatformConfig config = PlatformSettings.load(spec, context, this);
        if (config.transport() == TransportKind.STDIO) {
            if (selected.size() != 1) {
                throw new ParameterException(spec.commandLine(), "stdio serves exactly one server, not " + selected.size()
                        + " (" + String.join(", ", selected.stream().map(McpServerModule::id).toList()) + "); name one, "
                        + "or serve them over HTTP with --transport http");
            }
            McpServerModule module = selected.get(0);
            ServerRuntime.warmUp();
            ServerRuntime.runStdio(module.factory().create(config), config, context.stdin(), context.protocolOut());
            return ExitStatus.OK.code();
        }
        ServerGroup group = ServerGroup.startHttp(selected, config);
        try {
            printEndpoints(group);
        } catch (RuntimeException e) {
            group.close();
            throw e;
        }
        Serving.untilStopped(group);
        return ExitStatus.OK.code();
    }

    private List<McpServerModule> select(ServerModules modules) {
        if (all && !servers.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "name servers or pass --all, not both");
        }
        if (all) {
            return modules.all();
        }
        if (servers.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "name a server to run (" + String.join(", ", modules.ids())
                    + ") or pass --all");
        }
        try {
            return modules.select(servers);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private void printEndpoints(ServerGroup group) {
        PrintWriter out = spec.commandLine().getOut();
        List<Endpoint> endpoints = group.members().stream()
                .map(member -> new Endpoint(member.module().id(), member.endpoint()))
                .toList();
        if (output.json()) {
            JsonOutput.print(out, endpoints);
        } else {
            Table table = Table.of("server", "url", "description");
            group.members().forEach(m -> table.row(m.module().id(), m.endpoint(), m.module().description()));
            table.print(out);
            out.println("Serving until stopped (Ctrl-C). Clients send 'Authorization: Bearer <token>'; create one with '"
                    + context.invocation() + " token create'.");
        }
        out.flush();
    }
}
