package org.secheaders.domain.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.SecuritySeverity;
import org.secheaders.domain.model.SecurityViolation;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.model.ThreatClassification;
import org.secheaders.domain.testing.DbKind;
import org.secheaders.domain.testing.TestDatabases;
import org.secheaders.domain.testing.TestTenants;

/** {@link ViolationRepository#groupsSeen} and {@link ViolationRepository#list}, the analytics server's cheaper reads. */
class ViolationAnalyticsReadsTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    private static final Instant T0 = Instant.parse("2025-06-01T10:00:00Z");

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void groupsSeenGivesEachGroupsFirstAndLastReceiptWithinTheScopeAndFilter(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(db);
        Tenant other = TestTenants.create(db);
        TenantScope scope = TenantScope.tenant(tenant.id());
        db.violations().insertBatch(TenantScope.platform(), List.of(
                report(tenant, "script-src", "https://evil.example/a.js", T0.plusMillis(1_500)),
                report(tenant, "script-src", "https://evil.example/b.js", T0.plusSeconds(3_600).plusMillis(250)),
                report(tenant, "style-src", "inline", T0.plusSeconds(90)),
                report(tenant, "script-src", "https://evil.example/c.js", T0.plusSeconds(7_200)),
                report(other, "script-src", "https://evil.example/a.js", T0)));
        List<ViolationGrouping> groupings = List.of(ViolationGrouping.TENANT, ViolationGrouping.DIRECTIVE,
                ViolationGrouping.BLOCKED_RESOURCE);

        List<GroupSeen> seen = db.violations().groupsSeen(scope, ViolationQuery.all().receivedBefore(T0.plusSeconds(7_200)),
                groupings);

        assertEquals(Set.of(
                new GroupSeen(key(tenant, "script-src", "evil.example"), T0.plusMillis(1_500),
                        T0.plusSeconds(3_600).plusMillis(250)),
                new GroupSeen(key(tenant, "style-src", "inline"), T0.plusSeconds(90), T0.plusSeconds(90))),
                Set.copyOf(seen));
        assertEquals(2, seen.size());
        assertEquals(List.of(), db.violations().groupsSeen(scope, ViolationQuery.all().receivedBefore(T0), groupings));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void listGivesThePageOfQueryWithoutItsCount(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(db);
        TenantScope scope = TenantScope.tenant(tenant.id());
        for (int i = 0; i < 5; i++) {
            db.violations().insertBatch(scope, List.of(report(tenant, "img-src", "https://img.example/" + i, T0.plusSeconds(i))));
        }
        ViolationQuery query = ViolationQuery.all().between(T0.plusSeconds(1), T0.plusSeconds(5));

        for (PageRequest page : List.of(PageRequest.first(2), new PageRequest(2, 2), new PageRequest(4, 2))) {
            assertEquals(db.violations().query(scope, query, page).items(), db.violations().list(scope, query, page));
        }
        assertEquals(List.of(T0.plusSeconds(4), T0.plusSeconds(3)), db.violations().list(scope, query, PageRequest.first(2))
                .stream().map(SecurityViolation::createdAt).toList());
    }

    private static GroupedValues key(Tenant tenant, String directive, String blocked) {
        return new GroupedValues(Map.of(ViolationGrouping.TENANT, Long.toString(tenant.id()),
                ViolationGrouping.DIRECTIVE, directive, ViolationGrouping.BLOCKED_RESOURCE, blocked));
    }

    private static SecurityViolation.Draft report(Tenant tenant, String directive, String blockedUri, Instant receivedAt) {
        return ViolationRepositoryTest.report(tenant.id(), directive, blockedUri, SecuritySeverity.LOW,
                ThreatClassification.UNKNOWN, receivedAt);
    }
}
