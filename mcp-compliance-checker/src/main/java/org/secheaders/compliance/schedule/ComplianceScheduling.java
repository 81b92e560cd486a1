package org.secheaders.compliance.schedule;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.Optional;
import org.secheaders.domain.compliance.run.TenantComplianceChecker;
import org.secheaders.domain.compliance.schedule.DueChecks;
import org.secheaders.domain.compliance.schedule.EventDelivery;
import org.secheaders.domain.compliance.schedule.WebhookNotifier;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.Actor;
import org.secheaders.domain.model.Role;
import org.secheaders.platform.config.ComplianceSettings;
import org.secheaders.platform.server.ServerDefinition;
import org.slf4j.LoggerFactory;

/** Starts the scheduler with the server when {@code compliance.scheduler.enabled}, and stops it on shutdown. */
public final class ComplianceScheduling {

    /** Who the audit log records for scheduled checks. */
    public static final Actor SCHEDULER = Actor.of("compliance-scheduler", Role.SUPERADMIN);

    private ComplianceScheduling() {
    }

    public static DueChecks dueChecks(Database database, TenantComplianceChecker checker, ComplianceSettings settings,
            Clock clock) {
        EventDelivery delivery = new EventDelivery(database.complianceEvents(), database.tenants(),
                settings.webhook().map(webhook -> new WebhookNotifier(webhook, clock)), clock);
        return new DueChecks(database, checker, delivery, settings.target(), SCHEDULER,
                "server:" + ManagementFactory.getRuntimeMXBean().getName(), clock);
    }

    /** @return the running scheduler, registered with {@code closeOnShutdown}; empty when disabled */
    public static Optional<ComplianceScheduler> attach(ServerDefinition.Builder builder, Database database,
            TenantComplianceChecker checker, ComplianceSettings settings, Clock clock) {
        if (!settings.schedulerEnabled()) {
            LoggerFactory.getLogger(ComplianceScheduling.class).info("compliance scheduler disabled (compliance.scheduler.enabled=false)");
            return Optional.empty();
        }
        ComplianceScheduler scheduler = ComplianceScheduler.start(dueChecks(database, checker, settings, clock),
                settings.schedulerInterval());
        builder.closeOnShutdown(scheduler);
        return Optional.of(scheduler);
    }
}
