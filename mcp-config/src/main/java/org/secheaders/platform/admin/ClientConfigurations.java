package org.secheaders.platform.admin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.secheaders.domain.db.DatabaseConfig;
import org.secheaders.platform.config.ConfigKey;
import org.secheaders.platform.config.PlatformConfig;
import org.secheaders.platform.config.TransportKind;
import org.secheaders.platform.server.McpServerModule;

/**
 * Ready-to-paste MCP client configuration for the installed server modules: stdio launch entries
 * with absolute paths (java, the jar, the data directory, the class-data archive when there is one) and
 * {@link #LATER_C2}, and MCP Inspector command lines for stdio and for HTTP with a bearer token.
 */
public final class ClientConfigurations {

    /** Pinned, so pasted command lines keep working the same way. */
    public static final String INSPECTOR = "@modelcontextprotocol/inspector@2.12.0";
    /** Where the HTTP command lines expect the bearer token; not a SECHEADERS_* name, which the servers would reject. */
    public static final String TOKEN_VARIABLE = "MCP_TOKEN";
    private static final String ENTRY_PREFIX = "secheaders-";
    /**
     * C2 (the optimising compiler) starts 5-8 times later than by default. Its thread spent ~1 s of CPU
     * before the first tools/list answer, on 2 cores competing with start-up itself; code that stays hot,
     * such as long calls, still reaches C2, after more invocations or loop turns.
     * C1 only ({@code -XX:TieredStopAtLevel=1}) would save more but never reaches C2 (BENCHMARKS.md, "Cold start").
     */
    public static final List<String> LATER_C2 = List.of("-XX:Tier4InvocationThreshold=40000",
            "-XX:Tier4MinInvocationThreshold=10000", "-XX:Tier4CompileThreshold=50000", "-XX:Tier4BackEdgeThreshold=200000");

    private final List<McpServerModule> servers;
    private final ServerJar jar;
    private final Path java;
    private final PlatformConfig config;

