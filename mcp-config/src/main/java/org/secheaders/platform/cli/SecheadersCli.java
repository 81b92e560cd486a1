package org.secheaders.platform.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.secheaders.platform.config.CommandLineFlags;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.ScopeType;

/**
 * {@code secheaders}: runs the MCP servers and administers the platform. Every subcommand is
 * registered in {@link #commandLine}; add new ones there.
 */
@Command(name = "secheaders", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT,
        versionProvider = SecheadersCli.Version.class,
        description = "Security Headers MCP: serve the MCP servers and administer the platform.",
        footer = {"", "Settings: flags, then SECHEADERS_* environment variables, then the --config file, then defaults.",
                "Exit status: 0 done, 1 failed (or unhealthy), 2 bad flag, argument or setting,",
                "3 'compliance run' found a control that passed before and fails now."})
public final class SecheadersCli {

    private static final String SERVE = "serve";

    public static void main(String[] args) {
        PrintStream stdout = System.out;
        // Command output goes through picocli's writer, and the stdio transport writes to the saved stream;
        // a stray System.out.println anywhere else lands on stderr instead of corrupting either.
        System.setOut(System.err);
        // MCP hosts start servers with 'serve': building the other commands' models too cost each start ~0.15 s.
        Predicate<String> wanted = args.length > 0 && args[0].equals(SERVE) ? SERVE::equals : name -> true;
        CommandLine cli = commandLine(CliContext.system(stdout), wanted);
        cli.setOut(new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        System.exit(cli.execute(args));
    }

    /** The whole command tree: the one place subcommands are registered. */
    public static CommandLine commandLine(CliContext context) {
        return commandLine(context, name -> true);
    }

    /** The command tree with the subcommands whose names {@code wanted} accepts. */
    static CommandLine commandLine(CliContext context, Predicate<String> wanted) {
        Map<String, Supplier<CommandLine>> subcommands = new LinkedHashMap<>();
        subcommands.put(SERVE, () -> {
            CommandLine serve = command(new ServeCommand(context));
            serve.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_FOOTER, help -> ServeCommand.installedModules(context));
            return serve;
        });
        subcommands.put("db", () -> command(new DbCommand())
                .addSubcommand(command(new DbMigrateCommand(context)))
                .addSubcommand(command(new DbRollbackCommand(context)))
                .addSubcommand(command(new DbStatusCommand(context))));
        subcommands.put("token", () -> command(new TokenCommand())
                .addSubcommand(command(new TokenCreateCommand(context)))
                .addSubcommand(command(new TokenListCommand(context)))
                .addSubcommand(command(new TokenRevokeCommand(context))));
        subcommands.put("compliance", () -> command(new ComplianceCommand())
                .addSubcommand(command(new ComplianceRunCommand(context)))
                .addSubcommand(command(new ComplianceEventsCommand(context))));
        subcommands.put("demo", () -> command(new DemoCommand(context)));
        subcommands.put("client-config", () -> command(new ClientConfigCommand(context)));
        subcommands.put("cds", () -> command(new CdsCommand()).addSubcommand(command(new CdsCreateCommand(context))));
        subcommands.put("health", () -> command(new HealthCommand(context)));
        CommandLine root = new CommandLine(new SecheadersCli());
        subcommands.forEach((name, subcommand) -> {
            if (wanted.test(name)) {
                root.addSubcommand(subcommand.get());
            }
        });
        CliErrors errors = new CliErrors();
        // These setters reach every subcommand registered above.
        root.setCaseInsensitiveEnumValuesAllowed(true);
        root.setParameterExceptionHandler(errors);
        root.setExecutionExceptionHandler(errors);
        return root;
    }

    /** A subcommand with the setting flags it declares. */
    private static CommandLine command(Object command) {
        CommandLine commandLine = new CommandLine(command);
        if (command instanceof ConfiguredCommand configured) {
            CommandLineFlags.addOptions(commandLine.getCommandSpec(), configured.settings(), configured.settingDefaults());
        }
        return commandLine;
    }

    /** The version the jar's manifest carries. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"secheaders " + Optional.ofNullable(SecheadersCli.class.getPackage().getImplementationVersion())
                    .orElse("(development build)")};
        }
    }
}
