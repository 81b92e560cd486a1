package org.secheaders.domain.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.PolicyVersion;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.testing.DbKind;
import org.secheaders.domain.testing.TestDatabases;
import org.secheaders.domain.testing.TestTenants;

class PolicyVersionRepositoryTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    private static final Instant FROM = Instant.parse("2025-06-01T00:00:00Z");

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void pollersSeeEveryTenantThatChangedAfterTheirWatermark(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant a = TestTenants.create(db);
        Tenant b = TestTenants.create(db);
        Tenant quiet = TestTenants.create(db);
        long watermark = db.policyVersions().watermark(TenantScope.platform());

        db.policies().insert(TenantScope.tenant(a.id()), PolicyRepositoryTest.policy(a.id(), "a1", FROM), PolicyRepositoryTest.ADMIN);
        db.policies().insert(TenantScope.tenant(b.id()), PolicyRepositoryTest.policy(b.id(), "b1", FROM), PolicyRepositoryTest.ADMIN);
        db.policies().insert(TenantScope.tenant(a.id()), PolicyRepositoryTest.policy(a.id(), "a2", FROM), PolicyRepositoryTest.ADMIN);

        List<PolicyVersion> changed = db.policyVersions().changedSince(TenantScope.platform(), watermark);
        List<PolicyVersion> ours = changed.stream().filter(v -> v.tenantId() == a.id() || v.tenantId() == b.id()).toList();
        assertEquals(List.of(b.id(), a.id()), ours.stream().map(PolicyVersion::tenantId).toList(),
                "one row per tenant, in version order: b changed before a's second change");
        assertTrue(ours.get(0).version() < ours.get(1).version());
        assertTrue(changed.stream().noneMatch(v -> v.tenantId() == quiet.id()));
        assertEquals(0L, db.policyVersions().current(TenantScope.platform(), quiet.id()));
        assertEquals(ours.get(1).version(), db.policyVersions().current(TenantScope.tenant(a.id()), a.id()));

        long newWatermark = db.policyVersions().watermark(TenantScope.platform());
        assertTrue(newWatermark >= ours.get(1).version());
        assertEquals(List.of(), db.policyVersions().changedSince(TenantScope.tenant(a.id()), newWatermark));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void tenantScopeOnlySeesItsOwnVersion(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant a = TestTenants.create(db);
        Tenant b = TestTenants.create(db);
        db.policies().insert(TenantScope.tenant(b.id()), PolicyRepositoryTest.policy(b.id(), "b1", FROM), PolicyRepositoryTest.ADMIN);
        TenantScope scopeA = TenantScope.tenant(a.id());

        assertEquals(List.of(), db.policyVersions().changedSince(scopeA, 0));
        assertEquals(0L, db.policyVersions().watermark(scopeA));
        assertThrows(TenantAccessDeniedException.class, () -> db.policyVersions().current(scopeA, b.id()));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void concurrentPolicyWritesGetDistinctVersions(DbKind kind) throws Exception {
        Database db = DATABASES.get(kind);
        List<Tenant> tenants = List.of(TestTenants.create(db), TestTenants.create(db), TestTenants.create(db));
        long watermark = db.policyVersions().watermark(TenantScope.platform());
        int writesPerTenant = 5;
        ExecutorService pool = Executors.newFixedThreadPool(tenants.size());
        try {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (Tenant tenant : tenants) {
                results.add(pool.submit(() -> {
                    List<Long> versions = new ArrayList<>();
                    for (int i = 0; i < writesPerTenant; i++) {
                        db.policies().insert(TenantScope.tenant(tenant.id()),
                                PolicyRepositoryTest.policy(tenant.id(), "p" + i, FROM), PolicyRepositoryTest.ADMIN);
                        versions.add(db.policyVersions().current(TenantScope.tenant(tenant.id()), tenant.id()));
                    }
                    return versions;
                }));
            }
            Set<Long> seen = new HashSet<>();
            for (Future<List<Long>> result : results) {
                List<Long> versions = result.get();
                for (int i = 1; i < versions.size(); i++) {
                    assertTrue(versions.get(i - 1) < versions.get(i), "versions grow per tenant: " + versions);
                }
                seen.addAll(versions);
            }
            assertEquals(tenants.size() * writesPerTenant, seen.size(), "no two writes share a version");
        } finally {
            pool.shutdown();
        }
        assertEquals(tenants.size(), db.policyVersions().changedSince(TenantScope.platform(), watermark).stream()
                .filter(v -> tenants.stream().anyMatch(t -> t.id() == v.tenantId())).count());
    }
}
