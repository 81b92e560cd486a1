package org.secheaders.domain.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.PolicyVersion;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.model.TenantStatus;
import org.secheaders.domain.testing.DbKind;
import org.secheaders.domain.testing.TestDatabases;
import org.secheaders.domain.testing.TestTenants;

class TenantRepositoryTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void createsTenantAndFindsItByIdAndSlug(DbKind kind) {
        Database db = DATABASES.get(kind);
        Map<String, Object> settings = Map.of("report_sample_rate", 0.25, "owner", "sec@example.com",
                "features", List.of("csp", "hsts"));
        String slug = "acme-" + kind.name().toLowerCase();

        Tenant tenant = db.tenants().create(TenantScope.platform(),
                new Tenant.Draft(slug, " ACME Corp ", "WWW.Acme.example", settings));

        assertTrue(tenant.id() > 0);
        assertEquals(slug, tenant.slug());
        assertEquals("ACME Corp", tenant.name());
        assertEquals("www.acme.example", tenant.primaryDomain());
        assertEquals(TenantStatus.ACTIVE, tenant.status());
        assertEquals(settings, tenant.settings());
        assertEquals(tenant.createdAt(), tenant.updatedAt());
        assertEquals(Optional.of(tenant), db.tenants().findById(TenantScope.platform(), tenant.id()));
        assertEquals(Optional.of(tenant), db.tenants().findBySlug(TenantScope.platform(), slug));
        assertEquals(Optional.of(tenant), db.tenants().findById(TenantScope.tenant(tenant.id()), tenant.id()));
        assertEquals(0L, db.policyVersions().current(TenantScope.tenant(tenant.id()), tenant.id()));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void rejectsATakenSlug(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant existing = TestTenants.create(db);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> db.tenants().create(
                TenantScope.platform(), new Tenant.Draft(existing.slug(), "Other", "other.example", Map.of())));

        assertTrue(e.getMessage().contains(existing.slug()), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void tenantScopeSeesOnlyItsOwnTenant(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant a = TestTenants.create(db);
        Tenant b = TestTenants.create(db);
        TenantScope scopeA = TenantScope.tenant(a.id());

        assertEquals(List.of(a), db.tenants().list(scopeA));
        assertTrue(db.tenants().list(TenantScope.platform()).containsAll(List.of(a, b)));
        assertEquals(Optional.empty(), db.tenants().findById(scopeA, b.id()));
        assertEquals(Optional.empty(), db.tenants().findBySlug(scopeA, b.slug()));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void suspendsAndReactivatesATenant(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(db);

        Tenant suspended = db.tenants().updateStatus(TenantScope.platform(), tenant.id(), TenantStatus.SUSPENDED)
                .orElseThrow();

        assertEquals(TenantStatus.SUSPENDED, suspended.status());
        assertFalse(suspended.updatedAt().isBefore(tenant.updatedAt()));
        assertEquals(tenant.createdAt(), suspended.createdAt());
        assertEquals(TenantStatus.ACTIVE, db.tenants()
                .updateStatus(TenantScope.platform(), tenant.id(), TenantStatus.ACTIVE).orElseThrow().status());
        assertEquals(Optional.empty(), db.tenants().updateStatus(TenantScope.platform(), Long.MAX_VALUE, TenantStatus.ACTIVE));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aStatusChangeBumpsThePolicyVersionSoPollersReloadTheTenant(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(db);
        Tenant bystander = TestTenants.create(db);
        long watermark = db.policyVersions().watermark(TenantScope.platform());

        Tenant suspended = db.tenants().updateStatus(TenantScope.platform(), tenant.id(), TenantStatus.SUSPENDED)
                .orElseThrow();

        List<PolicyVersion> changed = db.policyVersions().changedSince(TenantScope.platform(), watermark);
        assertEquals(List.of(tenant.id()), changed.stream().map(PolicyVersion::tenantId).toList());
        assertEquals(suspended.updatedAt(), changed.get(0).updatedAt());
        long suspendedAt = changed.get(0).version();
        assertEquals(suspendedAt, db.policyVersions().current(TenantScope.platform(), tenant.id()));

        db.tenants().updateStatus(TenantScope.platform(), tenant.id(), TenantStatus.ACTIVE).orElseThrow();
        assertTrue(db.policyVersions().current(TenantScope.platform(), tenant.id()) > suspendedAt, "reactivation too");
        assertEquals(0L, db.policyVersions().current(TenantScope.platform(), bystander.id()));

        long before = db.policyVersions().watermark(TenantScope.platform());
        assertEquals(Optional.empty(), db.tenants().updateStatus(TenantScope.platform(), Long.MAX_VALUE, TenantStatus.SUSPENDED));
        assertEquals(before, db.policyVersions().watermark(TenantScope.platform()), "no tenant, no version");
    }
}
