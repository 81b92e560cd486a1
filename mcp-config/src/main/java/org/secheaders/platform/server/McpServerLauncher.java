package org.secheaders.platform.server;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import org.secheaders.platform.config.CommandLineFlags;
import org.secheaders.platform.config.ConfigException;
import org.secheaders.platform.config.PlatformConfig;
import org.secheaders.platform.config.PlatformConfigLoader;
import org.secheaders.platform.config.TransportKind;
import org.secheaders.platform.observability.LoggingSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code main} of every MCP server module:
 * <pre>{@code
 * public static void main(String[] args) {
 *     McpServerLauncher.launch("mcp-compliance-checker", args, config -> ServerDefinition.builder(...)...build());
 * }
 * }</pre>
 * Loads the configuration, then serves stdio until the input ends, or HTTP until the process is
 * stopped. Exit status: 0 done, 1 failed, 2 bad configuration.
 */
public final class McpServerLauncher {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_BAD_CONFIG = 2;

    private McpServerLauncher() {
    }

    /** Runs the server and exits the JVM with its status. */
    public static void launch(String commandName, String[] args, ServerFactory factory) {
        PrintStream protocolOut = System.out;
        // From here on a stray System.out.println anywhere lands on stderr instead of corrupting the protocol.
        System.setOut(System.err);
        System.exit(run(commandName, args, System.getenv(), factory, System.in, protocolOut));
    }

    /** Runs the server and returns its exit status; blocks while it serves. */
    public static int run(String commandName, String[] args, Map<String, String> env, ServerFactory factory,
            InputStream stdin, PrintStream protocolOut) {
        PlatformConfig config;
        try {
            CommandLineFlags.Parsed flags = CommandLineFlags.parse(args);
            if (flags.helpRequested()) {
                CommandLineFlags.printUsage(commandName, System.err);
                return EXIT_OK;
            }
            config = PlatformConfigLoader.load(flags, env);
        } catch (ConfigException e) {
            // Before logging is configured, and meant for the person at the terminal.
            System.err.println(commandName + ": " + e.getMessage());
            return EXIT_BAD_CONFIG;
        }
        LoggingSetup.apply(config.logLevel(), config.logFile());
        Logger log = LoggerFactory.getLogger(McpServerLauncher.class);
        log.info("starting {} with {}", commandName, config);
        ServerRuntime.warmUp();
        try {
            ServerDefinition definition = factory.create(config);
            if (config.transport() == TransportKind.STDIO) {
                ServerRuntime.runStdio(definition, config, stdin, protocolOut);
            } else {
                serveHttpUntilStopped(definition, config);
            }
            return EXIT_OK;
        } catch (ConfigException e) {
            log.error("{}: {}", commandName, e.getMessage());
            return EXIT_BAD_CONFIG;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EXIT_FAILED;
        } catch (Exception e) {
            log.error("{} failed", commandName, e);
            return EXIT_FAILED;
        }
    }

    private static void serveHttpUntilStopped(ServerDefinition definition, PlatformConfig config) throws Exception {
        RunningServer server = ServerRuntime.startHttp(definition, config);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "mcp-shutdown"));
        server.awaitShutdown();
    }
}