    /**
     * @param java the java executable clients should start (absolute: MCP hosts often run with a minimal PATH)
     */
    public ClientConfigurations(List<McpServerModule> servers, ServerJar jar, Path java, PlatformConfig config) {
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("no server modules to configure");
        }
        this.servers = List.copyOf(servers);
        this.jar = jar;
        this.java = java.toAbsolutePath().normalize();
        this.config = config;
    }

    /** How a client starts one server over stdio. */
    public record Launch(String name, String command, List<String> args, Map<String, String> env) {
    }

    /** One per server, reading the server's class-data archive when a usable one exists. */
    public List<Launch> launches() {
        return servers.stream().map(server -> {
            ClassDataArchive archive = archive(server);
            return launch(server, archive.usable() ? archive.useOptions() : List.of());
        }).toList();
    }

    /** The servers whose class-data archive is missing or older than the jar: their launches go without one. */
    public List<ClassDataArchive> archivesToCreate() {
        return servers.stream().map(this::archive).filter(archive -> !archive.usable()).toList();
    }

    /** Where the server's class-data archive belongs. */
    public ClassDataArchive archive(McpServerModule server) {
        return ClassDataArchive.of(jar, server.id());
    }

    /**
     * The launch of a training run for {@code server}: no archive to read, the classes it loads written to
     * {@code file}, and the database password too, as the run is a child of this process and prints nothing.
     */
    Launch trainingLaunch(McpServerModule server, Path file) {
        Launch launch = launch(server, ClassDataArchive.createOptions(file));
        if (!omitsPassword()) {
            return launch;
        }
        Map<String, String> env = new LinkedHashMap<>(launch.env());
        env.put(ConfigKey.DB_PASSWORD.envVar(), config.database().password());
        return new Launch(launch.name(), launch.command(), launch.args(), Map.copyOf(env));
    }

    private Launch launch(McpServerModule server, List<String> jvmOptions) {
        List<String> args = new ArrayList<>(jvmOptions);
        args.addAll(LATER_C2);
        args.addAll(jar.stdioArgs(server.id()));
        return new Launch(ENTRY_PREFIX + server.id(), java.toString(), List.copyOf(args), environment());
    }

    public List<McpServerModule> servers() {
        return servers;
    }

    /** The document for {@code client}; for the Inspector, its command lines by transport. */
    public Map<String, Object> forClient(McpClientKind client) {
        Map<String, Object> document = new LinkedHashMap<>();
        switch (client) {
            case CLAUDE_DESKTOP, CURSOR -> document.put("mcpServers", entries(false));
            case VSCODE -> document.put("servers", entries(true));
            case INSPECTOR -> {
                document.put("stdio", inspectorStdio());
                document.put("http", inspectorHttp());
            }
        }
        return document;
    }

    /** {@code npx … --cli <java> -jar … --method tools/list}, one per server. */
    public List<String> inspectorStdio() {
        List<String> lines = new ArrayList<>();
        for (Launch launch : launches()) {
            List<String> words = new ArrayList<>(List.of("npx", "-y", INSPECTOR, "--cli"));
            launch.env().forEach((name, value) -> words.addAll(List.of("-e", name + "=" + value)));
            words.add(launch.command());
            words.addAll(launch.args());
            words.addAll(List.of("--method", "tools/list"));
            lines.add(ShellQuote.join(words));
        }
        return lines;
    }

    /**
     * {@code npx … --cli http://host:port/mcp --header "Authorization: Bearer $MCP_TOKEN" …}, one per
     * server, at the ports {@link #httpServeCommand()} gives them.
     */
    public List<String> inspectorHttp() {
        TransportKind transport = config.transport().overHttp() ? config.transport() : TransportKind.HTTP;
        String host = localHost(config.bind());
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            String url = "http://" + host + ":" + (config.port() + i) + transport.clientPath();
            lines.add(ShellQuote.join(List.of("npx", "-y", INSPECTOR, "--cli", url))
                    + " --header \"Authorization: Bearer $" + TOKEN_VARIABLE + "\" --method tools/list");
        }
        return lines;
    }

    /** How to start the servers for {@link #inspectorHttp()}. */
    public String httpServeCommand() {
        List<String> words = new ArrayList<>(List.of(java.toString(), "-jar", jar.path().toString()));
        if (jar instanceof ServerJar.AllInOne) {
            words.add("serve");
            words.addAll(servers.stream().map(McpServerModule::id).toList());
        }
        TransportKind transport = config.transport().overHttp() ? config.transport() : TransportKind.HTTP;
        words.addAll(List.of(ConfigKey.TRANSPORT.flag(), transport.wireName(), ConfigKey.PORT.flag(),
                Integer.toString(config.port())));
        return ShellQuote.join(words);
    }

    private Map<String, Object> entries(boolean typed) {
        Map<String, Object> entries = new LinkedHashMap<>();
        for (Launch launch : launches()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            if (typed) {
                entry.put("type", "stdio");
            }
            entry.put("command", launch.command());
            entry.put("args", launch.args());
            entry.put("env", launch.env());
            entries.put(launch.name(), entry);
        }
        return entries;
    }

    /**
     * What the servers need to find the same database as this command: the absolute data directory,
     * and the URL and user when they are not the default H2 file. Never the password.
     */
    private Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        Path dataDir = config.dataDir().toAbsolutePath().normalize();
        env.put(ConfigKey.DATA_DIR.envVar(), dataDir.toString());
        if (!config.database().url().equals(DatabaseConfig.h2(dataDir).url())) {
            env.put(ConfigKey.DB_URL.envVar(), config.database().url());
            if (!config.database().user().isBlank()) {
                env.put(ConfigKey.DB_USER.envVar(), config.database().user());
            }
        }
        env.put(ConfigKey.IDENTITY_ROLE.envVar(), config.localIdentity().role().wireName());
        config.localIdentity().tenantId().ifPresent(tenant -> env.put(ConfigKey.IDENTITY_TENANT.envVar(), tenant.toString()));
        return env;
    }

    private static String localHost(String bind) {
        if (bind.equals("0.0.0.0") || bind.equals("::")) {
            return "127.0.0.1";
        }
        return bind.contains(":") ? "[" + bind + "]" : bind;
    }

    /** Whether the settings include a database password, which the generated configuration leaves out. */
    public boolean omitsPassword() {
        return !config.database().password().isEmpty();
    }
}
