package org.secheaders.platform.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.util.EnumSet;
import org.secheaders.platform.admin.ConnectionHints;
import org.secheaders.platform.admin.DemoToken;
import org.secheaders.platform.admin.TokenService;
import org.secheaders.platform.config.TransportKind;
import org.secheaders.platform.server.ServerGroup;
import org.secheaders.platform.server.ServerModules;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.demo.DemoDataSeeder;
import org.secheaders.domain.demo.DemoScenario;
import org.secheaders.domain.demo.DemoTenant;
import org.secheaders.domain.demo.PlantedPattern;
import org.secheaders.domain.demo.SeedOutcome;
import org.secheaders.domain.model.TenantSecurityPolicy;
import org.secheaders.domain.policy.HttpHeader;
import org.secheaders.domain.policy.PlatformPolicy;
import org.secheaders.domain.policy.Resolution;
import org.secheaders.platform.admin.PipelineViolationProcessor;
import org.secheaders.platform.admin.TenantHeaderReport;
import org.secheaders.platform.admin.TenantHeaderReport.TenantHeaders;
import org.secheaders.platform.config.ConfigKey;
import org.secheaders.platform.config.PlatformConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code secheaders demo}. */
@Command(name = "demo", description = {
        "Migrate, seed the demo data, show each tenant's effective headers, then serve.",
        "",
        "Seeds the demo tenants with their policy history, CSP violation reports run",
        "through the real report pipeline, header metrics and incidents, with planted",
        "patterns for the analytics to find (docs/DEMO_DATA.md). Then shows each",
        "tenant's effective headers as the policy engine resolves them, with the",
        "policy decisions and the CSP validator's findings. Works on a fresh machine:",
        "the default database is an H2 file in ./data (--data-dir,",
        "SECHEADERS_DATA_DIR). A database that already holds the demo data is kept as",
        "it is (nothing is reseeded).",
        "",
        "Then serves every installed server over Streamable HTTP on 127.0.0.1",
        "(--port, --port+1, ...), with the CSP report collector, and prints how to",
        "connect: URLs, a demo API token (made once, reused by later runs; its secret",
        "is kept in <data-dir>/demo-token), an MCP Inspector command, client-config",
        "and a curl example. Runs until Ctrl-C. --no-serve seeds, prints and exits."})
final class DemoCommand implements Callable<Integer>, ConfiguredCommand {

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Option(names = "--tenants", paramLabel = "N", description = "demo tenants, 3-6 (default: 3)")
    int tenants = DemoScenario.DEFAULT_TENANT_COUNT;

    @Option(names = "--days", paramLabel = "DAYS", description = "days of history up to now, 8-90 (default: 14)")
    int days = DemoScenario.DEFAULT_DAYS;

    @Option(names = "--violations", paramLabel = "N",
            description = "CSP violations the reports carry, 10000-5000000 (default: 55000)")
    int violations = DemoScenario.DEFAULT_TOTAL_VIOLATIONS;

    @Option(names = "--seed", paramLabel = "SEED", description = "random seed; the same seed gives the same data")
    long seed = DemoScenario.DEFAULT_SEED;

    @Option(names = "--no-serve", description = "seed and print, then exit instead of serving (for scripts)")
    boolean noServe;

    private static final String TENANT_PLACEHOLDER = "<tenant>";

    private final CliContext context;

    DemoCommand(CliContext context) {
        this.context = context;
    }

    /** The JSON document; {@code serving} when the servers run. */
    record Result(String database, String dataDir, SeedResult seeded, List<TenantResult> tenants, String connect,
            Optional<Connection> serving) {
    }

    /**
     * How to reach the running servers.
     *
     * @param collector the CSP report collector URL for a tenant, {@code <tenant>} standing for its slug
     * @param curl      a CSP report for the first demo tenant, posted as a browser would
     */
    record Connection(List<ServedServer> servers, Token token, Optional<String> collector, String clientConfig,
            Optional<String> curl) {
    }

    /** @param inspector the MCP Inspector CLI listing this server's tools */
    record ServedServer(String server, URI url, String description, String inspector) {
    }

    /** The demo token; {@code reused} when an earlier run made it. */
    record Token(String name, String role, String secret, boolean reused, String file) {
    }

