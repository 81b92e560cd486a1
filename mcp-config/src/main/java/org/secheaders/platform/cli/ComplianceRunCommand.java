package org.secheaders.platform.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.secheaders.domain.compliance.run.ComplianceCheckService;
import org.secheaders.domain.compliance.schedule.DueChecks;
import org.secheaders.domain.compliance.schedule.DueFilter;
import org.secheaders.domain.compliance.schedule.DueRun;
import org.secheaders.domain.compliance.schedule.EventDelivery;
import org.secheaders.domain.compliance.schedule.FrameworkOutcome;
import org.secheaders.domain.compliance.schedule.WebhookNotifier;
import org.secheaders.domain.db.Database;
import org.secheaders.platform.config.ComplianceSettings;
import org.secheaders.platform.config.ConfigKey;
import org.secheaders.platform.config.PlatformConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code secheaders compliance run --due}: the scheduler's work once, for cron. */
@Command(name = "run", description = {
        "Run the compliance checks that are due (never checked, or past their next check) and post new "
                + "non-compliance events to the configured webhook, as the compliance-checker server's scheduler does.",
        "Exit status 3 when a control that passed before fails now; 1 when a check could not run."})
final class ComplianceRunCommand implements Callable<Integer>, ConfiguredCommand {

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Mixin
    ComplianceOptions filter;

    @Option(names = "--due", required = true, description = "run what is due now (required: checks out of schedule are the MCP tools' job)")
    boolean due;

    private final CliContext context;

    ComplianceRunCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Set<ConfigKey> settings() {
        Set<ConfigKey> keys = EnumSet.copyOf(PlatformSettings.DATABASE);
        keys.addAll(List.of(ConfigKey.COMPLIANCE_SCHEDULER_TARGET, ConfigKey.COMPLIANCE_WEBHOOK_URL,
                ConfigKey.COMPLIANCE_WEBHOOK_SECRET, ConfigKey.COMPLIANCE_SCANNER_PRIVATE_ADDRESSES));
        return keys;
    }

    @Override
    public Integer call() {
        PlatformConfig config = PlatformSettings.load(spec, context, this);
        ComplianceSettings compliance = config.compliance();
        Clock clock = Clock.systemUTC();
        try (Database database = CliDatabase.openMigrated(config, context)) {
            EventDelivery delivery = new EventDelivery(database.complianceEvents(), database.tenants(),
                    compliance.webhook().map(webhook -> new WebhookNotifier(webhook, clock)), clock);
            DueChecks dueChecks = new DueChecks(database, ComplianceCheckService.create(database, clock,
                    compliance.privateAddresses().targetPolicy()), delivery,
                    compliance.target(), Operator.actor(), "cli:" + ManagementFactory.getRuntimeMXBean().getName(), clock);
            PrintWriter err = spec.commandLine().getErr();
            DueRun run;
            try {
                run = dueChecks.run(new DueFilter(filter.tenant, filter.frameworkSet()), (index, total, slug) -> {
                    err.println("Checking " + slug + " (" + index + "/" + total + ")...");
                    err.flush();
                });
            } catch (IllegalArgumentException e) {
                if (filter.tenant.isPresent()) {
                    throw new ParameterException(spec.commandLine(), "--tenant: " + e.getMessage());
                }
                throw e;
            }
            print(run, delivery.configured());
            return run.regressions() > 0 ? ExitStatus.REGRESSED.code()
                    : run.failures() > 0 ? ExitStatus.FAILED.code() : ExitStatus.OK.code();
        }
    }

    /** One due check in JSON output. */
    record CheckRow(String tenant, String framework, Optional<String> status, Optional<Integer> score, int regressions,
            Optional<Instant> nextCheckAt, Optional<String> error) {
        static CheckRow of(FrameworkOutcome outcome) {
            return new CheckRow(outcome.tenant(), outcome.framework().wireName(),
                    outcome.status().map(status -> status.wireName()), outcome.score(), outcome.regressions(),
                    outcome.nextCheckAt(), outcome.error());
        }
    }

    record RunDocument(List<CheckRow> checks, int regressions, long failed, List<ComplianceEventRow> events,
            int delivered, int deliveryFailures, boolean webhookConfigured) {
    }

    private void print(DueRun run, boolean webhook) {
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            JsonOutput.print(out, new RunDocument(run.outcomes().stream().map(CheckRow::of).toList(), run.regressions(),
                    run.failures(), run.events().stream().map(event -> ComplianceEventRow.of(event, Optional.empty())).toList(),
                    run.delivery().delivered(), run.delivery().failed(), webhook));
            return;
        }
        if (run.outcomes().isEmpty()) {
            out.println("Nothing is due.");
        } else {
            Table table = Table.of("tenant", "framework", "status", "score", "regressions", "next check", "error");
            run.outcomes().forEach(o -> table.row(o.tenant(), o.framework().wireName(),
                    o.status().map(status -> status.wireName()), o.score(), o.regressions(), o.nextCheckAt(), o.error()));
            table.print(out);
            out.println();
            out.println(run.outcomes().size() + " checks, " + run.failures() + " failed, " + run.regressions()
                    + " regressions (controls that passed before and fail now).");
        }
        if (webhook) {
            out.println("Webhook: " + run.delivery().delivered() + " events delivered, " + run.delivery().failed()
                    + " failed (retried by the next run).");
        } else if (run.regressions() > 0) {
            out.println("No webhook is configured (" + ConfigKey.COMPLIANCE_WEBHOOK_URL.spellings()
                    + "); the events are stored: '" + context.invocation() + " compliance events'.");
        }
        out.flush();
    }
}
