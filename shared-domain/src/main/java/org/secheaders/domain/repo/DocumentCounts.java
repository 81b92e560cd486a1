package org.secheaders.domain.repo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.secheaders.domain.db.Dialect;
import org.secheaders.domain.db.UtcTimestamps;
import org.secheaders.domain.repo.BucketTallies.BucketKey;
import org.secheaders.domain.repo.BucketTallies.Fingerprint;

/**
 * Violations per tenant, UTC hour or day and document, kept lazily for the top-documents breakdown
 * (tables {@code violation_document_buckets} and {@code violation_document_counts}, migration 009;
 * docs/ROLLUPS.md, "Document counts"). A closed bucket's counts are taken from the raw rows the first
 * time a breakdown reads the bucket and stored with the fingerprint they were counted from (its
 * violations and highest id); they are reused while the rollup's tally of that tenant and bucket is
 * the same. Violations are only ever inserted, each with its rollup rows in one transaction, so an equal
 * tally means the same rows. Nothing is written at intake: a document rollup kept with the violations
 * made the collector fall behind (BENCHMARKS.md).
 */
final class DocumentCounts {
    /** Buckets ending less than this before now are read raw: their reports may still be arriving. */
    static final Duration SETTLE = Duration.ofMinutes(2);
    private static final List<ViolationRollup.Level> LEVELS = List.of(ViolationRollup.Level.DAY, ViolationRollup.Level.HOUR);
    /** Stored counts with the fingerprint of their bucket, in one statement so that the two agree. */
    private static final String STORED = "SELECT c.tenant_id, c.bucket_start, c.document_uri, c.violation_count,"
            + " b.violation_count AS bucket_n, b.highest_id AS bucket_highest_id"
            + " FROM violation_document_counts c JOIN violation_document_buckets b ON b.tenant_id = c.tenant_id"
            + " AND b.bucket_width = c.bucket_width AND b.bucket_start = c.bucket_start%s";
    private static final String DELETE_COUNTS =
            "DELETE FROM violation_document_counts WHERE tenant_id = :tenant_id AND bucket_width = :width AND bucket_start = :start";
    private static final String DELETE_BUCKET =
            "DELETE FROM violation_document_buckets WHERE tenant_id = :tenant_id AND bucket_width = :width AND bucket_start = :start";
    private static final String INSERT_BUCKET = "INSERT INTO violation_document_buckets (tenant_id, bucket_width, bucket_start,"
            + " violation_count, highest_id, stored_at) VALUES (:tenant_id, :width, :start, :n, :highest_id, :stored_at)";
    private static final String INSERT_COUNT = "INSERT INTO violation_document_counts (tenant_id, bucket_width, bucket_start,"
            + " document_hash, document_uri, violation_count) VALUES (:tenant_id, :width, :start, :hash, :uri, :n)";

    private final Jdbi jdbi;
    private final Dialect dialect;
    private final Clock clock;

    DocumentCounts(Jdbi jdbi, Dialect dialect, Clock clock) {
        this.jdbi = jdbi;
        this.dialect = dialect;
        this.clock = clock;
    }

    /** Whether these counts answer {@code query}: it has no filter but the time range (and the caller's scope). */
    static boolean answer(ViolationQuery query) {
        return query.onlyTimeRange();
    }

    /** A bucket counted from the raw rows during a read, to be stored after it. */
    record CountedBucket(BucketKey key, Fingerprint fingerprint, Map<String, Long> byDocument) {
    }

    /** A stored count and the fingerprint of its bucket. */
    private record StoredCount(BucketKey key, Fingerprint fingerprint, String documentUri, long count) {
    }

    /** A raw count of one bucket and document, with the bucket's highest id among those rows. */
    private record RawCount(Instant start, String documentUri, long count, long highestId) {
    }

    /** The violations per document of a read, and the buckets it counted afresh. */
    record Counted(Map<String, Long> byDocument, List<CountedBucket> fresh) {
        /** The {@code limit} most frequent documents, ties by URI. */
        List<GroupCount> top(int limit) {
            return byDocument.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(limit)
                    .map(entry -> new GroupCount(entry.getKey(), entry.getValue()))
                    .toList();
        }
    }

