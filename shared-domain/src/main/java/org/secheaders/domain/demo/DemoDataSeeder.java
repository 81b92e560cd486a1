package org.secheaders.domain.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.Actor;
import org.secheaders.domain.model.AuditLogEntry;
import org.secheaders.domain.model.Role;
import org.secheaders.domain.model.SecurityMetric;
import org.secheaders.domain.model.SecurityViolation;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.repo.AuditQuery;
import org.secheaders.domain.repo.PageRequest;
import org.secheaders.domain.repo.TenantScope;

/**
 * Writes the demo data of a {@link DemoScenario} into a migrated database: tenants, their policy
 * history (with version bumps and audit entries), header-processing metrics, the violations of the
 * generated reports (through the {@link ViolationProcessor}) and incidents. Past events are written
 * at the time they happened (see {@link Backdated}).
 *
 * <p>The scenario's end (usually from {@link DemoScenario#defaults(java.time.Clock)} with the
 * database's clock) places the history; the database's clock only stamps the completion marker.
 *
 * <p>Idempotent by skipping: if the scenario's tenants exist and a completed demo seed is recorded
 * (a platform audit entry {@value #SEED_ACTION}, written last), nothing is written and
 * {@link SeedOutcome.AlreadySeeded} is returned. If only some of them exist, or a seed never
 * completed, or a tenant of the same slug is not demo data, seeding refuses rather than mixing
 * data sets: seed a fresh database instead.
 */
public final class DemoDataSeeder {
    /** Reports per processor call and insert batch. */
    public static final int BATCH_SIZE = 2_000;
    /** Audit action of the completed-seed marker. */
    public static final String SEED_ACTION = "demo.seed";

    private static final int METRIC_BATCH_SIZE = 5_000;
    private static final long METRICS_STREAM = 1;
    private static final Actor SEEDER = Actor.of("secheaders demo", Role.SUPERADMIN);

    private final Database database;
    private final ViolationProcessor processor;
    private final Backdated backdated;

    public DemoDataSeeder(Database database, ViolationProcessor processor) {
        this.database = database;
        this.processor = processor;
        this.backdated = new Backdated(database);
    }

    /**
     * @throws IllegalStateException if the database holds part of a demo data set, or tenants with
     *                               the demo slugs that are not demo data
     */
    public SeedOutcome seed(DemoScenario scenario, ProgressListener progress) {
        long started = System.nanoTime();
        Optional<List<Tenant>> existing = existingDemo(scenario);
        if (existing.isPresent()) {
            return new SeedOutcome.AlreadySeeded(existing.get());
        }
        progress.onProgress(SeedPhase.GENERATE, 0, 1);
        DemoDataset dataset = new DemoDataGenerator().generate(scenario);
        progress.onProgress(SeedPhase.GENERATE, 1, 1);

        Map<String, Tenant> tenants = createTenants(scenario, progress);
        Map<String, ReplayedPolicy> policies = replayPolicies(scenario, tenants, progress);
        int metricRows = storeMetrics(scenario, tenants, policies, progress);
        int stored = storeViolations(dataset, tenants, progress);
        createIncidents(scenario, tenants, policies, progress);
        markComplete(scenario, dataset, stored);
        return new SeedOutcome.Seeded(List.copyOf(tenants.values()), dataset.reports().size(),
                dataset.violations().size(), stored, metricRows,
                policies.values().stream().mapToInt(policy -> policy.versions().size()).sum(), DemoIncidents.COUNT,
                scenario.plantedPatterns(), Duration.ofNanos(System.nanoTime() - started));
    }

    private Optional<List<Tenant>> existingDemo(DemoScenario scenario) {
        List<Tenant> found = scenario.tenants().stream()
                .flatMap(tenant -> database.tenants().findBySlug(TenantScope.platform(), tenant.slug()).stream())
                .toList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        boolean complete = found.size() == scenario.tenants().size()
                && found.stream().allMatch(tenant -> tenant.settings().containsKey(DemoTenant.DEMO_SETTING))
                && database.auditLog().query(TenantScope.platform(), AuditQuery.all().withAction(SEED_ACTION),
                        PageRequest.first(1)).total() > 0;
        if (!complete) {
            throw new IllegalStateException("the database already has tenants "
                    + found.stream().map(Tenant::slug).toList() + " but no complete demo data set for "
                    + scenario.tenants().size() + " tenants (an interrupted seed, a different tenant count, or "
                    + "tenants that are not demo data); seed a fresh database");
        }
        return Optional.of(found);
    }

    private Map<String, Tenant> createTenants(DemoScenario scenario, ProgressListener progress) {
        Map<String, Tenant> tenants = new LinkedHashMap<>();
        int total = scenario.tenants().size();
        progress.onProgress(SeedPhase.TENANTS, 0, total);
        for (DemoTenant tenant : scenario.tenants()) {
            tenants.put(tenant.slug(), backdated.tenants(scenario.tenantsCreatedAt())
                    .create(TenantScope.platform(), tenant.draft(scenario.seed())));
            progress.onProgress(SeedPhase.TENANTS, tenants.size(), total);
        }
        return tenants;
    }

