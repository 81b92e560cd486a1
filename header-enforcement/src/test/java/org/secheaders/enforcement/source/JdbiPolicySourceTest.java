package org.secheaders.enforcement.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.model.TenantSecurityPolicy;
import org.secheaders.domain.model.TenantStatus;
import org.secheaders.domain.repo.TenantScope;
import org.secheaders.domain.testing.DbKind;
import org.secheaders.domain.testing.TestDatabases;
import org.secheaders.domain.testing.TestTenants;
import org.secheaders.enforcement.StoredPolicies;
import org.secheaders.enforcement.TenantKey;

class JdbiPolicySourceTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void reportsOnlyTenantsWrittenAfterTheWatermark(DbKind kind) {
        Database db = DATABASES.get(kind);
        JdbiPolicySource source = new JdbiPolicySource(db);
        Tenant acme = TestTenants.create(db);
        Tenant beta = TestTenants.create(db);
        long start = source.changesSince(0).watermark();

        StoredPolicies.extend(db, acme, "img-src", "https://img.acme.example");
        StoredPolicies.extend(db, beta, "img-src", "https://img.beta.example");
        PolicyChanges both = source.changesSince(start);
        assertEquals(Set.of(StoredPolicies.key(acme), StoredPolicies.key(beta)), both.versions().keySet());
        assertTrue(both.watermark() > start);

        StoredPolicies.extend(db, acme, "connect-src", "https://api.acme.example");
        PolicyChanges onlyAcme = source.changesSince(both.watermark());
        assertEquals(Set.of(StoredPolicies.key(acme)), onlyAcme.versions().keySet());
        assertEquals(onlyAcme.watermark(), (long) onlyAcme.versions().get(StoredPolicies.key(acme)));
        assertEquals(Map.of(), source.changesSince(onlyAcme.watermark()).versions());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void loadsActiveRowsAndNothingForSuspendedOrUnknownTenants(DbKind kind) {
        Database db = DATABASES.get(kind);
        JdbiPolicySource source = new JdbiPolicySource(db);
        Tenant acme = TestTenants.create(db);
        Tenant suspended = TestTenants.create(db);
        TenantSecurityPolicy row = StoredPolicies.extend(db, acme, "img-src", "https://img.acme.example");
        StoredPolicies.extend(db, suspended, "img-src", "https://img.suspended.example");
        db.tenants().updateStatus(TenantScope.platform(), suspended.id(), TenantStatus.SUSPENDED);

        Map<TenantKey, List<TenantSecurityPolicy>> loaded =
                source.policies(Set.of(StoredPolicies.key(acme), StoredPolicies.key(suspended), new TenantKey("no-such-tenant")));

        assertEquals(List.of(row.id()), loaded.get(StoredPolicies.key(acme)).stream().map(TenantSecurityPolicy::id).toList());
        assertEquals(List.of(), loaded.get(StoredPolicies.key(suspended)));
        assertEquals(List.of(), loaded.get(new TenantKey("no-such-tenant")));
    }
}
