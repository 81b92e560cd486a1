package org.secheaders.compliance.testing;

import java.time.Clock;
import java.util.Map;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.demo.DemoDataSeeder;
import org.secheaders.domain.demo.DemoScenario;
import org.secheaders.domain.demo.ProgressListener;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.repo.TenantScope;
import org.secheaders.domain.testing.DbKind;
import org.secheaders.domain.testing.TestDatabase;
import org.secheaders.domain.testing.TestDatabases;
import org.secheaders.platform.admin.PipelineViolationProcessor;

/**
 * The demo data set (three tenants with their policy histories, audit entries and violation
 * reports, ending now) on one H2 database, seeded once per test JVM by the real seeder.
 * The compliance server's clock is the system clock, like the database's, so the runs a test
 * makes show up in the history of the next one.
 */
public final class ComplianceScenario {

    public static final String ACME = "acme-shop";
    public static final String GLOBEX = "globex-news";
    public static final String INITECH = "initech-portal";

    private static ComplianceScenario shared;

    private final TestDatabase test;

    private ComplianceScenario(TestDatabase test) {
        this.test = test;
    }

    public static synchronized ComplianceScenario shared() {
        if (shared == null) {
            ComplianceScenario scenario = new ComplianceScenario(TestDatabases.create(DbKind.H2));
            Runtime.getRuntime().addShutdownHook(new Thread(scenario.test::close, "drop-compliance-scenario"));
            new DemoDataSeeder(scenario.database(), new PipelineViolationProcessor()).seed(
                    DemoScenario.defaults(Clock.systemUTC()).withDays(DemoScenario.MIN_DAYS)
                            .withTotalViolations(DemoScenario.MIN_TOTAL_VIOLATIONS), ProgressListener.NONE);
            shared = scenario;
        }
        return shared;
    }

    public Database database() {
        return test.database();
    }

    public Clock clock() {
        return Clock.systemUTC();
    }

    public Tenant tenant(String slug) {
        return database().tenants().findBySlug(TenantScope.platform(), slug).orElseThrow();
    }

    /** A tenant of its own, without demo data, for tests that change policies or settings. */
    public Tenant createTenant(String slug, Map<String, Object> settings) {
        return database().tenants().create(TenantScope.platform(),
                new Tenant.Draft(slug, "Tenant " + slug, slug + ".example", settings));
    }
}
