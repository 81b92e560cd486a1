package org.secheaders.enforcement.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.SecurityViolation;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.report.ClientInfo;
import org.secheaders.domain.report.ProcessedViolation;
import org.secheaders.domain.report.ReportPipeline;
import org.secheaders.domain.report.ReportTenant;
import org.secheaders.domain.testing.DbKind;
import org.secheaders.domain.testing.TestDatabases;
import org.secheaders.domain.testing.TestTenants;

/** The batch transaction on H2, PostgreSQL and MariaDB: rows, counts and checkpoint commit together or not at all. */
class ViolationStoreTest {
    private static final Instant RECEIVED = Instant.parse("2026-03-01T10:15:30.123456Z");

    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void rowsAndTheCheckpointAreCommittedTogether(DbKind kind) {
        Database database = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(database);
        ViolationStore store = store(database, "store-commit-" + kind);
        assertEquals(0, store.checkpoint(), "a new collector starts at the beginning of its log");

        int inserted = store.commit(plan(List.of(draft(tenant, "/a", 1), draft(tenant, "/b", 3)), List.of(), 4242));

        assertEquals(2, inserted);
        assertEquals(4242, store.checkpoint());
        List<SecurityViolation> rows = StoredViolations.of(database, tenant.id());
        assertEquals(4, StoredViolations.totalReports(rows));
        assertEquals(RECEIVED, rows.get(0).createdAt(), "created_at is the receipt time, to the microsecond");
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aFailedCommitLeavesNoRowsBehind(DbKind kind) {
        Database database = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(database);
        // No checkpoint() call: the checkpoint row is missing, so the commit fails after inserting the rows.
        ViolationStore store = store(database, "store-no-row-" + kind);

        assertThrows(IllegalStateException.class,
                () -> store.commit(plan(List.of(draft(tenant, "/a", 1)), List.of(), 100)));

        assertEquals(List.of(), StoredViolations.of(database, tenant.id()),
                "the repository's insert joined the batch transaction and was rolled back with it");
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void incrementsAddToTheRowOfTheirWindow(DbKind kind) {
        Database database = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(database);
        ViolationStore store = store(database, "store-increment-" + kind);
        store.checkpoint();
        SecurityViolation.Draft first = draft(tenant, "/a", 2);
        store.commit(plan(List.of(first, draft(tenant, "/other", 1)), List.of(), 10));
        Instant later = RECEIVED.plusSeconds(3);

        store.commit(plan(List.of(), List.of(increment(first, new Occurrences(5, later, 3))), 20));

        List<SecurityViolation> rows = StoredViolations.of(database, tenant.id());
        SecurityViolation row = rows.stream().filter(r -> r.documentUri().endsWith("/a")).findFirst().orElseThrow();
        assertEquals(2, rows.size());
        assertEquals(7L, StoredViolations.reportCount(row));
        assertEquals(later.toString(), row.metadata().get(Occurrences.LAST_SEEN_AT));
        assertEquals(3, ((Number) row.metadata().get(Occurrences.DISTINCT_CLIENTS)).intValue());
        assertTrue(row.updatedAt().isAfter(row.createdAt()));
        assertEquals(20, store.checkpoint());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void anIncrementWhoseRowIsGoneInsertsItsFallback(DbKind kind) {
        Database database = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(database);
        ViolationStore store = store(database, "store-fallback-" + kind);
        store.checkpoint();
        SecurityViolation.Draft neverStored = draft(tenant, "/gone", 4);

        int inserted = store.commit(plan(List.of(), List.of(increment(neverStored, new Occurrences(4, RECEIVED, 1))), 30));

        assertEquals(1, inserted);
        assertEquals(4, StoredViolations.totalReports(StoredViolations.of(database, tenant.id())));
    }

    private static ViolationStore store(Database database, String collectorId) {
        return new ViolationStore(database, collectorId, InstantSource.system());
    }

    private static BatchPlan plan(List<SecurityViolation.Draft> inserts, List<BatchPlan.Increment> increments,
                                  long checkpoint) {
        return new BatchPlan(inserts, increments, List.of(), checkpoint, List.of(RECEIVED), 0, BatchPlan.Counts.NONE);
    }

    private static BatchPlan.Increment increment(SecurityViolation.Draft row, Occurrences added) {
        String key = (String) row.metadata().get(ProcessedViolation.DEDUPE_KEY);
        return new BatchPlan.Increment(new WindowId(row.tenantId(), key, row.receivedAt()), added, row);
    }

    /** A draft built by the real pipeline from a legacy report on {@code page}. */
    private static SecurityViolation.Draft draft(Tenant tenant, String page, long reports) {
        ProcessedViolation violation = ReportPipeline.builder(InstantSource.fixed(RECEIVED)).build()
                .process(ReportTenant.withDefaults(tenant.id()), "application/csp-report",
                        SampleReports.legacyUnknownHost(page), ClientInfo.none())
                .violations().get(0);
        return BatchPlanner.draft(violation, 0, new Occurrences(reports, RECEIVED, 1));
    }
}
