package org.secheaders.domain.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.Actor;
import org.secheaders.domain.model.CheckResult;
import org.secheaders.domain.model.ComplianceCheck;
import org.secheaders.domain.model.ComplianceFramework;
import org.secheaders.domain.model.ComplianceStatus;
import org.secheaders.domain.model.Role;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.repo.ComplianceScheduleRepository.NextCheck;
import org.secheaders.domain.testing.DbKind;
import org.secheaders.domain.testing.TestDatabases;
import org.secheaders.domain.testing.TestTenants;

class ComplianceScheduleRepositoryTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private static ComplianceCheck.Draft check(long tenantId, ComplianceFramework framework, String control,
            Optional<Instant> next) {
        return new ComplianceCheck.Draft(tenantId, framework, control, control, CheckResult.PASS,
                ComplianceStatus.COMPLIANT, Map.of(), List.of(), NOW, next, Map.of());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void nextCheckIsTheEarliestOfAFrameworksControlsAndEmptyWhenOneHasNone(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(db);
        TenantScope scope = TenantScope.tenant(tenant.id());
        db.complianceChecks().upsert(scope, List.of(
                check(tenant.id(), ComplianceFramework.OWASP, "A", Optional.of(NOW.plus(Duration.ofDays(2)))),
                check(tenant.id(), ComplianceFramework.OWASP, "B", Optional.of(NOW.plus(Duration.ofDays(1)))),
                check(tenant.id(), ComplianceFramework.SOC2, "C", Optional.of(NOW)),
                check(tenant.id(), ComplianceFramework.SOC2, "D", Optional.empty())), Actor.of("test", Role.ADMIN));

        assertEquals(List.of(
                        new NextCheck(tenant.id(), ComplianceFramework.OWASP, Optional.of(NOW.plus(Duration.ofDays(1)))),
                        new NextCheck(tenant.id(), ComplianceFramework.SOC2, Optional.empty())),
                db.complianceSchedule().nextChecks(scope));
        assertEquals(List.of(), db.complianceSchedule().nextChecks(TenantScope.tenant(TestTenants.create(db).id())));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void oneOwnerHoldsAClaimUntilItExpiresOrIsReleased(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(db);
        ComplianceScheduleRepository schedule = db.complianceSchedule();
        ComplianceFramework owasp = ComplianceFramework.OWASP;
        Instant until = NOW.plus(Duration.ofMinutes(15));

        assertTrue(schedule.claim(tenant.id(), owasp, "a", NOW, until), "the first claim inserts the row");
        assertFalse(schedule.claim(tenant.id(), owasp, "b", NOW.plusSeconds(1), until), "held by a");
        assertTrue(schedule.claim(tenant.id(), ComplianceFramework.GDPR, "b", NOW, until), "claims are per framework");

        schedule.release(tenant.id(), owasp, "b", NOW, Optional.of("not b's to release"));
        assertFalse(schedule.claim(tenant.id(), owasp, "b", NOW.plusSeconds(2), until), "only the owner releases");

        schedule.release(tenant.id(), owasp, "a", NOW.plus(Duration.ofMinutes(5)), Optional.of("boom"));
        assertFalse(schedule.claim(tenant.id(), owasp, "b", NOW.plus(Duration.ofMinutes(4)), until), "retry time not reached");
        assertEquals(Optional.of("boom"), schedule.claims(TenantScope.tenant(tenant.id())).get(1).lastError());
        assertTrue(schedule.claim(tenant.id(), owasp, "b", NOW.plus(Duration.ofMinutes(5)), until));
        assertEquals("b", schedule.claims(TenantScope.tenant(tenant.id())).stream()
                .filter(claim -> claim.framework() == owasp).findFirst().orElseThrow().claimedBy());
    }
}
