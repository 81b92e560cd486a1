package org.secheaders.benchmarks.tools;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.secheaders.analytics.AnalyticsServer;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.demo.DemoDataSeeder;
import org.secheaders.domain.demo.DemoScenario;
import org.secheaders.domain.demo.DemoTenant;
import org.secheaders.domain.demo.ProgressListener;
import org.secheaders.domain.demo.SeedOutcome;
import org.secheaders.domain.demo.SeedPhase;
import org.secheaders.domain.model.AuditLogEntry;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.repo.AuditQuery;
import org.secheaders.domain.repo.GroupCount;
import org.secheaders.domain.repo.PageRequest;
import org.secheaders.domain.repo.TenantScope;
import org.secheaders.domain.repo.ViolationGrouping;
import org.secheaders.domain.repo.ViolationQuery;
import org.secheaders.platform.admin.PipelineViolationProcessor;
import org.secheaders.platform.config.PlatformConfig;
import org.secheaders.platform.config.PlatformConfigLoader;
import org.secheaders.platform.data.ServerDatabase;
import org.secheaders.platform.observability.LoggingSetup;
import org.secheaders.platform.server.RunningServer;
import org.secheaders.platform.server.ServerDefinition;
import org.secheaders.platform.server.ServerRuntime;

/**
 * Load generator for the analytics tools: seeds the demo data set scaled up (default 1,000,000
 * violations, 6 tenants, 14 days) through the real report pipeline and batched inserts, starts the
 * security-analytics server on Streamable HTTP over loopback (real Jetty, bearer token, the platform's
 * authorization), and calls each of the five tools with the SDK's client, round-robin, recording
 * every call's latency as the client sees it in an HdrHistogram. Prints one aligned row per tool
 * against the specification's targets. Progress goes to stderr, the table to stdout.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.secheaders.benchmarks.tools.ToolLatencyBenchmark --db h2</pre>
 */
public final class ToolLatencyBenchmark {

    private static final Duration CLIENT_TIMEOUT = Duration.ofMinutes(2);
    private static final int SAMPLED_VALUES = 8;

