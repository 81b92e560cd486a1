package org.secheaders.analytics.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secheaders.analytics.service.CorrelationService.Cluster;
import org.secheaders.analytics.service.CorrelationService.CorrelationReport;
import org.secheaders.analytics.service.HeaderTimingService.TimingRegression;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.demo.DemoDataSeeder;
import org.secheaders.domain.demo.DemoScenario;
import org.secheaders.domain.demo.PlantedPattern;
import org.secheaders.domain.demo.ProgressListener;
import org.secheaders.domain.demo.SeedOutcome;
import org.secheaders.domain.model.HeaderProcessingMetric;
import org.secheaders.domain.repo.TenantScope;
import org.secheaders.domain.testing.TestDatabases;
import org.secheaders.platform.admin.PipelineViolationProcessor;

/** Correlation on freshly seeded demo data (seeded as {@code secheaders demo} does) finds what the seeder planted. */
class CorrelationOnDemoDataTest {
    private static final Instant NOW = Instant.parse("2026-04-20T08:17:30Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final DemoScenario SCENARIO = DemoScenario.defaults(CLOCK).withTotalViolations(12_000);

    @Test
    void thePlantedHeaderTimingRegressionExplainsTheStyleClusters(@TempDir Path dataDir) {
        PlantedPattern.PolicyRegression planted = SCENARIO.policyRegression();
        try (Database db = TestDatabases.migratedH2(dataDir, CLOCK)) {
            assertInstanceOf(SeedOutcome.Seeded.class,
                    new DemoDataSeeder(db, new PipelineViolationProcessor()).seed(SCENARIO, ProgressListener.NONE));
            TenantCatalog tenants = new TenantCatalog(db.tenants());
            CorrelationService service = new CorrelationService(db.violations(), db.auditLog(),
                    new AnomalyService(db.violations(), tenants, CLOCK), new HeaderTimingService(db.metrics()), tenants);
            TimeRange window = new TimeRange(planted.changedAt().minus(Duration.ofMinutes(30)),
                    planted.rolledBackAt().plus(Duration.ofMinutes(30)));

            CorrelationReport report = service.correlate(TenantScope.platform(), window, 50,
                    CorrelationService.DEFAULT_CHANGE_LOOKBACK);

            List<Cluster> nearTheRegression = report.clusters().stream()
                    .filter(cluster -> !cluster.timingRegressions().isEmpty()).toList();
            Cluster styles = nearTheRegression.stream().filter(cluster -> cluster.directive().equals("style-src-elem"))
                    .findFirst().orElseThrow(() -> new AssertionError("no style-src-elem cluster with the timing "
                            + "regression: " + report.clusters()));
            // The audited change is the cause; the timing regression is evidence beside it.
            assertTrue(styles.likelyCause().contains("after policy change #"), styles.likelyCause());
            for (Cluster cluster : nearTheRegression) {
                assertEquals(planted.tenantSlug(), cluster.tenant());
                TimingRegression regression = cluster.timingRegressions().get(0);
                assertEquals(HeaderProcessingMetric.TIME_P99.metricName(), regression.metric());
                assertEquals(planted.changedAt(), regression.startedAt());
                assertEquals(planted.rolledBackAt(), regression.endedAt());
                assertTrue(regression.ratio() > 4, regression.toString());
            }
        }
    }
}