    /**
     * Violations per document of the scope in {@code query}'s range (which {@link #answer} must accept),
     * on the thread's handle: stored counts of the closed whole days and hours whose tally is unchanged,
     * the raw rows for the rest. Buckets counted from the raw rows are returned for {@link #store}.
     */
    Counted count(TenantScope scope, ViolationQuery query) {
        Instant settled = clock.instant().minus(SETTLE);
        Map<String, Long> byDocument = new HashMap<>();
        List<CountedBucket> fresh = new ArrayList<>();
        for (RangePiece piece : RangePiece.cut(query.from(), query.to(), LEVELS)) {
            if (piece.level().isEmpty()) {
                addRaw(scope, piece.from(), piece.to(), byDocument);
                continue;
            }
            ViolationRollup.Level level = piece.level().get();
            // Whole buckets that ended before `settled` come from the stored counts; later ones are read raw.
            Instant closed = level.floor(settled);
            Instant end = piece.to().filter(to -> to.isBefore(closed)).orElse(closed);
            if (piece.from().isPresent() && !piece.from().get().isBefore(end)) {
                addRaw(scope, piece.from(), piece.to(), byDocument);
                continue;
            }
            fresh.addAll(addBuckets(scope, level, piece.from(), end, byDocument));
            if (piece.to().isEmpty() || end.isBefore(piece.to().get())) {
                addRaw(scope, Optional.of(end), piece.to(), byDocument);
            }
        }
        return new Counted(byDocument, fresh);
    }

    /** Adds the counts of the level's buckets starting in {@code [from, to)}; returns those counted afresh. */
    private List<CountedBucket> addBuckets(TenantScope scope, ViolationRollup.Level level, Optional<Instant> from,
            Instant to, Map<String, Long> byDocument) {
        Map<BucketKey, Fingerprint> tallies = BucketTallies.read(jdbi, scope, level, from, to);
        Where stored = bucketRange(Where.scoped(scope, "c.tenant_id"), "c.", level, from, to);
        List<StoredCount> rows = jdbi.withHandle(handle -> stored.bind(handle.createQuery(String.format(STORED, stored.sql())))
                .map((rs, ctx) -> new StoredCount(
                        new BucketKey(rs.getLong("tenant_id"), level, UtcTimestamps.read(rs, "bucket_start")),
                        new Fingerprint(rs.getLong("bucket_n"), rs.getLong("bucket_highest_id")),
                        rs.getString("document_uri"), rs.getLong("violation_count")))
                .list());
        Set<BucketKey> valid = new HashSet<>();
        for (StoredCount row : rows) {
            if (row.fingerprint().equals(tallies.get(row.key()))) {
                valid.add(row.key());
                byDocument.merge(row.documentUri(), row.count(), Long::sum);
            }
        }
        List<BucketKey> stale = tallies.keySet().stream().filter(key -> !valid.contains(key)).toList();
        List<CountedBucket> fresh = countRaw(scope, level, stale);
        fresh.forEach(bucket -> bucket.byDocument().forEach((uri, n) -> byDocument.merge(uri, n, Long::sum)));
        return fresh;
    }

