package org.secheaders.platform.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.ComplianceEvent;
import org.secheaders.domain.model.ComplianceFramework;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.repo.PageRequest;
import org.secheaders.domain.repo.TenantScope;
import org.secheaders.platform.config.ConfigKey;
import org.secheaders.platform.config.PlatformConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code secheaders compliance events}: stored non-compliance events, newest first, with their delivery state. */
@Command(name = "events", description = "List non-compliance events (controls that passed before and fail now), newest first.")
final class ComplianceEventsCommand implements Callable<Integer>, ConfiguredCommand {

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Option(names = "--tenant", paramLabel = "SLUG", description = "only this tenant's events")
    Optional<String> tenant;

    @Option(names = "--framework", paramLabel = "FRAMEWORK", description = "only one framework: owasp, soc2, gdpr, iso27001 or nist")
    Optional<ComplianceFramework> framework;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "at most N events (1-1000, default 50)")
    int limit;

    private final CliContext context;

    ComplianceEventsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Set<ConfigKey> settings() {
        return PlatformSettings.DATABASE;
    }

    @Override
    public Integer call() {
        if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
            throw new ParameterException(spec.commandLine(), "--limit must be 1-" + PageRequest.MAX_LIMIT + ", was " + limit);
        }
        PlatformConfig config = PlatformSettings.load(spec, context, this);
        try (Database database = CliDatabase.openMigrated(config, context)) {
            Map<Long, Tenant> tenants = database.tenants().list(TenantScope.platform()).stream()
                    .collect(Collectors.toMap(Tenant::id, Function.identity()));
            TenantScope scope = tenant.<TenantScope>map(slug -> TenantScope.tenant(tenants.values().stream()
                    .filter(t -> t.slug().equals(slug)).findFirst()
                    .orElseThrow(() -> new ParameterException(spec.commandLine(), "--tenant: tenant '" + slug + "' does not exist"))
                    .id())).orElse(TenantScope.platform());
            List<ComplianceEvent> events = database.complianceEvents().list(scope, framework, limit);
            PrintWriter out = spec.commandLine().getOut();
            if (output.json()) {
                JsonOutput.print(out, events.stream().map(event -> ComplianceEventRow.of(event,
                        Optional.ofNullable(tenants.get(event.tenantId())).map(Tenant::slug))).toList());
            } else if (events.isEmpty()) {
                out.println("No non-compliance events" + tenant.map(slug -> " for " + slug).orElse("") + ".");
            } else {
                Table table = Table.of("id", "detected", "tenant", "framework", "control", "severity", "delivery", "attempts",
                        "remediation");
                events.forEach(event -> table.row(event.id(), event.detectedAt(),
                        Optional.ofNullable(tenants.get(event.tenantId())).map(Tenant::slug).orElse("tenant " + event.tenantId()),
                        event.framework().wireName(), event.controlId(), event.severity().wireName(),
                        event.deliveryState().wireName(), event.attempts(), event.remediation()));
                table.print(out);
            }
            out.flush();
            return ExitStatus.OK.code();
        }
    }
}