    private ToolLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(BenchmarkOptions.USAGE);
            System.exit(2);
            return;
        }
        System.exit(run(options, System.out, System.err));
    }

    static int run(BenchmarkOptions options, PrintStream out, PrintStream err) throws Exception {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        String token = HexFormat.of().formatHex(secret);
        PlatformConfig config = PlatformConfigLoader.load(options.serverFlags(token).toArray(String[]::new), System.getenv());
        LoggingSetup.apply(config.logLevel(), config.logFile());
        ServerDatabase serverDatabase = ServerDatabase.open(config);
        Database database = serverDatabase.database();
        DemoScenario scenario = seed(database, options, err);
        List<TenantSample> tenants = sample(database, scenario);
        long rows = database.violations().count(TenantScope.platform(), ViolationQuery.all());
        err.printf(Locale.ROOT, "%s holds %,d violations of %d tenants, %s to %s%n", database.config().redactedUrl(), rows,
                tenants.size(), scenario.start(), scenario.end());

        RunningServer server = ServerRuntime.startHttp(AnalyticsServer.definition(
                serverDatabase.attachTo(ServerDefinition.builder(AnalyticsServer.NAME, AnalyticsServer.VERSION)),
                database, Clock.systemUTC()), config);
        try (McpSyncClient client = connect(server, token)) {
            ArgumentMix mix = new ArgumentMix(options.seed(), tenants, scenario.end(), scenario.attackBurst());
            err.printf(Locale.ROOT, "warming up: %d calls per tool...%n", options.warmup());
            callRoundRobin(client, mix, options.warmup(), new ToolLatencies(), err, Optional.empty());
            err.printf(Locale.ROOT, "measuring: %d calls per tool, round-robin, one client...%n", options.calls());
            ToolLatencies latencies = new ToolLatencies();
            try (PrintWriter callsLog = options.callsLog().isPresent()
                    ? new PrintWriter(Files.newBufferedWriter(options.callsLog().get())) : null) {
                callRoundRobin(client, mix, options.calls(), latencies, err, Optional.ofNullable(callsLog));
            }
            out.printf(Locale.ROOT, "tools/call latency, %s, %,d violations, %d tenants, Streamable HTTP on loopback, "
                    + "one sequential SDK client, %d measured calls per tool after %d warm-up calls%n",
                    options.db().wireName(), rows, tenants.size(), options.calls(), options.warmup());
            latencies.print(out);
            out.flush();
            return latencies.totalErrors() == 0 ? 0 : 1;
        } finally {
            server.close();
        }
    }

    /** Seeds the scaled-up demo data set, or finds the one a previous run left. */
    private static DemoScenario seed(Database database, BenchmarkOptions options, PrintStream err) {
        DemoScenario wanted = DemoScenario.defaults(Clock.systemUTC()).withTenantCount(options.tenants())
                .withTotalViolations(options.violations());
        err.printf(Locale.ROOT, "seeding %s: %,d violations over %d tenants and %d days (a database with the demo data "
                + "is reused)%n", database.config().redactedUrl(), wanted.totalViolations(), wanted.tenantCount(),
                wanted.days());
        SeedOutcome outcome = new DemoDataSeeder(database, new PipelineViolationProcessor())
                .seed(wanted, new StderrProgress(err));
        if (outcome instanceof SeedOutcome.Seeded seeded) {
            err.printf(Locale.ROOT, "seeded %,d violations in %d s%n", seeded.violationsStored(), seeded.elapsed().toSeconds());
            return wanted;
        }
        return previousScenario(database, options, err);
    }

    /** The scenario of an earlier seed, from its completion marker in the audit log (its end fixes every time). */
    private static DemoScenario previousScenario(Database database, BenchmarkOptions options, PrintStream err) {
        AuditLogEntry marker = database.auditLog().query(TenantScope.platform(),
                AuditQuery.all().withAction(DemoDataSeeder.SEED_ACTION), PageRequest.first(1)).items().get(0);
        Instant end = Instant.parse(String.valueOf(marker.details().get("end")));
        int days = ((Number) marker.details().get("days")).intValue();
        int violations = ((Number) marker.details().get("violations_generated")).intValue();
        err.printf(Locale.ROOT, "reusing the demo data seeded up to %s (%,d violations generated)%n", end, violations);
        return DemoScenario.defaults(Clock.fixed(end, ZoneOffset.UTC)).withSeed(Long.parseLong(marker.targetId()))
                .withTenantCount(options.tenants()).withDays(days).withTotalViolations(violations);
    }

    private static List<TenantSample> sample(Database database, DemoScenario scenario) {
        List<TenantSample> samples = new ArrayList<>();
        ViolationQuery all = ViolationQuery.all().between(scenario.start(), scenario.end());
        for (DemoTenant demo : scenario.tenants()) {
            Tenant tenant = database.tenants().findBySlug(TenantScope.platform(), demo.slug()).orElseThrow();
            TenantScope scope = TenantScope.tenant(tenant.id());
            samples.add(new TenantSample(tenant.slug(), tenant.primaryDomain(),
                    keys(database.violations().countBy(scope, all, ViolationGrouping.DIRECTIVE, SAMPLED_VALUES)),
                    keys(database.violations().countBy(scope, all, ViolationGrouping.BLOCKED_HOST, SAMPLED_VALUES))));
        }
        return samples;
    }

    private static List<String> keys(List<GroupCount> counts) {
        return counts.stream().map(GroupCount::key).toList();
    }

    private static McpSyncClient connect(RunningServer server, String token) {
        McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(server.baseUri().toString())
                        .endpoint("/mcp")
                        .addHttpRequestCustomizer((builder, method, uri, body, context) ->
                                builder.header("Authorization", "Bearer " + token))
                        .build())
                .requestTimeout(CLIENT_TIMEOUT)
                .initializationTimeout(CLIENT_TIMEOUT)
                .build();
        client.initialize();
        return client;
    }

    /** Round-robin over the tools, so drift in machine load touches every tool alike. */
    private static void callRoundRobin(McpSyncClient client, ArgumentMix mix, int rounds, ToolLatencies latencies,
            PrintStream err, Optional<PrintWriter> callsLog) {
        int reportEvery = Math.max(1, rounds / 4);
        for (int round = 1; round <= rounds; round++) {
            for (AnalyticsToolTarget tool : AnalyticsToolTarget.values()) {
                Map<String, Object> arguments = mix.next(tool);
                McpSchema.CallToolRequest request = McpSchema.CallToolRequest.builder(tool.toolName())
                        .arguments(arguments).build();
                long started = System.nanoTime();
                CallToolResult result = client.callTool(request);
                long took = System.nanoTime() - started;
                boolean error = Boolean.TRUE.equals(result.isError());
                if (error) {
                    err.println("  " + tool.toolName() + " " + arguments + " failed: " + text(result));
                }
                latencies.record(tool, took, error);
                callsLog.ifPresent(log -> log.printf(Locale.ROOT, "%s\t%.1f\t%s\t%s%n", tool.toolName(), took / 1e6,
                        error ? "error" : "ok", arguments));
            }
            if (round % reportEvery == 0) {
                err.printf(Locale.ROOT, "  %,d/%,d rounds%n", round, rounds);
            }
        }
    }

    private static String text(CallToolResult result) {
        return result.content().stream().filter(McpSchema.TextContent.class::isInstance)
                .map(content -> ((McpSchema.TextContent) content).text()).findFirst().orElse("");
    }

    /** Seeding progress on stderr, a line per tenth of each phase. */
    private static final class StderrProgress implements ProgressListener {
        private final PrintStream err;
        private SeedPhase phase;
        private long shown;

        StderrProgress(PrintStream err) {
            this.err = err;
        }

        @Override
        public void onProgress(SeedPhase current, long done, long total) {
            if (current != phase) {
                phase = current;
                shown = 0;
            }
            long tenth = total == 0 ? 10 : done * 10 / total;
            if (tenth > shown) {
                shown = tenth;
                err.printf(Locale.ROOT, "  %-10s %,d/%,d%n", current.name().toLowerCase(Locale.ROOT), done, total);
            }
        }
    }
}
