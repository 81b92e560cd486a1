package org.secheaders.domain.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.ApiToken;
import org.secheaders.domain.model.ApiTokens;
import org.secheaders.domain.model.Role;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.testing.DbKind;
import org.secheaders.domain.testing.TestDatabases;
import org.secheaders.domain.testing.TestTenants;

class ApiTokenRepositoryTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    static ApiToken.Draft token(String name, Role role, Optional<Long> tenantId, Optional<Instant> expiresAt) {
        ApiTokens.NewSecret secret = ApiTokens.generate();
        return new ApiToken.Draft(name, secret.hash(), secret.displayPrefix(), role, tenantId, expiresAt);
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void createsAndFindsATokenByTheHashOfItsSecret(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(db);
        ApiTokens.NewSecret secret = ApiTokens.generate();
        Instant expires = Instant.parse("2030-01-01T00:00:00Z");
        ApiToken.Draft draft = new ApiToken.Draft("ci deploy", secret.hash(), secret.displayPrefix(), Role.TENANT_ADMIN,
                Optional.of(tenant.id()), Optional.of(expires));

        ApiToken created = db.apiTokens().create(TenantScope.tenant(tenant.id()), draft);

        assertEquals("ci deploy", created.name());
        assertEquals(secret.hash(), created.tokenHash());
        assertEquals(secret.displayPrefix(), created.tokenPrefix());
        assertEquals(Role.TENANT_ADMIN, created.role());
        assertEquals(Optional.of(tenant.id()), created.tenantId());
        assertEquals(Optional.of(expires), created.expiresAt());
        assertEquals(Optional.empty(), created.lastUsedAt());
        assertEquals(Optional.empty(), created.revokedAt());
        assertEquals(Optional.of(created), db.apiTokens().findByHash(ApiTokens.hash(secret.secret())));
        assertEquals(Optional.empty(), db.apiTokens().findByHash(ApiTokens.hash(secret.secret() + "x")));
        assertTrue(created.isUsableAt(expires.minusSeconds(1)));
        assertFalse(created.isUsableAt(expires));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void listsPerScopeAndRevokes(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(db);
        TenantScope scope = TenantScope.tenant(tenant.id());
        ApiToken mine = db.apiTokens().create(scope, token("mine", Role.TENANT_ADMIN, Optional.of(tenant.id()), Optional.empty()));
        ApiToken platform = db.apiTokens().create(TenantScope.platform(),
                token("analyst", Role.SECURITY_ANALYST, Optional.empty(), Optional.empty()));

        assertEquals(List.of(mine), db.apiTokens().list(scope));
        assertTrue(db.apiTokens().list(TenantScope.platform()).containsAll(List.of(mine, platform)));
        assertThrows(TenantAccessDeniedException.class, () -> db.apiTokens().create(scope,
                token("escalation", Role.SUPERADMIN, Optional.empty(), Optional.empty())));
        assertEquals(Optional.empty(), db.apiTokens().revoke(scope, platform.id()));

        ApiToken revoked = db.apiTokens().revoke(scope, mine.id()).orElseThrow();
        Instant revokedAt = revoked.revokedAt().orElseThrow();
        assertFalse(revoked.isUsableAt(revokedAt.plusSeconds(1)));
        assertEquals(Optional.of(revokedAt), db.apiTokens().revoke(scope, mine.id()).orElseThrow().revokedAt(),
                "revoking twice keeps the first revocation time");
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void touchRecordsUseAtMostOncePerInterval(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(db);
        ApiToken token = db.apiTokens().create(TenantScope.tenant(tenant.id()),
                token("poller", Role.TENANT_ADMIN, Optional.of(tenant.id()), Optional.empty()));
        Instant used = Instant.parse("2025-06-01T10:00:00.123456Z");

        assertTrue(db.apiTokens().touch(token.id(), used));
        assertFalse(db.apiTokens().touch(token.id(), used.plusSeconds(59)));
        assertEquals(Optional.of(used), db.apiTokens().findByHash(token.tokenHash()).orElseThrow().lastUsedAt());
        Instant later = used.plus(ApiTokenRepository.TOUCH_INTERVAL).plus(1, ChronoUnit.MICROS);
        assertTrue(db.apiTokens().touch(token.id(), later));
        assertEquals(Optional.of(later), db.apiTokens().findByHash(token.tokenHash()).orElseThrow().lastUsedAt());
    }
}
