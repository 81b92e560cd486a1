package org.secheaders.enforcement.collector;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.secheaders.domain.model.SecurityViolation;
import org.secheaders.domain.report.ClientInfo;
import org.secheaders.domain.report.DuplicateTally;
import org.secheaders.domain.report.PipelineResult;
import org.secheaders.domain.report.ProcessedViolation;
import org.secheaders.domain.report.ReportPipeline;
import org.secheaders.domain.report.ReportTenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a batch of log records through the report pipeline and decides what to write: one row per new
 * dedupe window, with every duplicate counted on it, or counts added to a row an earlier batch stored.
 *
 * <p>The pipeline's clock is each record's receipt time, and all its dedupe windows are closed at the
 * end of the batch, so every duplicate it counted is in this batch's plan: nothing is left in memory
 * that a crash after the commit could lose. Planning has no effect outside the plan until
 * {@link #committed}, so a failed plan can be discarded and made again. Used by the worker thread only.
 */
final class BatchPlanner {
    private static final Logger LOG = LoggerFactory.getLogger(BatchPlanner.class);
    /** The metadata key of the log record a row came from. */
    static final String WAL_POSITION = "wal_position";

    private final ReportPipeline pipeline;
    private final ReceiptClock clock;
    private final TenantDirectory tenants;
    private final StorageWindows windows;

    private record PendingRow(ProcessedViolation violation, long walPosition, Occurrences occurrences) {
        PendingRow plus(DuplicateTally tally) {
            return new PendingRow(violation, walPosition,
                    occurrences.plus(tally.duplicates(), tally.lastSeen(), tally.distinctClients()));
        }

        SecurityViolation.Draft draft() {
            return BatchPlanner.draft(violation, walPosition, occurrences);
        }
    }

    /** The counts of one plan, gathered while its records are processed. */
    private static final class Tally {
        final Map<String, Integer> noise = new HashMap<>();
        final Map<String, Integer> other = new HashMap<>();
        int invalid;
        int dropped;

        BatchPlan.Counts counts() {
            return new BatchPlan.Counts(noise, other, invalid, dropped);
        }
    }

    BatchPlanner(ReportPipeline pipeline, ReceiptClock clock, TenantDirectory tenants, StorageWindows windows) {
        this.pipeline = pipeline;
        this.clock = clock;
        this.tenants = tenants;
        this.windows = windows;
    }

    BatchPlan plan(List<LoggedRecord> batch) {
        Map<WindowId, PendingRow> rows = new LinkedHashMap<>();
        List<Instant> receipts = new ArrayList<>(batch.size());
        Tally tally = new Tally();
        for (LoggedRecord logged : batch) {
            receipts.add(logged.record().receivedAt());
            process(logged, rows, tally);
        }
        countTallies(pipeline.closeAll(), rows);
        windows.expire(clock.instant());

        List<SecurityViolation.Draft> inserts = new ArrayList<>();
        List<BatchPlan.Increment> increments = new ArrayList<>();
        List<WindowId> opened = new ArrayList<>();
        long reports = 0;
        for (Map.Entry<WindowId, PendingRow> entry : rows.entrySet()) {
            WindowId window = entry.getKey();
            PendingRow row = entry.getValue();
            reports += row.occurrences().reports();
            Optional<Instant> stored = windows.storedWindow(window.tenantId(), window.dedupeKey(), window.start());
            if (stored.isPresent()) {
                increments.add(new BatchPlan.Increment(new WindowId(window.tenantId(), window.dedupeKey(), stored.get()),
                        row.occurrences(), row.draft()));
            } else {
                inserts.add(row.draft());
                opened.add(window);
            }
        }
        return new BatchPlan(inserts, increments, opened, batch.get(batch.size() - 1).end(), receipts, reports,
                tally.counts());
    }

    /**
     * The pipeline's row ({@link ProcessedViolation#toDraft}) plus {@code wal_position} (the log record
     * it came from) and the {@link Occurrences} counts.
     */
    static SecurityViolation.Draft draft(ProcessedViolation violation, long walPosition, Occurrences occurrences) {
        Map<String, Object> extra = new HashMap<>();
        extra.put(WAL_POSITION, walPosition);
        occurrences.writeTo(extra);
        return violation.toDraft(extra);
    }

    /** Forgets a plan that failed half-way: closes the pipeline's windows it opened. */
    void discard() {
        pipeline.closeAll();
    }

    /** The plan's transaction committed: later batches add to its new rows. */
    void committed(BatchPlan plan) {
        plan.opened().forEach(windows::opened);
    }

    private void process(LoggedRecord logged, Map<WindowId, PendingRow> rows, Tally tally) {
        WalRecord record = logged.record();
        Optional<ReportTenant> tenant = tenants.byId(record.tenantId());
        if (tenant.isEmpty()) {
            LOG.warn("dropping the reports at log position {}: tenant {} no longer exists",
                    logged.position(), record.tenantId());
            tally.dropped++;
            return;
        }
        clock.advanceTo(record.receivedAt());
        PipelineResult result = pipeline.process(tenant.get(), record.mediaType(), record.body(), clientInfo(record));
        result.noiseCounts().forEach((rule, count) -> tally.noise.merge(rule, count, Integer::sum));
        result.otherReportCounts().forEach((type, count) -> tally.other.merge(type, count, Integer::sum));
        tally.invalid += result.errors().size();
        boolean hasClient = record.clientHash().isPresent();
        for (ProcessedViolation violation : result.violations()) {
            Occurrences first = new Occurrences(violation.duplicateCount(), violation.receivedAt(), hasClient ? 1 : 0);
            rows.put(new WindowId(violation.tenantId(), violation.dedupeKey(), violation.receivedAt()),
                    new PendingRow(violation, logged.position(), first));
        }
        countTallies(result.duplicateTallies(), rows);
    }

    /** Every window the deduplicator closes was opened in this batch, whose rows are all in {@code rows}. */
    private static void countTallies(List<DuplicateTally> tallies, Map<WindowId, PendingRow> rows) {
        for (DuplicateTally tally : tallies) {
            WindowId window = new WindowId(tally.tenantId(), tally.dedupeKey(), tally.windowStart());
            if (rows.computeIfPresent(window, (id, row) -> row.plus(tally)) == null) {
                throw new IllegalStateException("duplicate tally for a window this batch did not open: " + window);
            }
        }
    }

    private static ClientInfo clientInfo(WalRecord record) {
        return new ClientInfo(record.userAgent(), record.clientHash().isPresent()
                ? Optional.of(HexFormat.of().toHexDigits(record.clientHash().getAsLong())) : Optional.empty());
    }
}
