package org.secheaders.enforcement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.testing.DbKind;
import org.secheaders.domain.testing.TestDatabases;
import org.secheaders.domain.testing.TestTenants;
import org.secheaders.enforcement.source.JdbiPolicySource;

/**
 * Two header services, each with its own connection pool to one H2 database (two running app
 * instances), see a committed policy change within a second, and keep serving it when their
 * database goes away.
 */
class DatabasePropagationTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    @Test
    void aStoredPolicyChangeReachesBothInstancesWithinOneSecondAndSurvivesADatabaseOutage() throws InterruptedException {
        Database admin = DATABASES.get(DbKind.H2);
        Tenant tenant = TestTenants.create(admin);
        TenantKey key = StoredPolicies.key(tenant);
        StoredPolicies.extend(admin, tenant, "img-src", "https://img.before.example");

        Database poolA = Database.open(admin.config());
        try (Database poolB = Database.open(admin.config());
             HeaderService instanceA = HeaderService.builder().source(new JdbiPolicySource(poolA)).build();
             HeaderService instanceB = HeaderService.builder().source(new JdbiPolicySource(poolB)).build()) {
            assertTrue(csp(instanceA, key).contains("https://img.before.example"));

            long committedAt = System.nanoTime();
            StoredPolicies.extend(admin, tenant, "connect-src", "https://api.after.example");
            Duration a = await(instanceA, key, "https://api.after.example", committedAt);
            Duration b = await(instanceB, key, "https://api.after.example", committedAt);
            assertTrue(a.toMillis() < 1000 && b.toMillis() < 1000, "propagation took " + a + " and " + b);

            poolA.close();
            Thread.sleep(3 * HeaderService.DEFAULT_POLL_INTERVAL.toMillis());
            String afterOutage = csp(instanceA, key);
            assertTrue(afterOutage.contains("https://api.after.example"), afterOutage);
            assertEquals(Optional.of(key), instanceA.headersFor(key, RequestInfo.https()).tenant());
            assertFalse(csp(instanceB, key).isEmpty());
        } finally {
            poolA.close();
        }
    }

    private static String csp(HeaderService service, TenantKey key) {
        return service.headersFor(key, RequestInfo.https()).value("Content-Security-Policy").orElseThrow();
    }

    private static Duration await(HeaderService service, TenantKey key, String expected, long since)
            throws InterruptedException {
        long deadline = since + Duration.ofSeconds(5).toNanos();
        while (!csp(service, key).contains(expected)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("CSP never carried " + expected + ": " + csp(service, key));
            }
            Thread.sleep(5);
        }
        return Duration.ofNanos(System.nanoTime() - since);
    }
}