    private Map<String, ReplayedPolicy> replayPolicies(DemoScenario scenario, Map<String, Tenant> tenants,
                                                       ProgressListener progress) {
        Map<String, PolicyHistory> histories = new LinkedHashMap<>();
        scenario.tenants().forEach(tenant -> histories.put(tenant.slug(), tenant.kind().model().policyHistory(tenant, scenario)));
        int total = histories.values().stream().mapToInt(history -> history.revisions().size()).sum();
        int done = 0;
        progress.onProgress(SeedPhase.POLICIES, 0, total);
        PolicyReplay replay = new PolicyReplay(database, backdated);
        Map<String, ReplayedPolicy> policies = new LinkedHashMap<>();
        for (Map.Entry<String, PolicyHistory> entry : histories.entrySet()) {
            policies.put(entry.getKey(), replay.replay(tenants.get(entry.getKey()), entry.getValue()));
            done += entry.getValue().revisions().size();
            progress.onProgress(SeedPhase.POLICIES, done, total);
        }
        return policies;
    }

    private int storeMetrics(DemoScenario scenario, Map<String, Tenant> tenants, Map<String, ReplayedPolicy> policies,
                             ProgressListener progress) {
        // A stream of its own, so metric values do not depend on how the reports were drawn.
        SplittableRandom random = new SplittableRandom(scenario.seed() + METRICS_STREAM);
        List<List<SecurityMetric.Draft>> perTenant = new ArrayList<>();
        for (DemoTenant tenant : scenario.tenants()) {
            perTenant.add(HeaderMetrics.generate(tenants.get(tenant.slug()).id(), tenant, scenario,
                    policies.get(tenant.slug()), random.split()));
        }
        int total = perTenant.stream().mapToInt(List::size).sum();
        int done = 0;
        progress.onProgress(SeedPhase.METRICS, 0, total);
        for (List<SecurityMetric.Draft> rows : perTenant) {
            TenantScope scope = TenantScope.tenant(rows.get(0).tenantId());
            for (int from = 0; from < rows.size(); from += METRIC_BATCH_SIZE) {
                done += database.metrics().insertBatch(scope, rows.subList(from, Math.min(rows.size(), from + METRIC_BATCH_SIZE)));
                progress.onProgress(SeedPhase.METRICS, done, total);
            }
        }
        return done;
    }

    private int storeViolations(DemoDataset dataset, Map<String, Tenant> tenants, ProgressListener progress) {
        int total = dataset.violations().size();
        int processed = 0;
        int stored = 0;
        progress.onProgress(SeedPhase.VIOLATIONS, 0, total);
        for (Tenant tenant : tenants.values()) {
            List<DemoReport> reports = dataset.reportsOf(tenant.slug());
            // The tenant scope makes insertBatch refuse any draft the processor gave another tenant's id.
            TenantScope scope = TenantScope.tenant(tenant.id());
            for (int from = 0; from < reports.size(); from += BATCH_SIZE) {
                List<DemoReport> batch = reports.subList(from, Math.min(reports.size(), from + BATCH_SIZE));
                List<SecurityViolation.Draft> drafts = processor.process(tenant, batch);
                stored += database.violations().insertBatch(scope, drafts);
                processed += batch.stream().mapToInt(DemoReport::violationCount).sum();
                progress.onProgress(SeedPhase.VIOLATIONS, processed, total);
            }
        }
        return stored;
    }

    private void createIncidents(DemoScenario scenario, Map<String, Tenant> tenants,
                                 Map<String, ReplayedPolicy> policies, ProgressListener progress) {
        progress.onProgress(SeedPhase.INCIDENTS, 0, DemoIncidents.COUNT);
        DemoIncidents incidents = new DemoIncidents(backdated);
        PlantedPattern.AttackBurst burst = scenario.attackBurst();
        incidents.attack(tenants.get(burst.tenantSlug()), burst);
        progress.onProgress(SeedPhase.INCIDENTS, 1, DemoIncidents.COUNT);
        PlantedPattern.PolicyRegression regression = scenario.policyRegression();
        incidents.regression(tenants.get(regression.tenantSlug()), regression, policies.get(regression.tenantSlug()));
        progress.onProgress(SeedPhase.INCIDENTS, 2, DemoIncidents.COUNT);
    }

    /** Written last: its presence means the data set is complete. */
    private void markComplete(DemoScenario scenario, DemoDataset dataset, int stored) {
        database.auditLog().append(TenantScope.platform(), new AuditLogEntry.Draft(Optional.empty(), SEEDER,
                SEED_ACTION, "demo_dataset", Long.toString(scenario.seed()), Map.of(
                        "tenants", scenario.tenants().stream().map(DemoTenant::slug).toList(),
                        "days", scenario.days(),
                        "end", scenario.end().toString(),
                        "reports", dataset.reports().size(),
                        "violations_generated", dataset.violations().size(),
                        "violations_stored", stored)));
    }
}
