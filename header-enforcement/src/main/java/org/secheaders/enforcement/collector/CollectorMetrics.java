package org.secheaders.enforcement.collector;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;

/**
 * What the collector did, for the analytics server to export: requests accepted and rejected (by
 * reason), reports counted as noise or as other Reporting API types, duplicates folded into stored
 * rows, rows and reports stored, and the lag from receipt to stored in an HdrHistogram. Counters only
 * grow; {@link #snapshot()} reads them all at once (each counter is exact, the set is not atomic).
 */
public final class CollectorMetrics {
    private static final long MAX_LAG_MICROS = TimeUnit.HOURS.toMicros(1);
    private static final int SIGNIFICANT_DIGITS = 3;

    private final Supplier<Backlog> backlog;
    private final LongAdder acceptedRequests = new LongAdder();
    private final LongAdder acceptedReports = new LongAdder();
    private final EnumMap<RejectReason, LongAdder> rejected = new EnumMap<>(RejectReason.class);
    private final ConcurrentHashMap<String, LongAdder> noiseByRule = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LongAdder> otherReportsByType = new ConcurrentHashMap<>();
    private final LongAdder invalidReports = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder storedRows = new LongAdder();
    private final LongAdder storedReports = new LongAdder();
    private final LongAdder droppedRecords = new LongAdder();
    private final LongAdder storeFailures = new LongAdder();
    private final Histogram lagMicros = new SynchronizedHistogram(MAX_LAG_MICROS, SIGNIFICANT_DIGITS);
    /** Exporters that need every lag value (a Micrometer timer's buckets), not only the histogram. */
    private final List<LongConsumer> lagObservers = new CopyOnWriteArrayList<>();

    /** Accepted work not yet stored, read when a snapshot is taken. */
    record Backlog(long bytes, int records, int segments) {
    }

    CollectorMetrics(Supplier<Backlog> backlog) {
        this.backlog = backlog;
        for (RejectReason reason : RejectReason.values()) {
            rejected.put(reason, new LongAdder());
        }
    }

    /**
     * All values at one moment.
     *
     * @param acceptedRequests   requests answered 204
     * @param acceptedReports    reports in them (CSP and other types)
     * @param rejected           requests refused, by reason (every reason present)
     * @param noiseByRule        CSP reports the noise filter matched, by noise rule id (stored all the same,
     *                           classified false_positive, unless the pipeline counts noise only)
     * @param otherReportsByType Reporting API reports of other types, counted and not stored
     * @param invalidReports     batch items the parser skipped (the rest of their batch was kept)
     * @param duplicates         reports counted on an earlier identical report's row instead of a row of their own
     * @param storedRows         violation rows inserted
     * @param storedReports      CSP reports those rows (and the duplicate counts) stand for
     * @param droppedRecords     accepted bodies whose tenant had disappeared by the time they were processed
     * @param storeFailures      failed attempts to process or store a batch (each retried until it succeeds)
     * @param backlogBytes       write-ahead log bytes accepted but not yet stored
     * @param backlogRecords     bodies accepted but not yet stored
     * @param walSegments        log segment files on disk
     * @param lag                receipt → stored, per body
     */
    public record Snapshot(
            long acceptedRequests,
            long acceptedReports,
            Map<RejectReason, Long> rejected,
            Map<String, Long> noiseByRule,
            Map<String, Long> otherReportsByType,
            long invalidReports,
            long duplicates,
            long storedRows,
            long storedReports,
            long droppedRecords,
            long storeFailures,
            long backlogBytes,
            int backlogRecords,
            int walSegments,
            Lag lag) {

        public Snapshot {
            rejected = Map.copyOf(rejected);
            noiseByRule = Map.copyOf(noiseByRule);
            otherReportsByType = Map.copyOf(otherReportsByType);
        }

        public long rejected(RejectReason reason) {
            return rejected.getOrDefault(reason, 0L);
        }
    }

    /** Receipt-to-stored lag percentiles in microseconds (of one moment, each exact); all zero before anything was stored. */
    public record Lag(long count, long p50Micros, long p99Micros, long p999Micros, long maxMicros) {
    }

    public Snapshot snapshot() {
        Backlog now = backlog.get();
        Map<RejectReason, Long> rejections = new EnumMap<>(RejectReason.class);
        rejected.forEach((reason, count) -> rejections.put(reason, count.sum()));
        return new Snapshot(acceptedRequests.sum(), acceptedReports.sum(), rejections, sums(noiseByRule),
                sums(otherReportsByType), invalidReports.sum(), duplicates.sum(), storedRows.sum(),
                storedReports.sum(), droppedRecords.sum(), storeFailures.sum(), now.bytes(), now.records(),
                now.segments(), lag());
    }

    /** A copy of the receipt-to-stored lag histogram (microseconds), e.g. for a Prometheus exporter. */
    public Histogram lagHistogram() {
        return lagMicros.copy();
    }

    void accepted(int reports) {
        acceptedRequests.increment();
        acceptedReports.add(reports);
    }

    void rejected(RejectReason reason) {
        rejected.get(reason).increment();
    }

    void storeFailed() {
        storeFailures.increment();
    }

    /** A batch was committed: {@code rows} inserted for its reports, and what else it held. */
    void stored(long rows, long reports, BatchPlan.Counts counts) {
        storedRows.add(rows);
        storedReports.add(reports);
        duplicates.add(reports - rows);
        counts.noiseByRule().forEach((rule, n) -> noiseByRule.computeIfAbsent(rule, r -> new LongAdder()).add(n));
        counts.otherReportsByType().forEach((type, n) -> otherReportsByType.computeIfAbsent(type, t -> new LongAdder()).add(n));
        invalidReports.add(counts.invalidReports());
        droppedRecords.add(counts.droppedRecords());
    }

    void lag(long micros) {
        long bounded = Math.max(0, Math.min(micros, MAX_LAG_MICROS));
        lagMicros.recordValue(bounded);
        lagObservers.forEach(observer -> observer.accept(bounded));
    }

    /** {@code observer} gets each receipt-to-stored lag (µs) recorded from now on, on the worker thread. */
    void observeLag(LongConsumer observer) {
        lagObservers.add(observer);
    }

    /** Read in place (each call is synchronized) rather than from a copy: snapshots may be frequent. */
    private Lag lag() {
        return new Lag(lagMicros.getTotalCount(), lagMicros.getValueAtPercentile(50),
                lagMicros.getValueAtPercentile(99), lagMicros.getValueAtPercentile(99.9), lagMicros.getMaxValue());
    }

    private static Map<String, Long> sums(Map<String, LongAdder> counters) {
        Map<String, Long> sums = new TreeMap<>();
        counters.forEach((key, count) -> sums.put(key, count.sum()));
        return sums;
    }
}
