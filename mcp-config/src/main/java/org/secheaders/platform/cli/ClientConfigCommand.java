package org.secheaders.platform.cli;

import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.secheaders.platform.admin.ClassDataArchive;
import org.secheaders.platform.admin.ClientConfigurations;
import org.secheaders.platform.admin.McpClientKind;
import org.secheaders.platform.config.ConfigKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code secheaders client-config}. */
@Command(name = "client-config", description = {
        "Print ready-to-paste MCP client configuration.",
        "",
        "mcpServers entries (\"servers\" for VS Code) that start the servers over stdio",
        "with absolute paths, and MCP Inspector command lines for stdio and for HTTP",
        "with a bearer token. The servers get this command's data directory and",
        "database (--data-dir, --db-url, ...) and its --identity-role, and",
        "-XX:SharedArchiveFile when 'cds create' made an archive for the jar."})
final class ClientConfigCommand implements Callable<Integer>, ConfiguredCommand {

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Mixin
    ServerSelection targets;

    @Option(names = "--client", paramLabel = "CLIENT", defaultValue = ClientKindConverter.ALL,
            converter = ClientKindConverter.class,
            description = "claude-desktop, cursor, vscode, inspector or all (default)")
    ClientKindConverter.Selection selection;

    private final CliContext context;

    ClientConfigCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Set<ConfigKey> settings() {
        return EnumSet.of(ConfigKey.DATA_DIR, ConfigKey.DB_URL, ConfigKey.DB_USER, ConfigKey.DB_PASSWORD,
                ConfigKey.IDENTITY_ROLE, ConfigKey.IDENTITY_TENANT, ConfigKey.TRANSPORT, ConfigKey.BIND, ConfigKey.PORT);
    }

    @Override
    public Integer call() {
        Optional<ClientConfigurations> selected = targets.configurations(spec, context, this);
        if (selected.isEmpty()) {
            return ExitStatus.FAILED.code();
        }
        ClientConfigurations configurations = selected.get();
        PrintWriter err = spec.commandLine().getErr();
        if (configurations.omitsPassword()) {
            err.println("Note: the database password is not written into client configuration; add "
                    + ConfigKey.DB_PASSWORD.envVar() + " to each entry's env yourself.");
        }
        for (ClassDataArchive missing : configurations.archivesToCreate()) {
            err.println("Note: " + missing.path().getFileName() + (missing.exists() ? " is older than the jar" : " does not exist")
                    + ", so that server starts without a class-data archive; '" + context.invocation()
                    + " cds create' makes one (a start about 40 % shorter), then run this command again.");
        }
        Set<McpClientKind> clients = selection.kinds();
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            Map<String, Object> document = new LinkedHashMap<>();
            clients.forEach(client -> document.put(client.wireName(), configurations.forClient(client)));
            JsonOutput.print(out, document);
        } else if (clients.size() == 1 && !clients.contains(McpClientKind.INSPECTOR)) {
            // Only the document on stdout, so it can be redirected into the client's file.
            McpClientKind client = clients.iterator().next();
            err.println("Paste into " + client.destination() + ":");
            JsonOutput.print(out, configurations.forClient(client));
        } else {
            clients.forEach(client -> printSection(out, client, configurations));
        }
        err.flush();
        out.flush();
        return ExitStatus.OK.code();
    }

    private void printSection(PrintWriter out, McpClientKind client, ClientConfigurations configurations) {
        out.println("# " + client.wireName() + ": paste into " + client.destination());
        if (client == McpClientKind.INSPECTOR) {
            out.println("# stdio (the Inspector starts each server itself):");
            configurations.inspectorStdio().forEach(out::println);
            out.println("# HTTP: start the servers with");
            out.println("#   " + configurations.httpServeCommand());
            out.println("# and put a token in " + ClientConfigurations.TOKEN_VARIABLE + " ('" + context.invocation()
                    + " token create --name inspector --role security_analyst' prints one), then:");
            configurations.inspectorHttp().forEach(out::println);
        } else {
            JsonOutput.print(out, configurations.forClient(client));
        }
        out.println();
    }

}
