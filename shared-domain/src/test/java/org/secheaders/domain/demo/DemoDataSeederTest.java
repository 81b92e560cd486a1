package org.secheaders.domain.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.AggregationPeriod;
import org.secheaders.domain.model.HeaderProcessingMetric;
import org.secheaders.domain.model.AuditLogEntry;
import org.secheaders.domain.model.IncidentEvent;
import org.secheaders.domain.model.IncidentStatus;
import org.secheaders.domain.model.SecurityIncident;
import org.secheaders.domain.model.SecurityMetric;
import org.secheaders.domain.model.SecurityViolation;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.model.TenantSecurityPolicy;
import org.secheaders.domain.repo.AuditQuery;
import org.secheaders.domain.repo.MetricQuery;
import org.secheaders.domain.repo.Page;
import org.secheaders.domain.repo.PageRequest;
import org.secheaders.domain.repo.TenantScope;
import org.secheaders.domain.repo.ViolationQuery;
import org.secheaders.domain.testing.TestDatabases;

class DemoDataSeederTest {
    private static final Instant NOW = Instant.parse("2026-04-20T08:17:30Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final DemoScenario SMALL = DemoScenario.defaults(CLOCK).withTotalViolations(12_000);
    private static final TenantScope.Platform PLATFORM = TenantScope.platform();

    private record Progress(SeedPhase phase, long done, long total) {
    }

    @TempDir
    static Path sharedDir;
    private static Database seeded;
    private static SeedOutcome.Seeded outcome;
    private static final List<Progress> PROGRESS = new ArrayList<>();

    @BeforeAll
    static void seedSmallScenario() {
        seeded = TestDatabases.migratedH2(sharedDir, CLOCK);
        outcome = assertInstanceOf(SeedOutcome.Seeded.class, new DemoDataSeeder(seeded, new MinimalViolationProcessor())
                .seed(SMALL, (phase, done, total) -> PROGRESS.add(new Progress(phase, done, total))));
    }

    @AfterAll
    static void close() {
        seeded.close();
    }

    @Test
    void storesTenantsViolationsAndTheirHistory() {
        assertEquals(List.of("acme-shop", "globex-news", "initech-portal"),
                seeded.tenants().list(PLATFORM).stream().map(Tenant::slug).toList());
        assertEquals(12_000, outcome.violationsGenerated());
        assertEquals(12_000, outcome.violationsStored());
        assertEquals(12_000, seeded.violations().count(PLATFORM, ViolationQuery.all()));
        assertEquals(12_000, seeded.violations().count(PLATFORM, ViolationQuery.all().between(SMALL.start(), SMALL.end())));
        assertEquals(3, audit("policy.create").total());
        assertEquals(3, audit("policy.activate").total());
        assertEquals(3, audit("policy.update").total()); // globex change + rollback, initech rollout step
        assertEquals(6, outcome.policyRevisions());
        assertEquals(1, audit(DemoDataSeeder.SEED_ACTION).total());
    }

    @Test
    void storesHourlyRecentMinuteAndRegressionMinuteHeaderMetrics() {
        long hours = Duration.between(SMALL.start().truncatedTo(ChronoUnit.HOURS), SMALL.end()).toHours() + 1;
        long recentMinutes = Duration.ofDays(HeaderMetrics.MINUTE_DETAIL_DAYS).toMinutes();
        PlantedPattern.PolicyRegression regression = SMALL.policyRegression();
        long regressionMinutes = Duration.between(regression.changedAt().minus(HeaderMetrics.REGRESSION_BASELINE),
                regression.rolledBackAt().plus(HeaderMetrics.REGRESSION_AFTER)).toMinutes();
        MetricQuery headerMetrics = MetricQuery.all().withType(HeaderProcessingMetric.METRIC_TYPE);
        assertEquals(3 * 2 * hours, metrics(headerMetrics.withPeriod(AggregationPeriod.HOUR)));
        assertEquals(3 * 2 * recentMinutes + 2 * regressionMinutes,
                metrics(headerMetrics.withPeriod(AggregationPeriod.MINUTE)));
        assertEquals(outcome.metricRows(), metrics(headerMetrics));
    }

    @Test
    void writesTheRowsOfTheEnforcementLibrarysFlusher() {
        List<SecurityMetric> rows = seeded.metrics().query(PLATFORM, MetricQuery.all(), PageRequest.first(1000)).items();
        assertEquals(Set.of(HeaderProcessingMetric.TIME_P50.metricName(), HeaderProcessingMetric.TIME_P99.metricName()),
                rows.stream().map(SecurityMetric::metricName).collect(Collectors.toSet()));
        for (SecurityMetric row : rows) {
            assertEquals(HeaderProcessingMetric.METRIC_TYPE, row.metricType());
            assertEquals("microseconds", row.measurementUnit());
            assertEquals(tenant(row.tags().get("tenant")).id(), row.tenantId());
            assertEquals(HeaderMetrics.INSTANCE, row.tags().get("instance"));
        }
    }

    @Test
    void headerTimeRegressesWhileTheHashedPolicyIsServed() {
        PlantedPattern.PolicyRegression regression = SMALL.policyRegression();
        long news = tenant(regression.tenantSlug()).id();
        MetricQuery p99 = MetricQuery.all().withType(HeaderProcessingMetric.METRIC_TYPE)
                .withName(HeaderMetrics.P99.metricName()).withPeriod(AggregationPeriod.HOUR);
        Instant hour = regression.changedAt().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        double during = p99Of(news, p99, hour);
        double dayBefore = p99Of(news, p99, hour.minus(Duration.ofDays(1)));
        assertTrue(during > 3 * dayBefore, during + " vs " + dayBefore);
    }

    @Test
    void recordsThePolicyChangeMinutesBeforeTheStyleJump() {
        PlantedPattern.PolicyRegression regression = SMALL.policyRegression();
        Tenant news = tenant(regression.tenantSlug());
        List<AuditLogEntry> updates = seeded.auditLog().query(TenantScope.tenant(news.id()),
                AuditQuery.all().withAction("policy.update"), PageRequest.first(10)).items();
        assertEquals(List.of(regression.rolledBackAt(), regression.changedAt()),
                updates.stream().map(AuditLogEntry::occurredAt).toList());
        assertTrue(regression.changedAt().isBefore(regression.start()));
        assertEquals("ci-deploy@globex-news.example", updates.get(1).actor());
        TenantSecurityPolicy policy = seeded.policies().findActive(TenantScope.tenant(news.id()), news.id()).get(0);
        assertEquals(regression.rolledBackAt(), policy.updatedAt());
        assertTrue(policy.overridePermissions().directives().contains("script-src"));
        assertTrue(policy.policyConfig().csp().get("style-src").contains("'unsafe-inline'"));
    }

    @Test
    void storesTheIncidentsWithTheirTimelines() {
        List<SecurityIncident> incidents = seeded.incidents().list(PLATFORM, Optional.empty(), PageRequest.first(10)).items();
        assertEquals(2, incidents.size());
        SecurityIncident attack = incidents.get(0);
        assertEquals(tenant("acme-shop").id(), attack.tenantId());
        assertEquals(IncidentStatus.CONTAINED, attack.status());
        SecurityIncident regression = incidents.get(1);
        assertEquals(IncidentStatus.RESOLVED, regression.status());
        assertTrue(regression.resolvedAt().isPresent());
        for (SecurityIncident incident : incidents) {
            List<IncidentEvent> timeline = seeded.incidents().timeline(PLATFORM, incident.id());
            assertEquals(5, timeline.size());
            assertEquals(IncidentEvent.CREATED, timeline.get(0).eventType());
            assertTrue(timeline.get(0).occurredAt().isAfter(incident.detectedAt()));
            assertTrue(timeline.get(timeline.size() - 1).occurredAt().isBefore(SMALL.end()));
        }
    }

    @Test
    void eachTenantSeesOnlyItsOwnData() {
        DemoDataset dataset = new DemoDataGenerator().generate(SMALL);
        long sum = 0;
        for (DemoTenant demo : SMALL.tenants()) {
            Tenant tenant = tenant(demo.slug());
            TenantScope scope = TenantScope.tenant(tenant.id());
            long count = seeded.violations().count(scope, ViolationQuery.all());
            assertEquals(dataset.violationsOf(demo.slug()).size(), count);
            sum += count;
            List<SecurityViolation> page = seeded.violations().query(scope, ViolationQuery.all(), PageRequest.first(1000)).items();
            assertTrue(page.stream().allMatch(violation -> violation.tenantId() == tenant.id()
                    && violation.documentUri().startsWith(demo.origin() + "/")));
            assertTrue(seeded.metrics().query(scope, MetricQuery.all(), PageRequest.first(1000)).items().stream()
                    .allMatch(metric -> metric.tenantId() == tenant.id()));
            assertEquals(List.of(tenant.slug()), seeded.tenants().list(scope).stream().map(Tenant::slug).toList());
        }
        assertEquals(seeded.violations().count(PLATFORM, ViolationQuery.all()), sum);
        assertEquals(0, seeded.incidents().list(TenantScope.tenant(tenant("initech-portal").id()), Optional.empty(),
                PageRequest.first(10)).total());
    }

    @Test
    void reportsProgressInPhaseOrderAndNeverBackwards() {
        assertEquals(List.of(SeedPhase.values()), PROGRESS.stream().map(Progress::phase).distinct().toList());
        for (int i = 1; i < PROGRESS.size(); i++) {
            Progress previous = PROGRESS.get(i - 1);
            Progress current = PROGRESS.get(i);
            if (previous.phase() == current.phase()) {
                assertTrue(current.done() >= previous.done() && current.total() == previous.total(), current.toString());
            } else {
                assertTrue(current.phase().compareTo(previous.phase()) > 0);
                assertEquals(previous.total(), previous.done(), "phase " + previous.phase() + " ended early");
            }
        }
        Progress last = PROGRESS.get(PROGRESS.size() - 1);
        assertEquals(last.total(), last.done());
        assertTrue(PROGRESS.stream().filter(progress -> progress.phase() == SeedPhase.VIOLATIONS).count() > 3);
    }

    @Test
    void seedingAgainChangesNothing() {
        long violations = seeded.violations().count(PLATFORM, ViolationQuery.all());
        long audit = seeded.auditLog().query(PLATFORM, AuditQuery.all(), PageRequest.first(1)).total();

        SeedOutcome again = new DemoDataSeeder(seeded, new MinimalViolationProcessor()).seed(SMALL, ProgressListener.NONE);

        assertEquals(outcome.tenants(), assertInstanceOf(SeedOutcome.AlreadySeeded.class, again).tenants());
        assertEquals(violations, seeded.violations().count(PLATFORM, ViolationQuery.all()));
        assertEquals(audit, seeded.auditLog().query(PLATFORM, AuditQuery.all(), PageRequest.first(1)).total());
    }

    @Test
    void refusesADatabaseHoldingPartOfTheDemoTenants(@TempDir Path dir) {
        try (Database database = TestDatabases.migratedH2(dir, CLOCK)) {
            database.tenants().create(PLATFORM, DemoTenant.CATALOGUE.get(1).draft(SMALL.seed()));
            DemoDataSeeder seeder = new DemoDataSeeder(database, new MinimalViolationProcessor());

            IllegalStateException error = assertThrows(IllegalStateException.class,
                    () -> seeder.seed(SMALL, ProgressListener.NONE));

            assertTrue(error.getMessage().contains("[globex-news]"), error.getMessage());
            assertEquals(0, database.violations().count(PLATFORM, ViolationQuery.all()));
        }
    }

    @Test
    void seedsTheFullDefaultScenario(@TempDir Path dir) {
        DemoScenario defaults = DemoScenario.defaults(CLOCK);
        try (Database database = TestDatabases.migratedH2(dir, CLOCK)) {
            SeedOutcome.Seeded seededDefaults = assertInstanceOf(SeedOutcome.Seeded.class,
                    new DemoDataSeeder(database, new MinimalViolationProcessor()).seed(defaults, ProgressListener.NONE));

            assertTrue(seededDefaults.violationsStored() >= 50_000);
            assertEquals(seededDefaults.violationsStored(), database.violations().count(PLATFORM, ViolationQuery.all()));
        }
    }

    private static Tenant tenant(String slug) {
        return seeded.tenants().findBySlug(PLATFORM, slug).orElseThrow();
    }

    private static Page<AuditLogEntry> audit(String action) {
        return seeded.auditLog().query(PLATFORM, AuditQuery.all().withAction(action), PageRequest.first(10));
    }

    private static long metrics(MetricQuery query) {
        return seeded.metrics().query(PLATFORM, query, PageRequest.first(1)).total();
    }

    private static double p99Of(long tenantId, MetricQuery query, Instant hour) {
        return seeded.metrics().query(TenantScope.tenant(tenantId), query.between(hour, hour.plus(Duration.ofHours(1))),
                PageRequest.first(1)).items().get(0).metricValue().doubleValue();
    }
}
