package org.secheaders.enforcement.collector;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.secheaders.domain.model.SecurityViolation;

/**
 * What one batch of log records writes, in one transaction: new rows, counts added to rows stored by
 * earlier batches, and the checkpoint.
 *
 * @param inserts    new violation rows
 * @param increments duplicates of rows stored earlier
 * @param opened     the dedupe windows of the new rows, known to later batches once committed
 * @param checkpoint the end of the batch's last record: everything before it is stored after the commit
 * @param receipts   when each record of the batch was accepted (for the lag metric)
 * @param reports    CSP reports the rows and increments stand for
 * @param counts     what the batch held besides rows, counted in the metrics once it is committed
 */
record BatchPlan(
        List<SecurityViolation.Draft> inserts,
        List<Increment> increments,
        List<WindowId> opened,
        long checkpoint,
        List<Instant> receipts,
        long reports,
        Counts counts) {

    BatchPlan {
        inserts = List.copyOf(inserts);
        increments = List.copyOf(increments);
        opened = List.copyOf(opened);
        receipts = List.copyOf(receipts);
        Objects.requireNonNull(counts, "counts");
    }

    /**
     * @param noiseByRule        CSP reports the noise filter matched, by rule
     * @param otherReportsByType Reporting API reports of other types, by type
     * @param invalidReports     batch items the parser skipped
     * @param droppedRecords     records whose tenant no longer exists
     */
    record Counts(Map<String, Integer> noiseByRule, Map<String, Integer> otherReportsByType, int invalidReports,
                  int droppedRecords) {
        static final Counts NONE = new Counts(Map.of(), Map.of(), 0, 0);

        Counts {
            noiseByRule = Map.copyOf(noiseByRule);
            otherReportsByType = Map.copyOf(otherReportsByType);
        }
    }

    /**
     * Reports to add to the row of an earlier window. If that row is gone (deleted meanwhile), the
     * {@code fallback} row is inserted instead, so the reports are still stored.
     */
    record Increment(WindowId window, Occurrences added, SecurityViolation.Draft fallback) {
        Increment {
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(added, "added");
            Objects.requireNonNull(fallback, "fallback");
        }
    }
}
