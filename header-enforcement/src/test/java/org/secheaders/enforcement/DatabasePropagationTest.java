package org.secheaders.enforcement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.model.TenantStatus;
import org.secheaders.domain.repo.TenantScope;
import org.secheaders.domain.testing.DbKind;
import org.secheaders.domain.testing.TestDatabases;
import org.secheaders.domain.testing.TestTenants;
import org.secheaders.enforcement.source.JdbiPolicySource;

/**
 * Two header services, each with its own connection pool to one H2 database (two running app
 * instances), see a committed policy change within a second, and keep serving it when their
 * database goes away. A suspension reaches a running instance the same way, on every database.
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

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aSuspensionReachesARunningInstanceWithinOneSecondAsThePlatformBaseline(DbKind kind) throws InterruptedException {
        Database admin = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(admin);
        Tenant plain = TestTenants.create(admin);
        TenantKey key = StoredPolicies.key(tenant);
        StoredPolicies.extend(admin, tenant, "img-src", "https://img.own.example");

        try (Database pool = Database.open(admin.config());
             HeaderService instance = HeaderService.builder().source(new JdbiPolicySource(pool)).build()) {
            assertTrue(csp(instance, key).contains("https://img.own.example"));
            String baseline = withoutNonce(csp(instance, StoredPolicies.key(plain)));

            long suspendedAt = System.nanoTime();
            admin.tenants().updateStatus(TenantScope.platform(), tenant.id(), TenantStatus.SUSPENDED).orElseThrow();
            Duration suspension = await(instance, () -> withoutNonce(csp(instance, key)).equals(baseline),
                    "the platform baseline " + baseline, key, suspendedAt);
            assertTrue(suspension.toMillis() < 1000, "suspension took " + suspension);

            long reactivatedAt = System.nanoTime();
            admin.tenants().updateStatus(TenantScope.platform(), tenant.id(), TenantStatus.ACTIVE).orElseThrow();
            Duration reactivation = await(instance, key, "https://img.own.example", reactivatedAt);
            assertTrue(reactivation.toMillis() < 1000, "reactivation took " + reactivation);
        }
    }

    private static String withoutNonce(String csp) {
        return csp.replaceAll("'nonce-[^']*'", "'nonce'");
    }

    private static String csp(HeaderService service, TenantKey key) {
        return service.headersFor(key, RequestInfo.https()).value("Content-Security-Policy").orElseThrow();
    }

    private static Duration await(HeaderService service, TenantKey key, String expected, long since)
            throws InterruptedException {
        return await(service, () -> csp(service, key).contains(expected), expected, key, since);
    }

    /** How long after {@code since} the service's CSP for {@code key} met {@code served}; at most 5 s. */
    private static Duration await(HeaderService service, BooleanSupplier served, String expected, TenantKey key,
            long since) throws InterruptedException {
        long deadline = since + Duration.ofSeconds(5).toNanos();
        while (!served.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("CSP never carried " + expected + ": " + csp(service, key));
            }
            Thread.sleep(5);
        }
        return Duration.ofNanos(System.nanoTime() - since);
    }
}