    /**
     * Counts the buckets from the raw rows: per tenant, one statement per run of consecutive buckets, which
     * also gives each bucket's fingerprint (its violations and highest id, in the same snapshot).
     */
    private List<CountedBucket> countRaw(TenantScope scope, ViolationRollup.Level level, List<BucketKey> stale) {
        List<CountedBucket> counted = new ArrayList<>();
        String bucket = level.bucket().truncate(dialect, "created_at");
        String select = "SELECT " + bucket + " AS bucket_start, document_uri, COUNT(*) AS n, MAX(id) AS highest_id"
                + " FROM security_violations";
        String groupBy = " GROUP BY " + bucket + ", document_uri";
        for (List<BucketKey> run : BucketTallies.runs(stale)) {
            BucketKey first = run.get(0);
            Instant end = level.next(run.get(run.size() - 1).start());
            // The tallies were read in the scope; the tenant condition lets the (tenant, time) index serve.
            Where where = Where.scoped(TenantScope.tenant(first.tenantId()))
                    .and("created_at >= :from", "from", first.start()).and("created_at < :to", "to", end);
            List<RawCount> rows = jdbi.withHandle(handle -> where.bind(handle.createQuery(select + where.sql() + groupBy))
                    .map((rs, ctx) -> new RawCount(UtcTimestamps.read(rs, "bucket_start"), rs.getString("document_uri"),
                            rs.getLong("n"), rs.getLong("highest_id")))
                    .list());
            Map<Instant, Map<String, Long>> documents = new TreeMap<>();
            Map<Instant, Long> highest = new HashMap<>();
            for (RawCount row : rows) {
                documents.computeIfAbsent(row.start(), start -> new HashMap<>()).merge(row.documentUri(), row.count(), Long::sum);
                highest.merge(row.start(), row.highestId(), Math::max);
            }
            documents.forEach((start, byDocument) -> counted.add(new CountedBucket(
                    new BucketKey(first.tenantId(), level, start),
                    new Fingerprint(byDocument.values().stream().mapToLong(Long::longValue).sum(), highest.get(start)),
                    byDocument)));
        }
        return counted;
    }

    private void addRaw(TenantScope scope, Optional<Instant> from, Optional<Instant> to, Map<String, Long> byDocument) {
        Where where = Where.scoped(scope).and(from, "created_at >= :from", "from").and(to, "created_at < :to", "to");
        List<GroupCount> rows = jdbi.withHandle(handle -> where.bind(handle.createQuery(
                        "SELECT document_uri, COUNT(*) AS n FROM security_violations" + where.sql() + " GROUP BY document_uri"))
                .map((rs, ctx) -> new GroupCount(rs.getString("document_uri"), rs.getLong("n")))
                .list());
        rows.forEach(row -> byDocument.merge(row.key(), row.count(), Long::sum));
    }

    private static Where bucketRange(Where where, String alias, ViolationRollup.Level level, Optional<Instant> from,
            Instant to) {
        return where.and(alias + "bucket_width = :width", "width", width(level))
                .and(from, alias + "bucket_start >= :from", "from")
                .and(alias + "bucket_start < :to", "to", to);
    }

    /**
     * Stores the buckets counted by a read, replacing what was stored for them, in one transaction on a
     * connection of its own (call it after the read's snapshot); run again if it loses to a concurrent
     * writer of the same buckets. Buckets are written in key order.
     */
    void store(List<CountedBucket> buckets) {
        if (buckets.isEmpty()) {
            return;
        }
        List<CountedBucket> sorted = buckets.stream().sorted(Comparator.comparing(CountedBucket::key, BucketKey.ORDER)).toList();
        Instant now = clock.instant();
        try (Handle handle = jdbi.open()) {
            ConcurrentWriters.retried(handle, h -> {
                for (CountedBucket bucket : sorted) {
                    BucketKey key = bucket.key();
                    for (String sql : List.of(DELETE_BUCKET, DELETE_COUNTS)) {
                        h.createUpdate(sql).bind("tenant_id", key.tenantId()).bind("width", width(key.level()))
                                .bind("start", key.start()).execute();
                    }
                    h.createUpdate(INSERT_BUCKET).bind("tenant_id", key.tenantId()).bind("width", width(key.level()))
                            .bind("start", key.start()).bind("n", bucket.fingerprint().violations())
                            .bind("highest_id", bucket.fingerprint().highestId()).bind("stored_at", now).execute();
                    PreparedBatch counts = h.prepareBatch(INSERT_COUNT);
                    bucket.byDocument().forEach((uri, n) -> counts.bind("tenant_id", key.tenantId())
                            .bind("width", width(key.level())).bind("start", key.start()).bind("hash", hash(uri))
                            .bind("uri", uri).bind("n", n).add());
                    counts.execute();
                }
            });
        }
    }

    private static String width(ViolationRollup.Level level) {
        return level.bucket().name().toLowerCase(Locale.ROOT);
    }

    /** SHA-256 (hex) of the URI: the key column, as a URI does not fit a MariaDB index key. */
    private static String hash(String uri) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(uri.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-256", e);
        }
    }
}
