package org.secheaders.domain.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.CheckResult;
import org.secheaders.domain.model.ComplianceEvent;
import org.secheaders.domain.model.ComplianceFramework;
import org.secheaders.domain.model.DeliveryState;
import org.secheaders.domain.model.SecuritySeverity;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.testing.DbKind;
import org.secheaders.domain.testing.TestDatabases;
import org.secheaders.domain.testing.TestTenants;

class ComplianceEventRepositoryTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    private static final Instant DETECTED = Instant.parse("2026-03-01T10:15:30.123456Z");

    static ComplianceEvent.Draft regression(long tenantId, ComplianceFramework framework, String control, Instant at) {
        return new ComplianceEvent.Draft(tenantId, framework, control, "Control " + control, CheckResult.PASS,
                CheckResult.FAIL, SecuritySeverity.HIGH, "Send Strict-Transport-Security: max-age=31536000", at);
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void storesPendingEventsAndListsThemNewestFirstPerScope(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant mine = TestTenants.create(db);
        Tenant other = TestTenants.create(db);
        TenantScope scope = TenantScope.tenant(mine.id());

        List<ComplianceEvent> stored = db.complianceEvents().insert(scope, List.of(
                regression(mine.id(), ComplianceFramework.OWASP, "ASVS-V3.4.1", DETECTED),
                regression(mine.id(), ComplianceFramework.SOC2, "SOC2-CC6.1", DETECTED.plusSeconds(60))));
        db.complianceEvents().insert(TenantScope.platform(),
                List.of(regression(other.id(), ComplianceFramework.GDPR, "GDPR-32.1.a", DETECTED)));

        ComplianceEvent first = stored.get(0);
        assertEquals(ComplianceFramework.OWASP, first.framework());
        assertEquals(CheckResult.PASS, first.before());
        assertEquals(CheckResult.FAIL, first.after());
        assertEquals(SecuritySeverity.HIGH, first.severity());
        assertEquals(DETECTED, first.detectedAt());
        assertEquals(DeliveryState.PENDING, first.deliveryState());
        assertEquals(0, first.attempts());
        assertEquals(Optional.empty(), first.lastError());

        assertEquals(List.of("SOC2-CC6.1", "ASVS-V3.4.1"),
                db.complianceEvents().list(scope, Optional.empty(), 10).stream().map(ComplianceEvent::controlId).toList());
        assertEquals(List.of("ASVS-V3.4.1"), db.complianceEvents().list(scope, Optional.of(ComplianceFramework.OWASP), 10)
                .stream().map(ComplianceEvent::controlId).toList());
        assertEquals(Optional.empty(), db.complianceEvents().findById(TenantScope.tenant(other.id()), first.id()));
        assertThrows(TenantAccessDeniedException.class, () -> db.complianceEvents().insert(scope,
                List.of(regression(other.id(), ComplianceFramework.OWASP, "ASVS-V3.4.1", DETECTED))));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void recordsDeliveriesAndClaimsEachAttemptOnce(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(db);
        TenantScope scope = TenantScope.tenant(tenant.id());
        List<ComplianceEvent> stored = db.complianceEvents().insert(scope, List.of(
                regression(tenant.id(), ComplianceFramework.OWASP, "A", DETECTED),
                regression(tenant.id(), ComplianceFramework.OWASP, "B", DETECTED)));
        long a = stored.get(0).id();
        long b = stored.get(1).id();
        Instant now = DETECTED.plusSeconds(3600);

        assertTrue(db.complianceEvents().claimDelivery(a, now, now.minusSeconds(300)));
        assertFalse(db.complianceEvents().claimDelivery(a, now.plusSeconds(1), now.minusSeconds(299)),
                "a second instance must not post while the first one's lease runs");
        db.complianceEvents().recordDelivered(a, 2, now.plusSeconds(2));
        assertTrue(db.complianceEvents().claimDelivery(b, now, now.minusSeconds(300)));
        db.complianceEvents().recordFailed(b, 3, now.plusSeconds(3), "HTTP 500 " + "x".repeat(2000));

        ComplianceEvent delivered = db.complianceEvents().findById(scope, a).orElseThrow();
        assertEquals(DeliveryState.DELIVERED, delivered.deliveryState());
        assertEquals(2, delivered.attempts());
        assertEquals(Optional.of(now.plusSeconds(2)), delivered.deliveredAt());
        ComplianceEvent failed = db.complianceEvents().findById(scope, b).orElseThrow();
        assertEquals(DeliveryState.FAILED, failed.deliveryState());
        assertEquals(3, failed.attempts());
        assertEquals(Rows.MAX_ERROR_LENGTH, failed.lastError().orElseThrow().length());
        assertFalse(db.complianceEvents().claimDelivery(a, now.plusSeconds(3600), now.plusSeconds(3000)),
                "a delivered event is never posted again");
        assertTrue(db.complianceEvents().claimDelivery(b, now.plusSeconds(4), now.minusSeconds(296)),
                "a failed event is taken by the next tick, lease or not");
        assertFalse(db.complianceEvents().claimDelivery(b, now.plusSeconds(5), now.minusSeconds(295)));
        db.complianceEvents().recordFailed(b, 0, now.plusSeconds(6), "HTTP 500 " + "x".repeat(2000));

        assertEquals(List.of(b), db.complianceEvents().undelivered(scope, 10, 10).stream().map(ComplianceEvent::id).toList());
        assertEquals(List.of(), db.complianceEvents().undelivered(scope, 3, 10), "attempt limit reached");
    }
}
