package org.secheaders.domain.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.AggregationPeriod;
import org.secheaders.domain.model.ApiToken;
import org.secheaders.domain.model.AuditLogEntry;
import org.secheaders.domain.model.CheckResult;
import org.secheaders.domain.model.ComplianceCheck;
import org.secheaders.domain.model.ComplianceFramework;
import org.secheaders.domain.model.IncidentStatus;
import org.secheaders.domain.model.PolicyVersion;
import org.secheaders.domain.model.Role;
import org.secheaders.domain.model.SecurityIncident;
import org.secheaders.domain.model.SecurityMetric;
import org.secheaders.domain.model.SecurityReport;
import org.secheaders.domain.model.SecurityReportFormat;
import org.secheaders.domain.model.SecuritySeverity;
import org.secheaders.domain.model.SecurityViolation;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.model.TenantSecurityPolicy;
import org.secheaders.domain.model.ThreatClassification;
import org.secheaders.domain.testing.DbKind;
import org.secheaders.domain.testing.TestDatabases;
import org.secheaders.domain.testing.TestTenants;

/**
 * Two tenants with rows in every table: each tenant's scope, through every reading (and
 * id-addressed writing) repository method, must never reach the other's rows.
 */
class TenantIsolationTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    private static final Instant T0 = Instant.parse("2025-06-01T10:00:00Z");
    private static final Instant NOW = Instant.parse("2025-06-02T00:00:00Z");

    /** The rows created for one tenant, by id. */
    private record Rows(Tenant tenant, long violation, long policy, long incident, long token, long report) {
        TenantScope scope() {
            return TenantScope.tenant(tenant.id());
        }

        long id() {
            return tenant.id();
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void noTenantScopeReachesAnotherTenantsRows(DbKind kind) {
        Database db = DATABASES.get(kind);
        Rows a = populate(db, TestTenants.create(db));
        Rows b = populate(db, TestTenants.create(db));

        assertIsolated(db, a, b);
        assertIsolated(db, b, a);
    }

    private static Rows populate(Database db, Tenant tenant) {
        TenantScope scope = TenantScope.tenant(tenant.id());
        String tag = tenant.slug();
        db.violations().insertBatch(scope, List.of(
                ViolationRepositoryTest.withSourceFile(ViolationRepositoryTest.report(tenant.id(), "dir-" + tag,
                        "https://" + tag + ".example/x.js", SecuritySeverity.HIGH, ThreatClassification.MALICIOUS, T0),
                        "https://" + tag + ".example/app.js"),
                new SecurityViolation.Draft(tenant.id(), org.secheaders.domain.model.ViolationType.XSS, "dir-" + tag,
                        Optional.of("https://" + tag + ".example/y.js"), "https://" + tag + ".example/", Optional.empty(),
                        Optional.empty(), Optional.of("https://" + tag + ".example/app.js"), Optional.empty(),
                        Optional.empty(), SecuritySeverity.LOW,
                        ThreatClassification.SUSPICIOUS, Optional.empty(), Map.of(), T0.plusSeconds(90))));
        long violation = db.violations().query(scope, ViolationQuery.all(), PageRequest.first(1)).items().get(0).id();
        db.complianceChecks().upsert(scope, List.of(ComplianceCheckRepositoryTest.check(tenant.id(),
                ComplianceFramework.OWASP, "A05", CheckResult.FAIL, Optional.of(T0))), PolicyRepositoryTest.ADMIN);
        db.metrics().insertBatch(scope, List.of(new SecurityMetric.Draft(tenant.id(), "violations", "m-" + tag,
                BigDecimal.ONE, "count", AggregationPeriod.RAW, Map.of(), T0)));
        TenantSecurityPolicy policy = db.policies().insert(scope, PolicyRepositoryTest.policy(tenant.id(), tag, T0),
                PolicyRepositoryTest.ADMIN);
        db.policies().activate(scope, policy.id(), PolicyRepositoryTest.ADMIN);
        SecurityIncident incident = db.incidents().create(scope,
                IncidentRepositoryTest.incident(tenant.id(), tag, T0), "detector");
        ApiToken token = db.apiTokens().create(scope,
                ApiTokenRepositoryTest.token(tag, Role.TENANT_ADMIN, Optional.of(tenant.id()), Optional.empty()));
        SecurityReport report = db.reports().insert(scope, SecurityReportRepositoryTest.report(Optional.of(tenant.id()),
                tag, SecurityReportFormat.JSON));
        return new Rows(tenant, violation, policy.id(), incident.id(), token.id(), report.id());
    }

    private static void assertIsolated(Database db, Rows own, Rows other) {
        TenantScope scope = own.scope();

        assertEquals(List.of(own.tenant()), db.tenants().list(scope));
        assertEquals(Optional.empty(), db.tenants().findById(scope, other.id()));
        assertEquals(Optional.empty(), db.tenants().findBySlug(scope, other.tenant().slug()));

        assertEquals(Optional.empty(), db.violations().findById(scope, other.violation()));
        assertOwn(own, db.violations().query(scope, ViolationQuery.all(), PageRequest.first(100)).items(),
                SecurityViolation::tenantId);
        assertEquals(2, db.violations().count(scope, ViolationQuery.all()));
        for (ViolationGrouping grouping : ViolationGrouping.values()) {
            List<GroupCount> groups = db.violations().countBy(scope, ViolationQuery.all(), grouping, 100);
            assertEquals(2, groups.stream().mapToLong(GroupCount::count).sum(), grouping.name());
            assertTrue(groups.stream().noneMatch(g -> g.key().contains(other.tenant().slug())), grouping.name());
        }
        for (TimeBucket bucket : TimeBucket.values()) {
            assertEquals(2, db.violations().countByBucket(scope, ViolationQuery.all(), bucket).stream()
                    .mapToLong(BucketCount::count).sum(), bucket.name());
        }
        assertEquals(2, db.violations().perMinuteCounts(scope, T0, NOW).stream().mapToLong(BucketCount::count).sum());
        List<ViolationGrouping> everyGrouping = List.of(ViolationGrouping.values());
        assertEquals(2, db.violations().summarize(scope, ViolationQuery.all(), everyGrouping, 100).stream()
                .peek(group -> assertEquals(Long.toString(own.id()), group.key().require(ViolationGrouping.TENANT)))
                .mapToLong(ViolationSummary::count).sum());
        assertEquals(2, db.violations().countByBucket(scope, ViolationQuery.all(), TimeBucket.MINUTE, everyGrouping)
                .stream().mapToLong(GroupedBucketCount::count).sum());
        assertEquals(Set.of(Long.toString(own.id())), db.violations().distinctGroups(scope, ViolationQuery.all(),
                List.of(ViolationGrouping.TENANT)).stream().map(g -> g.require(ViolationGrouping.TENANT)).collect(Collectors.toSet()));
        assertEquals(0, db.violations().resolutionTimes(scope, ViolationQuery.all()).resolved());
        assertEquals(Optional.empty(), db.violations().resolve(scope, other.violation(), "not mine"));
        assertFalse(db.violations().findById(other.scope(), other.violation()).orElseThrow().isResolved());

        assertOwn(own, db.complianceChecks().findByFramework(scope, ComplianceFramework.OWASP), ComplianceCheck::tenantId);
        assertOwn(own, db.complianceChecks().findDue(scope, NOW, 100), ComplianceCheck::tenantId);
        assertEquals(Optional.empty(), db.complianceChecks().findByKey(scope, other.id(), ComplianceFramework.OWASP, "A05"));

        assertOwn(own, db.metrics().query(scope, MetricQuery.all(), PageRequest.first(100)).items(), SecurityMetric::tenantId);
        assertEquals(List.of("m-" + own.tenant().slug()), db.metrics().aggregate(scope, MetricQuery.all(), TimeBucket.DAY)
                .stream().map(MetricAggregate::metricName).toList());

        assertEquals(Optional.empty(), db.policies().findById(scope, other.policy()));
        assertThrows(TenantAccessDeniedException.class, () -> db.policies().findActive(scope, other.id()));
        assertThrows(TenantAccessDeniedException.class, () -> db.policies().listByTenant(scope, other.id()));
        assertOwn(own, db.policies().findActive(scope, own.id()), TenantSecurityPolicy::tenantId);
        assertEquals(Optional.empty(), db.policies().update(scope, other.policy(),
                PolicyRepositoryTest.policy(own.id(), "hijack", T0), PolicyRepositoryTest.ADMIN));
        assertEquals(Optional.empty(), db.policies().deactivate(scope, other.policy(), PolicyRepositoryTest.ADMIN));
        assertEquals(Optional.empty(), db.policies().activate(scope, other.policy(), PolicyRepositoryTest.ADMIN));
        assertTrue(db.policies().findById(other.scope(), other.policy()).orElseThrow().active());

        assertOwn(own, db.policyVersions().changedSince(scope, 0), PolicyVersion::tenantId);
        assertEquals(db.policyVersions().current(scope, own.id()), db.policyVersions().watermark(scope));
        assertThrows(TenantAccessDeniedException.class, () -> db.policyVersions().current(scope, other.id()));

        assertEquals(Optional.empty(), db.incidents().findById(scope, other.incident()));
        assertOwn(own, db.incidents().list(scope, Optional.empty(), PageRequest.first(100)).items(), SecurityIncident::tenantId);
        assertEquals(List.of(), db.incidents().timeline(scope, other.incident()));
        assertEquals(Optional.empty(), db.incidents().updateStatus(scope, other.incident(), IncidentStatus.CLOSED, "x", Map.of()));
        assertEquals(Optional.empty(), db.incidents().addEvent(scope, other.incident(), "note", "x", Map.of()));
        assertEquals(1, db.incidents().timeline(other.scope(), other.incident()).size());

        List<AuditLogEntry> audit = db.auditLog().query(scope, AuditQuery.all(), PageRequest.first(100)).items();
        assertFalse(audit.isEmpty());
        assertTrue(audit.stream().allMatch(e -> e.tenantId().equals(Optional.of(own.id()))));

        assertOwn(own, db.apiTokens().list(scope), token -> token.tenantId().orElseThrow());

        assertEquals(Optional.empty(), db.reports().findById(scope, other.report()));
        assertOwn(own, db.reports().list(scope, PageRequest.first(100)).items(), info -> info.tenantId().orElseThrow());
        assertEquals(Optional.empty(), db.apiTokens().revoke(scope, other.token()));
    }

    private static <T> void assertOwn(Rows own, List<T> rows, java.util.function.ToLongFunction<T> tenantOf) {
        assertFalse(rows.isEmpty(), "the tenant's own rows are visible");
        assertTrue(rows.stream().allMatch(row -> tenantOf.applyAsLong(row) == own.id()), rows::toString);
    }
}
