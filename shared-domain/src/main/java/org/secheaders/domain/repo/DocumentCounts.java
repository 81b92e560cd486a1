package org.secheaders.domain.repo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;
import org.secheaders.domain.db.Dialect;
import org.secheaders.domain.db.UtcTimestamps;
import org.secheaders.domain.model.SecuritySeverity;
import org.secheaders.domain.model.ThreatClassification;
import org.secheaders.domain.repo.BucketTallies.BucketKey;
import org.secheaders.domain.repo.BucketTallies.Fingerprint;

/**
 * Violations per tenant, UTC hour or day, document, severity and classification, kept lazily for the
 * top-documents breakdown
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
    /**
     * Stored buckets with their fingerprint and the counts matching the read's filters (appended to the join
     * condition), in one statement so that the two agree; a bucket without matching counts comes once, with NULLs.
     */
    private static final String STORED = "SELECT b.tenant_id, b.bucket_width, b.bucket_start, b.violation_count AS bucket_n,"
            + " b.highest_id AS bucket_highest_id, c.document_uri, c.violation_count"
            + " FROM violation_document_buckets b LEFT JOIN violation_document_counts c ON c.tenant_id = b.tenant_id"
            + " AND c.bucket_width = b.bucket_width AND c.bucket_start = b.bucket_start";
    /** Counts of documents no longer among a recounted bucket's: none while violations are only inserted. */
    private static final String DELETE_COUNTS =
            "DELETE FROM violation_document_counts WHERE tenant_id = :tenant_id AND bucket_width = :bucket_width"
            + " AND bucket_start = :bucket_start";
    private static final List<String> BUCKET_KEY = List.of("tenant_id", "bucket_width", "bucket_start");

    private final Jdbi jdbi;
    private final Dialect dialect;
    private final Clock clock;
    private final String upsertBucket;
    private final String upsertCount;

    DocumentCounts(Jdbi jdbi, Dialect dialect, Clock clock) {
        this.jdbi = jdbi;
        this.dialect = dialect;
        this.clock = clock;
        this.upsertBucket = Upsert.sql(dialect, "violation_document_buckets",
                List.of("tenant_id", "bucket_width", "bucket_start", "violation_count", "highest_id", "stored_at"), BUCKET_KEY);
        this.upsertCount = Upsert.sql(dialect, "violation_document_counts",
                List.of("tenant_id", "bucket_width", "bucket_start", "document_hash", "severity_level", "threat_classification",
                        "document_uri", "violation_count"),
                List.of("tenant_id", "bucket_width", "bucket_start", "document_hash", "severity_level", "threat_classification"));
    }

    /**
     * Whether these counts answer {@code query}: it has no filter but the time range, the severity and the
     * classification (and the caller's scope).
     */
    static boolean answer(ViolationQuery query) {
        return query.type().isEmpty() && query.directive().isEmpty() && query.blockedHost().isEmpty()
                && query.blockedUri().isEmpty() && query.documentUri().isEmpty() && query.resolved().isEmpty();
    }

    /** What a count is kept per within a bucket: the document and the two filters a breakdown may have. */
    record Cell(String documentUri, String severity, String classification) {
    }

    /** A bucket counted from the raw rows during a read, to be stored after it. */
    record CountedBucket(BucketKey key, Fingerprint fingerprint, Map<Cell, Long> cells, boolean recounted) {
    }

    /** A stored bucket's fingerprint and one of its counts matching the read's filters, if any. */
    private record StoredCount(BucketKey key, Fingerprint fingerprint, Optional<String> documentUri, long count) {
    }

    /** A raw count of one bucket and cell, with the bucket's highest id among those rows. */
    private record RawCount(BucketKey key, Cell cell, long count, long highestId) {
    }

    /** The severity and classification a read is filtered on, where it is. */
    private record Facets(Optional<String> severity, Optional<String> classification) {
        static Facets of(ViolationQuery query) {
            return new Facets(query.severity().map(SecuritySeverity::wireName),
                    query.classification().map(ThreatClassification::wireName));
        }

        boolean match(Cell cell) {
            return severity.map(cell.severity()::equals).orElse(true)
                    && classification.map(cell.classification()::equals).orElse(true);
        }

        /** {@code where} with the filters on the raw rows' columns. */
        Where filter(Where where) {
            return where.and(severity, "severity_level = :facet_severity", "facet_severity")
                    .and(classification, "threat_classification = :facet_classification", "facet_classification");
        }

        /** The filters on {@code alias}'s columns as join conditions, each starting with AND. */
        String conditions(String alias) {
            return severity.map(s -> " AND " + alias + "severity_level = :facet_severity").orElse("")
                    + classification.map(c -> " AND " + alias + "threat_classification = :facet_classification").orElse("");
        }

        <S extends SqlStatement<S>> S bind(S statement) {
            severity.ifPresent(value -> statement.bind("facet_severity", value));
            classification.ifPresent(value -> statement.bind("facet_classification", value));
            return statement;
        }
    }

    /** The violations per document of a read (its filters applied), and the buckets it counted afresh. */
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
        Map<ViolationRollup.Level, List<TimeSpan>> whole = new EnumMap<>(ViolationRollup.Level.class);
        List<TimeSpan> raw = new ArrayList<>();
        for (RangePiece piece : RangePiece.cut(query.from(), query.to(), LEVELS)) {
            TimeSpan span = new TimeSpan(piece.from(), piece.to());
            if (piece.level().isEmpty()) {
                raw.add(span);
                continue;
            }
            ViolationRollup.Level level = piece.level().get();
            // Whole buckets that ended before `settled` come from the stored counts; later ones are read raw.
            Instant closed = level.floor(settled);
            Instant end = piece.to().filter(to -> to.isBefore(closed)).orElse(closed);
            if (piece.from().isPresent() && !piece.from().get().isBefore(end)) {
                raw.add(span);
                continue;
            }
            whole.computeIfAbsent(level, l -> new ArrayList<>()).add(new TimeSpan(piece.from(), Optional.of(end)));
            if (piece.to().isEmpty() || end.isBefore(piece.to().get())) {
                raw.add(new TimeSpan(Optional.of(end), piece.to()));
            }
        }
        Facets facets = Facets.of(query);
        Map<String, Long> byDocument = new HashMap<>();
        if (!raw.isEmpty()) {
            addRaw(scope, raw, facets, byDocument);
        }
        if (whole.isEmpty()) {
            return new Counted(byDocument, List.of());
        }
        Map<BucketKey, Fingerprint> tallies = BucketTallies.read(jdbi, scope, whole);
        Set<BucketKey> stored = new HashSet<>();
        Set<BucketKey> valid = addStored(scope, whole, facets, tallies, byDocument, stored);
        Map<ViolationRollup.Level, List<BucketKey>> stale = new EnumMap<>(ViolationRollup.Level.class);
        tallies.keySet().stream().filter(key -> !valid.contains(key))
                .forEach(key -> stale.computeIfAbsent(key.level(), l -> new ArrayList<>()).add(key));
        List<CountedBucket> fresh = new ArrayList<>();
        stale.forEach((level, keys) -> fresh.addAll(countRaw(level, keys, stored)));
        fresh.forEach(bucket -> bucket.cells().forEach((cell, n) -> {
            if (facets.match(cell)) {
                byDocument.merge(cell.documentUri(), n, Long::sum);
            }
        }));
        return new Counted(byDocument, fresh);
    }

    /**
     * Adds the stored counts of every level's spans whose fingerprint equals the bucket's tally, in one
     * statement (counts and fingerprints joined, so that the two agree); returns those buckets, and adds every
     * bucket with stored counts to {@code stored}.
     */
    private Set<BucketKey> addStored(TenantScope scope, Map<ViolationRollup.Level, List<TimeSpan>> whole, Facets facets,
            Map<BucketKey, Fingerprint> tallies, Map<String, Long> byDocument, Set<BucketKey> stored) {
        List<Where> wheres = new ArrayList<>();
        whole.forEach((level, spans) -> spans.forEach(span -> {
            String prefix = "s" + wheres.size();
            wheres.add(span.bound(Where.scoped(scope, "b.tenant_id")
                    .and("b.bucket_width = :" + prefix + "_width", prefix + "_width", width(level)), "b.bucket_start", prefix));
        }));
        TimeSpan.Branches branches = TimeSpan.Branches.of(STORED + facets.conditions("c."), wheres, "");
        List<StoredCount> rows = jdbi.withHandle(handle -> facets.bind(branches.bind(handle.createQuery(branches.sql())))
                .map((rs, ctx) -> new StoredCount(new BucketKey(rs.getLong("tenant_id"), level(rs.getString("bucket_width")),
                        UtcTimestamps.read(rs, "bucket_start")),
                        new Fingerprint(rs.getLong("bucket_n"), rs.getLong("bucket_highest_id")),
                        Optional.ofNullable(rs.getString("document_uri")), rs.getLong("violation_count")))
                .list());
        Set<BucketKey> valid = new HashSet<>();
        for (StoredCount row : rows) {
            stored.add(row.key());
            if (row.fingerprint().equals(tallies.get(row.key()))) {
                valid.add(row.key());
                row.documentUri().ifPresent(uri -> byDocument.merge(uri, row.count(), Long::sum));
            }
        }
        return valid;
    }

    /**
     * Counts the level's buckets from the raw rows, in one statement (per tenant and run of consecutive buckets
     * a condition the (tenant, time) index serves), which also gives each bucket's fingerprint: its violations
     * and highest id, from the same rows.
     */
    private List<CountedBucket> countRaw(ViolationRollup.Level level, List<BucketKey> stale, Set<BucketKey> stored) {
        String bucket = level.bucket().truncate(dialect, "created_at");
        List<Where> wheres = new ArrayList<>();
        Map<Long, SortedSet<Instant>> starts = new TreeMap<>();
        stale.forEach(key -> starts.computeIfAbsent(key.tenantId(), tenant -> new TreeSet<>()).add(key.start()));
        // The keys come from the scope's tallies: the runs' tenants are the scope's.
        starts.forEach((tenant, tenantStarts) -> BucketTallies.runs(level, tenantStarts).forEach(run -> {
            String prefix = "run" + wheres.size();
            wheres.add(run.bound(Where.scoped(TenantScope.platform())
                    .and("tenant_id = :" + prefix + "_tenant", prefix + "_tenant", tenant), "created_at", prefix));
        }));
        String cell = "document_uri, severity_level, threat_classification";
        TimeSpan.Branches branches = TimeSpan.Branches.of("SELECT tenant_id, " + bucket + " AS bucket_start, " + cell
                + ", COUNT(*) AS n, MAX(id) AS highest_id FROM security_violations", wheres,
                " GROUP BY tenant_id, " + bucket + ", " + cell);
        List<RawCount> rows = jdbi.withHandle(handle -> branches.bind(handle.createQuery(branches.sql()))
                .map((rs, ctx) -> new RawCount(new BucketKey(rs.getLong("tenant_id"), level,
                        UtcTimestamps.read(rs, "bucket_start")), new Cell(rs.getString("document_uri"),
                        rs.getString("severity_level"), rs.getString("threat_classification")), rs.getLong("n"),
                        rs.getLong("highest_id")))
                .list());
        Map<BucketKey, Map<Cell, Long>> cells = new TreeMap<>(BucketKey.ORDER);
        Map<BucketKey, Long> highest = new HashMap<>();
        for (RawCount row : rows) {
            cells.computeIfAbsent(row.key(), key -> new HashMap<>()).merge(row.cell(), row.count(), Long::sum);
            highest.merge(row.key(), row.highestId(), Math::max);
        }
        List<CountedBucket> counted = new ArrayList<>();
        cells.forEach((key, byCell) -> counted.add(new CountedBucket(key,
                new Fingerprint(byCell.values().stream().mapToLong(Long::longValue).sum(), highest.get(key)),
                byCell, stored.contains(key))));
        return counted;
    }

    /** Adds the raw rows' counts of the spans, in one statement. */
    private void addRaw(TenantScope scope, List<TimeSpan> spans, Facets facets, Map<String, Long> byDocument) {
        List<Where> wheres = new ArrayList<>();
        for (TimeSpan span : spans) {
            wheres.add(span.bound(facets.filter(Where.scoped(scope)), "created_at", "raw" + wheres.size()));
        }
        TimeSpan.Branches branches = TimeSpan.Branches.of("SELECT document_uri FROM security_violations", wheres, "");
        List<GroupCount> rows = jdbi.withHandle(handle -> branches.bind(handle.createQuery(
                        "SELECT document_uri, COUNT(*) AS n FROM (" + branches.sql() + ") v GROUP BY document_uri"))
                .map((rs, ctx) -> new GroupCount(rs.getString("document_uri"), rs.getLong("n")))
                .list());
        rows.forEach(row -> byDocument.merge(row.key(), row.count(), Long::sum));
    }

    private static ViolationRollup.Level level(String width) {
        return LEVELS.stream().filter(level -> width(level).equals(width)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown bucket width " + width));
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
            // At most three batches, whatever the number of buckets. Only a recounted bucket can have counts of
            // documents it no longer holds (violations deleted by hand): those are deleted first.
            ConcurrentWriters.retried(handle, h -> {
                List<CountedBucket> recounted = sorted.stream().filter(CountedBucket::recounted).toList();
                if (!recounted.isEmpty()) {
                    PreparedBatch deletes = h.prepareBatch(DELETE_COUNTS);
                    recounted.forEach(bucket -> bindKey(deletes, bucket.key()).add());
                    deletes.execute();
                }
                PreparedBatch marks = h.prepareBatch(upsertBucket);
                sorted.forEach(bucket -> bindKey(marks, bucket.key()).bind("violation_count", bucket.fingerprint().violations())
                        .bind("highest_id", bucket.fingerprint().highestId()).bind("stored_at", now).add());
                marks.execute();
                PreparedBatch counts = h.prepareBatch(upsertCount);
                sorted.forEach(bucket -> bucket.cells().forEach((cell, n) -> bindKey(counts, bucket.key())
                        .bind("document_hash", hash(cell.documentUri())).bind("severity_level", cell.severity())
                        .bind("threat_classification", cell.classification()).bind("document_uri", cell.documentUri())
                        .bind("violation_count", n).add()));
                counts.execute();
            });
        }
    }

    private static PreparedBatch bindKey(PreparedBatch batch, BucketKey key) {
        return batch.bind("tenant_id", key.tenantId()).bind("bucket_width", width(key.level()))
                .bind("bucket_start", key.start());
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