    /**
     * What seeding wrote, and the patterns it planted; when the database held the demo data before,
     * only {@code alreadySeeded} (the patterns' times depend on when that seed ran).
     */
    record SeedResult(boolean alreadySeeded, Optional<Counts> counts, List<Planted> planted) {
    }

    /** A planted pattern: its kind ({@code attack_burst}, {@code policy_regression}, {@code rollout_fix}) and what to look for. */
    record Planted(String kind, String tenant, Instant start, String description) {
        static Planted of(PlantedPattern pattern) {
            String kind = pattern.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
            return new Planted(kind, pattern.tenantSlug(), pattern.start(), pattern.description());
        }
    }

    record Counts(int reports, int violationsGenerated, int violationsStored, int metricRows, int policyRevisions,
            int incidents, long seconds) {
    }

    record TenantResult(String slug, String name, String domain, Map<String, String> headers,
            List<String> removedHeaders, List<PolicyRow> policies, List<DecisionRow> decisions, List<FindingRow> cspFindings) {
    }

    record PolicyRow(long id, String name, String type, String mode) {
    }

    record DecisionRow(String policy, String kind, Optional<String> header, Optional<String> directive, String message) {
    }

    record FindingRow(String header, String severity, String type, String directive, Optional<String> value,
            String message, String fix) {
    }

    @Override
    public Set<ConfigKey> settings() {
        Set<ConfigKey> settings = EnumSet.copyOf(PlatformSettings.DATABASE);
        settings.add(ConfigKey.PORT);
        return settings;
    }

    /** Quiet like the other operator commands, and served as the servers' HTTP mode. */
    @Override
    public Map<ConfigKey, String> settingDefaults() {
        return Map.of(ConfigKey.LOG_LEVEL, "warn", ConfigKey.TRANSPORT, TransportKind.HTTP.wireName());
    }

    @Override
    public Integer call() throws Exception {
        DemoScenario scenario = scenario();
        PlatformConfig config = PlatformSettings.load(spec, context, this);
        ServerModules modules = context.modules().get();
        if (!noServe) {
            requireServable(config, modules);
        }
        PrintWriter err = spec.commandLine().getErr();
        List<TenantResult> tenants;
        SeedResult seeded;
        String databaseUrl;
        Optional<DemoToken.Issued> token = Optional.empty();
        try (Database database = CliDatabase.open(config)) {
            CliDatabase.migrate(database, err);
            err.println("Seeding demo data (" + scenario.tenantCount() + " tenants, " + scenario.days() + " days, "
                    + String.format(Locale.ROOT, "%,d", scenario.totalViolations()) + " violations)...");
            err.flush();
            SeedOutcome outcome = new DemoDataSeeder(database, new PipelineViolationProcessor())
                    .seed(scenario, new SeedProgress(err, context.interactive()));
            TenantHeaderReport report = new TenantHeaderReport(database, PlatformPolicy.defaults());
            Instant now = database.clock().instant();
            tenants = outcome.tenants().stream().map(t -> result(report.report(t, now))).toList();
            seeded = seedResult(outcome);
            databaseUrl = database.config().redactedUrl();
            if (!noServe) {
                token = Optional.of(new DemoToken(database, new TokenService(database, Operator.actor()))
                        .ensure(config.dataDir()));
            }
        }
        String dataDir = config.dataDir().toAbsolutePath().normalize().toString();
        String connect = context.invocation() + " client-config";
        if (token.isEmpty()) {
            print(new Result(databaseUrl, dataDir, seeded, tenants, connect, Optional.empty()));
            return ExitStatus.OK.code();
        }
        err.println("Starting " + String.join(", ", modules.ids()) + " over HTTP...");
        err.flush();
        ServerGroup group = ServerGroup.startHttp(modules.all(), config);
        try {
            Token shown = new Token(DemoToken.NAME, DemoToken.ROLE.wireName(), token.get().secret(),
                    token.get().reused(), config.dataDir().resolve(DemoToken.FILE).toAbsolutePath().normalize().toString());
            print(new Result(databaseUrl, dataDir, seeded, tenants, connect,
                    Optional.of(connection(group, shown, tenants.get(0), connect))));
        } catch (RuntimeException e) {
            group.close();
            throw e;
        }
        Serving.untilStopped(group);
        return ExitStatus.OK.code();
    }

