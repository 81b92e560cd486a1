package org.secheaders.domain.compliance.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.secheaders.domain.compliance.FrameworkResult;
import org.secheaders.domain.compliance.run.CheckRequest;
import org.secheaders.domain.compliance.run.CheckRun;
import org.secheaders.domain.compliance.run.ControlTransition;
import org.secheaders.domain.compliance.run.TenantComplianceChecker;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.Actor;
import org.secheaders.domain.model.ComplianceEvent;
import org.secheaders.domain.model.ComplianceFramework;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.model.TenantStatus;
import org.secheaders.domain.repo.ComplianceScheduleRepository;
import org.secheaders.domain.repo.ComplianceScheduleRepository.NextCheck;
import org.secheaders.domain.repo.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the compliance checks that are due: every active tenant × framework whose earliest
 * {@code next_check_at} has passed, or that was never checked. Each tenant's claimed frameworks
 * are checked in one call (atomic checks are shared between frameworks); its pass→fail
 * transitions are stored as events, then undelivered events are posted. A tenant whose check
 * throws is recorded and retried after {@link #FAILURE_RETRY}; the others still run.
 */
public final class DueChecks {
    private static final Logger LOG = LoggerFactory.getLogger(DueChecks.class);

    /** How long a claim keeps other instances off a (tenant, framework): longer than the slowest check. */
    static final Duration CLAIM_LEASE = Duration.ofMinutes(15);
    /** When a check that threw is tried again. */
    public static final Duration FAILURE_RETRY = Duration.ofMinutes(15);

    /** Told before each tenant is checked, for progress output. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (index, total, tenant) -> { };

        void tenant(int index, int total, String tenantSlug);
    }

    private final Database database;
    private final TenantComplianceChecker checker;
    private final EventDelivery delivery;
    private final ScheduledTarget target;
    private final Actor actor;
    private final String owner;
    private final Clock clock;

    /**
     * @param actor recorded in the audit entries of the checks
     * @param owner this instance's name in claims (unique per process)
     */
    public DueChecks(Database database, TenantComplianceChecker checker, EventDelivery delivery, ScheduledTarget target,
            Actor actor, String owner, Clock clock) {
        this.database = database;
        this.checker = checker;
        this.delivery = delivery;
        this.target = target;
        this.actor = actor;
        this.owner = owner;
        this.clock = clock;
    }

    /**
     * The due checks the filter selects, by tenant slug and framework.
     *
     * @throws IllegalArgumentException when the filter names a tenant that does not exist or is suspended
     */
    public List<DueCheck> due(DueFilter filter) {
        Instant now = clock.instant();
        List<Tenant> tenants = tenants(filter);
        Map<String, NextCheck> schedule = database.complianceSchedule().nextChecks(TenantScope.platform()).stream()
                .collect(Collectors.toMap(next -> key(next.tenantId(), next.framework()), next -> next));
        List<DueCheck> due = new ArrayList<>();
        for (Tenant tenant : tenants) {
            for (ComplianceFramework framework : filter.frameworks()) {
                Optional<Instant> at = Optional.ofNullable(schedule.get(key(tenant.id(), framework)))
                        .flatMap(NextCheck::nextCheckAt);
                if (isDue(at, now)) {
                    due.add(new DueCheck(tenant, framework, at));
                }
            }
        }
        return due;
    }

    /** Runs everything due now; never throws for one tenant's failure. */
    public DueRun run(DueFilter filter, Progress progress) {
        Map<Tenant, List<ComplianceFramework>> byTenant = new LinkedHashMap<>();
        due(filter).forEach(check -> byTenant.computeIfAbsent(check.tenant(), t -> new ArrayList<>()).add(check.framework()));
        List<FrameworkOutcome> outcomes = new ArrayList<>();
        List<ComplianceEvent> events = new ArrayList<>();
        int index = 0;
        for (Map.Entry<Tenant, List<ComplianceFramework>> entry : byTenant.entrySet()) {
            progress.tenant(++index, byTenant.size(), entry.getKey().slug());
            runTenant(entry.getKey(), entry.getValue(), outcomes, events);
        }
        return new DueRun(outcomes, events, delivery.deliverUndelivered());
    }

    private void runTenant(Tenant tenant, List<ComplianceFramework> frameworks, List<FrameworkOutcome> outcomes,
            List<ComplianceEvent> events) {
        ComplianceScheduleRepository schedule = database.complianceSchedule();
        Instant now = clock.instant();
        Set<ComplianceFramework> claimed = EnumSet.noneOf(ComplianceFramework.class);
        // Every instance claims in framework order and stops at the first refusal, so concurrent
        // instances do not split one tenant's run between them.
        for (ComplianceFramework framework : frameworks) {
            if (!schedule.claim(tenant.id(), framework, owner, now, now.plus(CLAIM_LEASE))) {
                break;
            }
            claimed.add(framework);
        }
        // Another instance may have finished these between our read of the schedule and our claim.
        Set<ComplianceFramework> stillDue = stillDue(tenant, claimed, now);
        claimed.stream().filter(f -> !stillDue.contains(f))
                .forEach(f -> schedule.release(tenant.id(), f, owner, now, Optional.empty()));
        if (stillDue.isEmpty()) {
            return;
        }
        try {
            CheckRun run = checker.check(new CheckRequest(tenant.id(), stillDue, target.of(tenant), actor));
            List<ComplianceEvent> stored = database.complianceEvents().insert(TenantScope.tenant(tenant.id()),
                    run.regressions().stream()
                            .filter(regression -> stillDue.contains(regression.framework()))
                            .map(regression -> draft(tenant, regression, run.checkedAt()))
                            .toList());
            events.addAll(stored);
            Instant done = clock.instant();
            for (ComplianceFramework framework : stillDue) {
                schedule.release(tenant.id(), framework, owner, done, Optional.empty());
                Optional<FrameworkResult> result = run.evaluation().framework(framework);
                outcomes.add(new FrameworkOutcome(tenant.slug(), framework, result.map(FrameworkResult::status),
                        result.map(FrameworkResult::score),
                        (int) stored.stream().filter(event -> event.framework() == framework).count(),
                        Optional.ofNullable(run.nextCheckAt().get(framework)), Optional.empty()));
            }
        } catch (RuntimeException e) {
            String error = Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName());
            LOG.warn("scheduled compliance check of tenant {} ({}) failed; retrying after {}: {}", tenant.slug(),
                    stillDue, FAILURE_RETRY, error, e);
            Instant retryAt = clock.instant().plus(FAILURE_RETRY);
            for (ComplianceFramework framework : stillDue) {
                schedule.release(tenant.id(), framework, owner, retryAt, Optional.of(error));
                outcomes.add(new FrameworkOutcome(tenant.slug(), framework, Optional.empty(), Optional.empty(), 0,
                        Optional.of(retryAt), Optional.of(error)));
            }
        }
    }

    private Set<ComplianceFramework> stillDue(Tenant tenant, Set<ComplianceFramework> claimed, Instant now) {
        if (claimed.isEmpty()) {
            return claimed;
        }
        Map<ComplianceFramework, Optional<Instant>> next = database.complianceSchedule()
                .nextChecks(TenantScope.tenant(tenant.id())).stream()
                .collect(Collectors.toMap(NextCheck::framework, NextCheck::nextCheckAt));
        Set<ComplianceFramework> due = EnumSet.noneOf(ComplianceFramework.class);
        for (ComplianceFramework framework : claimed) {
            if (isDue(next.getOrDefault(framework, Optional.empty()), now)) {
                due.add(framework);
            }
        }
        return due;
    }

    private List<Tenant> tenants(DueFilter filter) {
        if (filter.tenantSlug().isPresent()) {
            String slug = filter.tenantSlug().get();
            Tenant tenant = database.tenants().findBySlug(TenantScope.platform(), slug)
                    .orElseThrow(() -> new IllegalArgumentException("tenant '" + slug + "' does not exist"));
            if (tenant.status() != TenantStatus.ACTIVE) {
                throw new IllegalArgumentException("tenant '" + slug + "' is " + tenant.status().wireName()
                        + "; only active tenants are checked");
            }
            return List.of(tenant);
        }
        return database.tenants().list(TenantScope.platform()).stream()
                .filter(tenant -> tenant.status() == TenantStatus.ACTIVE)
                .sorted(Comparator.comparing(Tenant::slug))
                .toList();
    }

    private static ComplianceEvent.Draft draft(Tenant tenant, ControlTransition regression, Instant detectedAt) {
        return new ComplianceEvent.Draft(tenant.id(), regression.framework(), regression.controlId(),
                regression.controlName(), regression.before(), regression.after(), regression.severity(),
                regression.remediation(), detectedAt);
    }

    /** Never scheduled, or scheduled for now or earlier. */
    private static boolean isDue(Optional<Instant> nextCheckAt, Instant now) {
        return nextCheckAt.isEmpty() || !nextCheckAt.get().isAfter(now);
    }

    private static String key(long tenantId, ComplianceFramework framework) {
        return tenantId + "/" + framework.wireName();
    }
}
