package org.secheaders.enforcement.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.secheaders.domain.model.SecurityViolation;
import org.secheaders.domain.report.ReportPipeline;
import org.secheaders.domain.report.ReportTenant;

class BatchPlannerTest {
    private static final long TENANT = 7;
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration WINDOW = Duration.ofSeconds(10);

    private final ReceiptClock clock = new ReceiptClock();
    private final BatchPlanner planner = new BatchPlanner(ReportPipeline.builder(clock).dedupeWindow(WINDOW).build(),
            clock, new OneTenant(), new StorageWindows(WINDOW, 100));
    private long position;

    @Test
    void identicalReportsOfABatchBecomeOneRowThatCountsThemAll() {
        byte[] report = SampleReports.legacyUnknownHost("/same");

        BatchPlan plan = planner.plan(List.of(
                logged(TENANT, T0, 1, report), logged(TENANT, T0.plusMillis(5), 2, report),
                logged(TENANT, T0.plusMillis(9), 2, report), logged(TENANT, T0.plusMillis(9), 3,
                        SampleReports.legacyUnknownHost("/other"))));

        assertEquals(2, plan.inserts().size());
        SecurityViolation.Draft row = plan.inserts().get(0);
        assertEquals(3L, row.metadata().get(Occurrences.REPORT_COUNT));
        assertEquals(T0.plusMillis(9).toString(), row.metadata().get(Occurrences.LAST_SEEN_AT));
        assertEquals(2, row.metadata().get(Occurrences.DISTINCT_CLIENTS));
        assertEquals(T0, row.receivedAt());
        assertEquals(4, plan.reports());
        assertEquals(4, plan.receipts().size());
        assertEquals(position, plan.checkpoint(), "the end of the last record");
    }

    @Test
    void aLaterBatchAddsToTheRowOfAnOpenWindowAndOpensANewOneAfterIt() {
        byte[] report = SampleReports.legacyUnknownHost("/same");
        BatchPlan first = planner.plan(List.of(logged(TENANT, T0, 1, report)));
        planner.committed(first);

        BatchPlan second = planner.plan(List.of(logged(TENANT, T0.plusSeconds(4), 1, report),
                logged(TENANT, T0.plusSeconds(5), 2, report)));

        assertEquals(List.of(), second.inserts());
        BatchPlan.Increment increment = second.increments().get(0);
        assertEquals(T0, increment.window().start(), "counted on the first batch's row");
        assertEquals(new Occurrences(2, T0.plusSeconds(5), 2), increment.added());
        planner.committed(second);

        BatchPlan third = planner.plan(List.of(logged(TENANT, T0.plus(WINDOW), 1, report)));
        assertEquals(1, third.inserts().size(), "the window has closed");
        assertEquals(List.of(), third.increments());
    }

    @Test
    void aWindowIsOnlyKnownToLaterBatchesOnceItsRowIsCommitted() {
        byte[] report = SampleReports.legacyUnknownHost("/same");
        planner.plan(List.of(logged(TENANT, T0, 1, report)));

        BatchPlan retried = planner.plan(List.of(logged(TENANT, T0.plusSeconds(1), 1, report)));

        assertEquals(1, retried.inserts().size());
    }

    @Test
    void aDiscardedPlanLeavesNothingBehindAndCanBeMadeAgain() {
        byte[] report = SampleReports.legacyUnknownHost("/same");
        List<LoggedRecord> batch = List.of(logged(TENANT, T0, 1, report), logged(TENANT, T0.plusMillis(1), 2, report));
        planner.plan(batch.subList(0, 1));
        planner.discard();

        BatchPlan again = planner.plan(batch);

        assertEquals(1, again.inserts().size());
        assertEquals(2L, again.inserts().get(0).metadata().get(Occurrences.REPORT_COUNT));
    }

    @Test
    void otherReportTypesNoiseAndVanishedTenantsAreCountedNotStored() {
        BatchPlan plan = planner.plan(List.of(
                logged(TENANT, T0, 1, SampleReports.batchWithDeprecation()),
                logged(TENANT, T0, 1, SampleReports.legacyExtensionNoise()),
                logged(999, T0, 1, SampleReports.legacyInjection("/"))));

        assertEquals(Map.of("deprecation", 1), plan.counts().otherReportsByType());
        assertEquals(1, plan.counts().noiseByRule().values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(1, plan.counts().droppedRecords());
        assertEquals(2, plan.inserts().size(), "the batch's CSP report and the noise report (stored as false_positive)");
    }

    private LoggedRecord logged(long tenantId, Instant receivedAt, long client, byte[] body) {
        WalRecord record = new WalRecord(tenantId, receivedAt, OptionalLong.of(client), "application/json",
                Optional.of(SampleReports.CHROME_UA), body);
        long start = position;
        position += record.frame().remaining();
        return new LoggedRecord(start, position, record);
    }

    private static final class OneTenant implements TenantDirectory {
        @Override
        public Optional<ReportTenant> bySlug(String slug) {
            return Optional.empty();
        }

        @Override
        public Optional<ReportTenant> byId(long tenantId) {
            return tenantId == TENANT ? Optional.of(ReportTenant.withDefaults(TENANT)) : Optional.empty();
        }
    }
}