    private void requireServable(PlatformConfig config, ServerModules modules) {
        if (modules.isEmpty()) {
            throw new ParameterException(spec.commandLine(), ServeCommand.NO_MODULES + " Or pass --no-serve.");
        }
        if (!config.transport().overHttp()) {
            throw new ParameterException(spec.commandLine(), "demo serves over HTTP, but the transport is set to "
                    + config.transport().wireName() + " (" + ConfigKey.TRANSPORT.spellings() + "); unset it or pass --no-serve");
        }
    }

    private void print(Result result) {
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            JsonOutput.print(out, result);
        } else {
            printSeeded(out, result.database(), result.seeded());
            result.tenants().forEach(tenant -> printTenant(out, tenant));
            result.serving().ifPresentOrElse(connection -> printConnection(out, connection),
                    () -> printNextSteps(out, result.connect()));
        }
        out.flush();
    }

    private static Connection connection(ServerGroup group, Token token, TenantResult firstTenant, String clientConfig) {
        List<ServedServer> servers = group.members().stream()
                .map(m -> new ServedServer(m.module().id(), m.endpoint(), m.module().description(),
                        ConnectionHints.inspector(m.endpoint(), token.secret(), List.of("--method", "tools/list"))))
                .toList();
        // The collector is wherever a server serves the path the policy engine's header sets report to.
        String collectorPath = PlatformPolicy.defaults().reportCollectorPath();
        Optional<URI> collector = group.members().stream()
                .filter(m -> m.server().routes().stream().anyMatch(r -> r.pathSpecs().contains(collectorPath + "/*")))
                .findFirst()
                .map(m -> m.server().baseUri().resolve(collectorPath + "/"));
        return new Connection(servers, token, collector.map(uri -> uri + TENANT_PLACEHOLDER), clientConfig,
                collector.map(uri -> ConnectionHints.curlCspReport(uri.resolve(firstTenant.slug()), firstTenant.domain())));
    }

    private DemoScenario scenario() {
        requireRange("--tenants", tenants, DemoScenario.MIN_TENANT_COUNT, DemoTenant.CATALOGUE.size());
        requireRange("--days", days, DemoScenario.MIN_DAYS, DemoScenario.MAX_DAYS);
        requireRange("--violations", violations, DemoScenario.MIN_TOTAL_VIOLATIONS, DemoScenario.MAX_TOTAL_VIOLATIONS);
        return DemoScenario.defaults(Clock.systemUTC()).withSeed(seed).withTenantCount(tenants).withDays(days)
                .withTotalViolations(violations);
    }

    private void requireRange(String flag, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ParameterException(spec.commandLine(), flag + " " + value + " is not between " + min + " and " + max);
        }
    }

    private static SeedResult seedResult(SeedOutcome outcome) {
        if (outcome instanceof SeedOutcome.Seeded seeded) {
            return new SeedResult(false, Optional.of(new Counts(seeded.reports(), seeded.violationsGenerated(),
                    seeded.violationsStored(), seeded.metricRows(), seeded.policyRevisions(), seeded.incidents(),
                    seeded.elapsed().toSeconds())), seeded.planted().stream().map(Planted::of).toList());
        }
        return new SeedResult(true, Optional.empty(), List.of());
    }

    private static TenantResult result(TenantHeaders report) {
        Map<Long, String> names = report.policies().stream()
                .collect(Collectors.toMap(TenantSecurityPolicy::id, TenantSecurityPolicy::policyName));
        Map<String, String> headers = report.headers().stream()
                .collect(Collectors.toMap(HttpHeader::name, HttpHeader::value, (a, b) -> a, LinkedHashMap::new));
        return new TenantResult(report.tenant().slug(), report.tenant().name(), report.tenant().primaryDomain(), headers,
                report.removedHeaders(),
                report.policies().stream().map(p -> new PolicyRow(p.id(), p.policyName(), p.policyType().wireName(),
                        p.inheritanceMode().wireName())).toList(),
                report.decisions().stream().map(d -> decision(d, names::get)).toList(),
                report.cspFindings().stream().map(f -> new FindingRow(f.header(), wire(f.finding().severity()),
                        wire(f.finding().type()), f.finding().directive(), f.finding().value(), f.finding().message(),
                        f.finding().fix())).toList());
    }

    private static DecisionRow decision(Resolution resolution, Function<Long, String> policyNames) {
        return new DecisionRow(Optional.ofNullable(policyNames.apply(resolution.policyId())).orElse("#" + resolution.policyId()),
                wire(resolution.kind()), resolution.header(), resolution.directive(), resolution.message());
    }

    private static String wire(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static void printTenant(PrintWriter out, TenantResult tenant) {
        out.println();
        out.println("== " + tenant.slug() + ": " + tenant.name() + " (" + tenant.domain() + ")");
        out.println();
        Table headers = Table.of("header", "value");
        tenant.headers().forEach(headers::row);
        headers.print(out);
        out.println("Removed from responses: " + String.join(", ", tenant.removedHeaders()));
        out.println("(" + TenantHeaderReport.NONCE_PLACEHOLDER + " is a fresh random nonce on every response.)");
        out.println();
        out.println("Policy decisions:");
        Table decisions = Table.of("policy", "decision", "header", "directive", "message");
        tenant.decisions().forEach(d -> decisions.row(d.policy(), d.kind().replace('_', ' '), d.header(), d.directive(),
                d.message()));
        decisions.print(out);
        out.println();
        if (tenant.cspFindings().isEmpty()) {
            out.println("CSP findings: none.");
        } else {
            out.println("CSP findings:");
            Table findings = Table.of("header", "severity", "finding", "directive", "value", "message");
            tenant.cspFindings().forEach(f -> findings.row(f.header(), f.severity(), f.type(), f.directive(), f.value(),
                    f.message()));
            findings.print(out);
        }
    }

    private static void printSeeded(PrintWriter out, String database, SeedResult seeded) {
        if (seeded.alreadySeeded()) {
            out.println("The demo data was already in " + database + ": kept as it is, nothing was reseeded "
                    + "(to start over, delete the data directory or use another --data-dir).");
            return;
        }
        Counts counts = seeded.counts().orElseThrow();
        out.println(String.format(Locale.ROOT, "Seeded %s in %d s: %,d report requests carrying %,d violations "
                + "(%,d stored after noise filtering and deduplication), %,d metric rows, %d policy revisions, "
                + "%d incidents.", database, counts.seconds(), counts.reports(), counts.violationsGenerated(),
                counts.violationsStored(), counts.metricRows(), counts.policyRevisions(), counts.incidents()));
        out.println();
        out.println("Planted for the analytics to find:");
        seeded.planted().forEach(pattern -> out.println("  - " + pattern.description()));
    }

    private void printNextSteps(PrintWriter out, String connect) {
        out.println();
        out.println("Next: connect an MCP client. Ready-to-paste configuration for Claude Desktop, Cursor, VS Code");
        out.println("and the MCP Inspector (they start the servers themselves, over stdio):");
        out.println("  " + connect);
        out.println("or for one client (claude-desktop, cursor, vscode, inspector):");
        out.println("  " + connect + " --client claude-desktop");
        out.println("Or run '" + context.invocation() + " demo' without --no-serve to serve over HTTP.");
    }

    private static void printConnection(PrintWriter out, Connection connection) {
        out.println();
        out.println("== Serving over Streamable HTTP until Ctrl-C");
        out.println();
        Table servers = Table.of("server", "url", "description");
        connection.servers().forEach(s -> servers.row(s.server(), s.url(), s.description()));
        servers.print(out);
        out.println();
        Token token = connection.token();
        String label = "%-11s%s%n";
        out.printf(label, "Token", token.secret() + "   (" + token.name() + ", role " + token.role() + "; "
                + (token.reused() ? "reused from " : "new, kept in ") + token.file() + ")");
        out.printf(label, "Header", "Authorization: Bearer " + token.secret());
        connection.collector().ifPresent(url -> out.printf(label, "Collector",
                url + "   (CSP reports from browsers: no token; " + TENANT_PLACEHOLDER + " = a tenant slug above)"));
        out.println();
        out.println("List a server's tools with the MCP Inspector CLI (Node.js; --method tools/call --tool-name NAME");
        out.println("--tool-arg key=value instead calls one):");
        connection.servers().forEach(server -> out.println("  " + server.inspector()));
        out.println("Ready-to-paste client configuration (Claude Desktop, Cursor, VS Code, Inspector; stdio):");
        out.println("  " + connection.clientConfig());
        connection.curl().ifPresent(curl -> {
            out.println("Send a CSP violation report as a browser would (204; analyze_security_metrics sees it within a second):");
            out.println("  " + curl);
        });
        out.println();
        out.println("Stop with Ctrl-C.");
    }
}
