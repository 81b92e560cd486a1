package org.secheaders.domain.repo;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;
import org.secheaders.domain.db.Dialect;
import org.secheaders.domain.db.UtcTimestamps;

/**
 * The judged-window cache of the anomaly scans (table {@code anomaly_window_findings}, migration 008) and
 * the day tallies its entries are validated against. The findings are opaque JSON here; what they
 * mean and when an entry is valid is the caller's (docs/ANOMALY_DETECTION.md, "Judged-window cache").
 */
public final class AnomalyWindowRepository {
    private static final String DAY_TALLIES = """
            SELECT tenant_id, bucket_start, SUM(violation_count) AS n, MAX(highest_id) AS highest_id,
                MIN(first_seen) AS first_seen
            FROM violation_day_counts%s
            GROUP BY tenant_id, bucket_start
            ORDER BY tenant_id, bucket_start""";
    private static final List<String> COLUMNS = List.of("tenant_id", "window_start", "window_end", "series_start",
            "detector", "violation_count", "highest_id", "findings", "stored_at");
    private static final List<String> KEY = COLUMNS.subList(0, 5);
    private static final String EXPIRED = "SELECT COUNT(*) FROM anomaly_window_findings WHERE window_end < :horizon";
    private static final String PURGE = "DELETE FROM anomaly_window_findings WHERE window_end < :horizon";
    private final Jdbi jdbi;
    private final Clock clock;
    private final String upsert;

    public AnomalyWindowRepository(Jdbi jdbi, Dialect dialect, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.upsert = Upsert.sql(dialect, "anomaly_window_findings", COLUMNS, KEY);
    }

    /** A tenant's violations received on one UTC day (from the day rollup), and the earliest receipt. */
    public record DayTally(long tenantId, Instant day, long violations, long highestId, Instant firstSeen) {
    }

    /** The key of a judged window: findings are per tenant, window, series start and detector. */
    public record WindowKey(long tenantId, Instant windowStart, Instant windowEnd, Instant seriesStart, String detector) {
    }

    /** What the findings were judged from: the tenant's violations on every day starting before the window's end. */
    public record Fingerprint(long violations, long highestId) {
    }

    public record JudgedWindow(WindowKey key, Fingerprint fingerprint, String findings) {
    }

    /** The day tallies of the scope's tenants for the days starting before {@code before}, by tenant and day. */
    public List<DayTally> dayTallies(TenantScope scope, Instant before) {
        Where where = Where.scoped(scope).and("bucket_start < :before", "before", before);
        return jdbi.withHandle(handle -> where.bind(handle.createQuery(String.format(DAY_TALLIES, where.sql())))
                .map((rs, ctx) -> new DayTally(rs.getLong("tenant_id"), UtcTimestamps.read(rs, "bucket_start"),
                        rs.getLong("n"), rs.getLong("highest_id"), UtcTimestamps.read(rs, "first_seen")))
                .list());
    }

    /** The stored windows of the scope's tenants lying within {@code [from, to)}, whatever their fingerprint. */
    public List<JudgedWindow> find(TenantScope scope, Instant from, Instant to) {
        Where where = Where.scoped(scope).and("window_start >= :from", "from", from).and("window_end <= :to", "to", to);
        return jdbi.withHandle(handle -> where.bind(handle.createQuery("SELECT " + String.join(", ", COLUMNS)
                        + " FROM anomaly_window_findings" + where.sql()))
                .map((rs, ctx) -> new JudgedWindow(new WindowKey(rs.getLong("tenant_id"),
                        UtcTimestamps.read(rs, "window_start"), UtcTimestamps.read(rs, "window_end"),
                        UtcTimestamps.read(rs, "series_start"), rs.getString("detector")),
                        new Fingerprint(rs.getLong("violation_count"), rs.getLong("highest_id")),
                        rs.getString("findings")))
                .list());
    }

    /**
     * Stores the windows (replacing an entry of the same key), then deletes the entries ending before
     * {@code horizon}, each in a transaction on a connection of its own: the caller may be inside a
     * repeatable-read snapshot, where an upsert could conflict with a concurrent writer. Rows are written
     * in key order. A transaction that loses to a concurrent writer (a deadlock, or H2's MERGE losing the
     * race to insert a new key) is run again: the winner's rows are then committed and are updated.
     *
     * @throws TenantAccessDeniedException if a window belongs to a tenant outside {@code scope}
     */
    public void store(TenantScope scope, Collection<JudgedWindow> windows, Instant horizon) {
        windows.forEach(window -> scope.requireAccess(window.key().tenantId()));
        List<JudgedWindow> sorted = windows.stream().sorted(Comparator.comparing((JudgedWindow w) -> w.key().tenantId())
                .thenComparing(w -> w.key().windowStart()).thenComparing(w -> w.key().windowEnd())
                .thenComparing(w -> w.key().seriesStart()).thenComparing(w -> w.key().detector())).toList();
        Instant now = clock.instant();
        try (Handle handle = jdbi.open()) {
            if (!sorted.isEmpty()) {
                ConcurrentWriters.retried(handle, h -> {
                    PreparedBatch batch = h.prepareBatch(upsert);
                    sorted.forEach(window -> bind(batch, window, now).add());
                    batch.execute();
                });
            }
            // Looked for without locks first: the locking range delete is needed about once a day.
            boolean expired = handle.createQuery(EXPIRED).bind("horizon", horizon).mapTo(Long.class).one() > 0;
            if (expired) {
                ConcurrentWriters.retried(handle, h -> h.createUpdate(PURGE).bind("horizon", horizon).execute());
            }
        }
    }

    private static <S extends SqlStatement<S>> S bind(S statement, JudgedWindow window,
            Instant now) {
        WindowKey key = window.key();
        return statement.bind("tenant_id", key.tenantId())
                .bind("window_start", key.windowStart())
                .bind("window_end", key.windowEnd())
                .bind("series_start", key.seriesStart())
                .bind("detector", key.detector())
                .bind("violation_count", window.fingerprint().violations())
                .bind("highest_id", window.fingerprint().highestId())
                .bind("findings", window.findings())
                .bind("stored_at", now);
    }
}
