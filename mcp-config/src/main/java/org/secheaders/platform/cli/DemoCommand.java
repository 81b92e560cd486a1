package org.secheaders.platform.cli;

import java.io.PrintWriter;
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
        "Migrate, seed the demo data and show each tenant's effective headers.",
        "",
        "Seeds the demo tenants with their policy history, CSP violation reports run",
        "through the real report pipeline, header metrics and incidents, with planted",
        "patterns for the analytics to find (docs/DEMO_DATA.md). Then shows each",
        "tenant's effective headers as the policy engine resolves them, with the",
        "policy decisions and the CSP validator's findings. Works on a fresh machine:",
        "the default database is an H2 file in ./data (--data-dir,",
        "SECHEADERS_DATA_DIR). A database that already holds the demo data is left as",
        "it is."})
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

    private final CliContext context;

    DemoCommand(CliContext context) {
        this.context = context;
    }

    /** The JSON document. */
    record Result(String database, String dataDir, SeedResult seeded, List<TenantResult> tenants, String connect) {
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
        return PlatformSettings.DATABASE;
    }

    @Override
    public Integer call() {
        DemoScenario scenario = scenario();
        PlatformConfig config = PlatformSettings.load(spec, context, this);
        PrintWriter err = spec.commandLine().getErr();
        try (Database database = CliDatabase.open(config)) {
            CliDatabase.migrate(database, err);
            err.println("Seeding demo data (" + scenario.tenantCount() + " tenants, " + scenario.days() + " days, "
                    + String.format(Locale.ROOT, "%,d", scenario.totalViolations()) + " violations)...");
            err.flush();
            SeedOutcome outcome = new DemoDataSeeder(database, new PipelineViolationProcessor())
                    .seed(scenario, new SeedProgress(err, context.interactive()));
            TenantHeaderReport report = new TenantHeaderReport(database, PlatformPolicy.defaults());
            Instant now = database.clock().instant();
            List<TenantResult> tenants = outcome.tenants().stream().map(t -> result(report.report(t, now))).toList();
            SeedResult seeded = seedResult(outcome);
            String connect = context.invocation() + " client-config";
            PrintWriter out = spec.commandLine().getOut();
            if (output.json()) {
                JsonOutput.print(out, new Result(database.config().redactedUrl(),
                        config.dataDir().toAbsolutePath().normalize().toString(), seeded, tenants, connect));
            } else {
                printSeeded(out, database.config().redactedUrl(), seeded);
                tenants.forEach(tenant -> printTenant(out, tenant));
                printNextSteps(out, connect);
            }
            out.flush();
            return ExitStatus.OK.code();
        }
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
            out.println("The demo data was already in " + database + "; nothing was written.");
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

    private static void printNextSteps(PrintWriter out, String connect) {
        out.println();
        out.println("Next: connect an MCP client. Ready-to-paste configuration for Claude Desktop, Cursor, VS Code");
        out.println("and the MCP Inspector:");
        out.println("  " + connect);
        out.println("or for one client (claude-desktop, cursor, vscode, inspector):");
        out.println("  " + connect + " --client claude-desktop");
    }
}
