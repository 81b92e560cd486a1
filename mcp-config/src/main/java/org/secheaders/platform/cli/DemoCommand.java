package org.secheaders.platform.cli;

import java.io.PrintWriter;
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
import org.secheaders.domain.model.TenantSecurityPolicy;
import org.secheaders.domain.policy.HttpHeader;
import org.secheaders.domain.policy.PlatformPolicy;
import org.secheaders.domain.policy.Resolution;
import org.secheaders.platform.admin.DemoData;
import org.secheaders.platform.admin.TenantHeaderReport;
import org.secheaders.platform.admin.TenantHeaderReport.TenantHeaders;
import org.secheaders.platform.config.ConfigKey;
import org.secheaders.platform.config.PlatformConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code secheaders demo}. */
@Command(name = "demo", description = {
        "Migrate, seed two demo tenants and show their effective headers.",
        "",
        "The tenants get realistic policies; their headers are resolved by the policy",
        "engine and shown with the policy decisions and the CSP validator's findings.",
        "Works on a fresh machine: the default database is an H2 file in ./data",
        "(--data-dir, SECHEADERS_DATA_DIR). Running it again leaves existing demo",
        "tenants unchanged."})
final class DemoCommand implements Callable<Integer>, ConfiguredCommand {

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    private final CliContext context;

    DemoCommand(CliContext context) {
        this.context = context;
    }

    /** The JSON document. */
    record Result(String database, String dataDir, List<TenantResult> tenants, String connect) {
    }

    record TenantResult(String slug, String name, String domain, boolean created, Map<String, String> headers,
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
        PlatformConfig config = PlatformSettings.load(spec, context, this);
        PrintWriter err = spec.commandLine().getErr();
        try (Database database = CliDatabase.open(config)) {
            CliDatabase.migrate(database, err);
            err.println("Seeding demo data...");
            err.flush();
            List<DemoData.Seeded> seeded = new DemoData(database, Operator.actor()).seed(line -> {
                err.println("  " + line);
                err.flush();
            });
            TenantHeaderReport report = new TenantHeaderReport(database, PlatformPolicy.defaults());
            Instant now = database.clock().instant();
            List<TenantResult> tenants = seeded.stream()
                    .map(s -> result(report.report(s.tenant(), now), s.created()))
                    .toList();
            String connect = context.invocation() + " client-config";
            PrintWriter out = spec.commandLine().getOut();
            if (output.json()) {
                JsonOutput.print(out, new Result(database.config().redactedUrl(), config.dataDir().toAbsolutePath().normalize().toString(),
                        tenants, connect));
            } else {
                out.println("Demo data in " + database.config().redactedUrl());
                tenants.forEach(tenant -> printTenant(out, tenant));
                printNextSteps(out, connect);
            }
            out.flush();
            return ExitStatus.OK.code();
        }
    }

    private static TenantResult result(TenantHeaders report, boolean created) {
        Map<Long, String> names = report.policies().stream()
                .collect(Collectors.toMap(TenantSecurityPolicy::id, TenantSecurityPolicy::policyName));
        Map<String, String> headers = report.headers().stream()
                .collect(Collectors.toMap(HttpHeader::name, HttpHeader::value, (a, b) -> a, LinkedHashMap::new));
        return new TenantResult(report.tenant().slug(), report.tenant().name(), report.tenant().primaryDomain(), created,
                headers, report.removedHeaders(),
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
        out.println("== " + tenant.slug() + ": " + tenant.name() + " (" + tenant.domain() + ")"
                + (tenant.created() ? "" : ", seeded earlier"));
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

    private static void printNextSteps(PrintWriter out, String connect) {
        out.println();
        out.println("Next: connect an MCP client. Ready-to-paste configuration for Claude Desktop, Cursor, VS Code");
        out.println("and the MCP Inspector:");
        out.println("  " + connect);
        out.println("or for one client (claude-desktop, cursor, vscode, inspector):");
        out.println("  " + connect + " --client claude-desktop");
    }
}
