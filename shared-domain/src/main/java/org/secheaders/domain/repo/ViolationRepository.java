package org.secheaders.domain.repo;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.secheaders.domain.db.Dialect;
import org.secheaders.domain.db.UtcTimestamps;
import org.secheaders.domain.model.SecuritySeverity;
import org.secheaders.domain.model.SecurityViolation;
import org.secheaders.domain.model.ThreatClassification;
import org.secheaders.domain.model.ViolationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stored violation reports: batch insert for the collector, filtered pages and the counts the
 * analytics server groups by. Inserts also add to the per-minute, hour and day rollup ({@link ViolationRollup}),
 * and the counting reads use it whenever it answers exactly (docs/ROLLUPS.md).
 *
 * <p>Report fields come from browsers and are untrusted; values longer than their column are
 * truncated (and NUL characters dropped) rather than failing the whole batch.
 */
public final class ViolationRepository {
    private static final Logger LOG = LoggerFactory.getLogger(ViolationRepository.class);
    private static final int DIRECTIVE_LENGTH = 128;
    static final int BLOCKED_URI_LENGTH = 512;
    private static final int HOST_LENGTH = 253;
    static final int URI_LENGTH = 2048;
    private static final int USER_AGENT_LENGTH = 512;
    private static final int RULE_LENGTH = 128;

    private static final String TABLE = " FROM security_violations";
    private static final String SELECT = """
            SELECT id, tenant_id, violation_type, policy_directive, blocked_uri, document_uri, referrer,
                   user_agent, source_file, line_number, column_number, severity_level,
                   threat_classification, classification_rule, resolved_at, resolution_notes, metadata,
                   created_at, updated_at""" + TABLE;
    private static final String INSERT = """
            INSERT INTO security_violations (tenant_id, violation_type, policy_directive, blocked_uri,
                blocked_host, document_uri, referrer, user_agent, source_file, line_number, column_number,
                severity_level, threat_classification, classification_rule, metadata, created_at, updated_at)
            VALUES (:tenant_id, :violation_type, :policy_directive, :blocked_uri,
                :blocked_host, :document_uri, :referrer, :user_agent, :source_file, :line_number, :column_number,
                :severity_level, :threat_classification, :classification_rule, :metadata, :received_at, :received_at)""";
    private static final String RESOLVE =
            "UPDATE security_violations SET resolved_at = :now, resolution_notes = :notes, updated_at = :now";
    private static final String NEWEST_FIRST = " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset";
    private static final String ROLLUP_COLUMNS = "tenant_id, bucket_start, violation_type, policy_directive, blocked_host,"
            + " blocked_uri, severity_level, threat_classification, violation_count, first_seen, last_seen, lowest_id,"
            + " highest_id";
    /** Raw violations as one-violation rollup rows, after tenant and minute (blocked_uri only without a host). */
    private static final String RAW_AS_ROLLUP_COLUMNS = " violation_type, policy_directive, blocked_host,"
            + " CASE WHEN blocked_host IS NULL THEN blocked_uri END AS blocked_uri, severity_level, threat_classification,"
            + " 1 AS violation_count, created_at AS first_seen, created_at AS last_seen, id AS lowest_id, id AS highest_id";
    /** The windows at the end of a range a page is looked for in first ({@link #newestFirst}). */
    private static final List<Duration> RECENT_WINDOWS = List.of(Duration.ofHours(1), Duration.ofDays(1));
    /** Reads without time buckets may use every rollup level. */
    private static final TimeBucket ANY_BUCKET = TimeBucket.DAY;

    private final Jdbi jdbi;
    private final Dialect dialect;
    private final Clock clock;
    private final boolean rollupReads;
    private final DocumentCounts documents;
    private final HourCellCache closedHours;
    /** Cache writes of the reads of this thread's {@link #consistentRead}, run after it: they need a connection of their own. */
    private final ThreadLocal<List<Runnable>> afterRead = new ThreadLocal<>();
    /** Raw violations as one-violation rollup rows of their minute, for the partial minutes of a range. */
    private final String rawAsRollup;

    public ViolationRepository(Jdbi jdbi, Dialect dialect, Clock clock) {
        this(jdbi, dialect, clock, true);
    }

    private ViolationRepository(Jdbi jdbi, Dialect dialect, Clock clock, boolean rollupReads) {
        this.jdbi = jdbi;
        this.dialect = dialect;
        this.clock = clock;
        this.rollupReads = rollupReads;
        this.documents = new DocumentCounts(jdbi, dialect, clock);
        this.closedHours = new HourCellCache(jdbi, clock, HourCellCache.DEFAULT_MAX_BYTES);
        this.rawAsRollup = "SELECT tenant_id, " + TimeBucket.MINUTE.truncate(dialect, "created_at") + " AS bucket_start,"
                + RAW_AS_ROLLUP_COLUMNS + TABLE;
    }

    /** This repository answering every read from the raw rows: the reference the rollup's answers are tested against. */
    ViolationRepository rawReadsOnly() {
        return new ViolationRepository(jdbi, dialect, clock, false);
    }

    /**
     * Stores the reports in one JDBC batch and transaction, which also adds them to the rollup.
     *
     * @return the number of rows inserted
     * @throws TenantAccessDeniedException if a report belongs to a tenant outside {@code scope}
     */
    public int insertBatch(TenantScope scope, List<SecurityViolation.Draft> drafts) {
        drafts.forEach(draft -> scope.requireAccess(draft.tenantId()));
        if (drafts.isEmpty()) {
            return 0;
        }
        List<Stored> rows = drafts.stream().map(Stored::of).toList();
        jdbi.useTransaction(handle -> {
            PreparedBatch batch = handle.prepareBatch(INSERT);
            rows.forEach(row -> bindRow(batch, row).add());
            List<Long> ids = batch.executePreparedBatch("id").mapTo(Long.class).list();
            if (ids.size() != rows.size()) {
                throw new IllegalStateException("the database returned " + ids.size() + " ids for " + rows.size()
                        + " inserted violations");
            }
            rollUp(handle, rows, ids);
        });
        return drafts.size();
    }

    /**
     * Runs several reads of this repository as one snapshot (a repeatable-read transaction; the
     * repository's calls on this thread join it), so that totals and breakdowns computed by separate
     * queries agree while other processes insert.
     */
    public <T> T consistentRead(Supplier<T> reads) {
        if (afterRead.get() != null) {
            return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, handle -> reads.get());
        }
        List<Runnable> writes = new ArrayList<>();
        afterRead.set(writes);
        T result;
        try {
            result = jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, handle -> reads.get());
        } finally {
            afterRead.remove();
        }
        writes.forEach(Runnable::run);
        return result;
    }

    /** Runs a cache write now, or after the thread's {@link #consistentRead} if one is running. */
    private void writeAfterRead(Runnable write) {
        List<Runnable> writes = afterRead.get();
        if (writes == null) {
            write.run();
        } else {
            writes.add(write);
        }
    }

    /**
     * Stores the reports (and their rollup) in one transaction, row by row, and returns their ids in order: for callers
     * that answer with the ids (the MCP tool); bulk ingestion uses {@link #insertBatch}.
     *
     * @throws TenantAccessDeniedException if a report belongs to a tenant outside {@code scope}
     */
    public List<Long> insert(TenantScope scope, List<SecurityViolation.Draft> drafts) {
        drafts.forEach(draft -> scope.requireAccess(draft.tenantId()));
        List<Stored> rows = drafts.stream().map(Stored::of).toList();
        return jdbi.inTransaction(handle -> {
            List<Long> ids = new ArrayList<>(rows.size());
            for (Stored row : rows) {
                ids.add(bindRow(handle.createUpdate(INSERT), row)
                        .executeAndReturnGeneratedKeys("id")
                        .mapTo(Long.class)
                        .one());
            }
            rollUp(handle, rows, ids);
            return ids;
        });
    }

    /** Adds the inserted rows to the rollup levels, in their transaction. */
    private void rollUp(Handle handle, List<Stored> rows, List<Long> ids) {
        ViolationRollup.Additions additions = new ViolationRollup.Additions();
        for (int i = 0; i < rows.size(); i++) {
            Stored row = rows.get(i);
            additions.add(row.cell(), ViolationRollup.Tally.of(row.receivedAt(), ids.get(i)));
        }
        additions.writeTo(handle, dialect);
    }

    /** A report's values as stored: text bounded to its column, the instant to the columns' microseconds. */
    private record Stored(SecurityViolation.Draft draft, String directive, Optional<String> blockedUri,
                          Optional<String> blockedHost, Instant receivedAt) {
        static Stored of(SecurityViolation.Draft draft) {
            return new Stored(draft, bounded(draft.policyDirective(), DIRECTIVE_LENGTH),
                    bounded(draft.blockedUri(), BLOCKED_URI_LENGTH),
                    draft.blockedUri().flatMap(ViolationRepository::hostOf).map(host -> bounded(host, HOST_LENGTH)),
                    draft.receivedAt().truncatedTo(ChronoUnit.MICROS));
        }

        ViolationRollup.Cell cell() {
            return ViolationRollup.Cell.of(draft.tenantId(), receivedAt, draft.violationType().wireName(), directive,
                    blockedHost.orElse(null), blockedUri.orElse(null), draft.severityLevel().wireName(),
                    draft.threatClassification().wireName());
        }
    }

    private static <S extends SqlStatement<S>> S bindRow(S statement, Stored row) {
        SecurityViolation.Draft draft = row.draft();
        return statement.bind("tenant_id", draft.tenantId())
                .bind("violation_type", draft.violationType().wireName())
                .bind("policy_directive", row.directive())
                .bind("blocked_uri", row.blockedUri().orElse(null))
                .bind("blocked_host", row.blockedHost().orElse(null))
                .bind("document_uri", bounded(draft.documentUri(), URI_LENGTH))
                .bind("referrer", bounded(draft.referrer(), URI_LENGTH).orElse(null))
                .bind("user_agent", bounded(draft.userAgent(), USER_AGENT_LENGTH).orElse(null))
                .bind("source_file", bounded(draft.sourceFile(), URI_LENGTH).orElse(null))
                .bind("line_number", draft.lineNumber().orElse(null))
                .bind("column_number", draft.columnNumber().orElse(null))
                .bind("severity_level", draft.severityLevel().wireName())
                .bind("threat_classification", draft.threatClassification().wireName())
                .bind("classification_rule", bounded(draft.classificationRule(), RULE_LENGTH).orElse(null))
                .bind("metadata", Json.write(draft.metadata()))
                .bind("received_at", row.receivedAt());
    }

    public Optional<SecurityViolation> findById(TenantScope scope, long id) {
        return jdbi.withHandle(handle -> findById(handle, scope, id));
    }

    /** A page of matching violations, newest first, with the total number of matches. */
    public Page<SecurityViolation> query(TenantScope scope, ViolationQuery query, PageRequest page) {
        Source counted = source(scope, query, List.of(), ANY_BUCKET);
        return jdbi.inTransaction(handle -> {
            long total = count(handle, counted);
            return new Page<>(newestFirst(handle, scope, query, page), total, page);
        });
    }

    public long count(TenantScope scope, ViolationQuery query) {
        Source source = source(scope, query, List.of(), ANY_BUCKET);
        return jdbi.withHandle(handle -> count(handle, source));
    }

    /** The {@code limit} most frequent values of the grouped column among matching violations. */
    public List<GroupCount> countBy(TenantScope scope, ViolationQuery query, ViolationGrouping grouping, int limit) {
        if (rollupReads && grouping == ViolationGrouping.DOCUMENT_URI && DocumentCounts.answer(query)) {
            return topDocuments(scope, query, PageRequest.requireLimit(limit));
        }
        String column = grouping.column();
        Source source = source(scope, query, List.of(grouping), ANY_BUCKET, column + " IS NOT NULL");
        String sql = "SELECT " + column + " AS group_key, " + source.count() + " AS n" + source.from()
                + " GROUP BY " + column + " ORDER BY n DESC, group_key LIMIT :limit";
        return jdbi.withHandle(handle -> source.bind(handle.createQuery(sql))
                .bind("limit", PageRequest.requireLimit(limit))
                .map((rs, ctx) -> new GroupCount(rs.getString("group_key"), rs.getLong("n")))
                .list());
    }

    /**
     * The top documents of a period filtered at most on severity and classification, from the lazily kept
     * document counts (docs/ROLLUPS.md, "Document counts"); ties in count are ordered by URI as Java compares strings. Buckets counted from
     * the raw rows are stored after the read; a failure to store only costs counting them again.
     */
    private List<GroupCount> topDocuments(TenantScope scope, ViolationQuery query, int limit) {
        DocumentCounts.Counted counted = jdbi.withHandle(handle -> documents.count(scope, query));
        if (!counted.fresh().isEmpty()) {
            writeAfterRead(() -> {
                try {
                    documents.store(counted.fresh());
                } catch (RuntimeException e) {
                    LOG.warn("could not store the document counts of {} buckets; they will be counted again",
                            counted.fresh().size(), e);
                }
            });
        }
        return counted.top(limit);
    }

    /** Matching violations per time bucket, oldest first; buckets without violations are absent. */
    public List<BucketCount> countByBucket(TenantScope scope, ViolationQuery query, TimeBucket bucket) {
        Source source = source(scope, query, List.of(), bucket);
        String bucketStart = source.bucketStart(bucket, dialect);
        String sql = "SELECT " + bucketStart + " AS bucket_start, " + source.count() + " AS n" + source.from()
                + " GROUP BY " + bucketStart + " ORDER BY bucket_start";
        return jdbi.withHandle(handle -> source.bind(handle.createQuery(sql))
                .map((rs, ctx) -> new BucketCount(UtcTimestamps.read(rs, "bucket_start"), rs.getLong("n")))
                .list());
    }

    /** Violations per minute received in {@code [from, to)}, the anomaly detector's input. */
    public List<BucketCount> perMinuteCounts(TenantScope scope, Instant from, Instant to) {
        return countByBucket(scope, ViolationQuery.all().between(from, to), TimeBucket.MINUTE);
    }

    /**
     * Matching violations grouped by several columns at once, most frequent first, with when each
     * group was first and last seen and its lowest and highest id (sample rows). Unlike
     * {@link #countBy}, groups with NULL in a column are kept (the column is absent from their key).
     */
    public List<ViolationSummary> summarize(TenantScope scope, ViolationQuery query, List<ViolationGrouping> groupings,
            int limit) {
        GroupColumns columns = GroupColumns.of(groupings);
        Source source = source(scope, query, groupings, ANY_BUCKET);
        String sql = "SELECT " + columns.select() + ", " + source.count() + " AS n, " + source.summaries()
                + source.from() + " GROUP BY " + columns.groupBy() + " ORDER BY n DESC, " + columns.groupBy()
                + " LIMIT :limit";
        return jdbi.withHandle(handle -> source.bind(handle.createQuery(sql))
                .bind("limit", PageRequest.requireLimit(limit))
                .map((rs, ctx) -> new ViolationSummary(columns.read(rs), rs.getLong("n"),
                        UtcTimestamps.read(rs, "first_seen"), UtcTimestamps.read(rs, "last_seen"),
                        rs.getLong("lowest_id"), rs.getLong("highest_id")))
                .list());
    }

    /**
     * Matching violations per time bucket and group, oldest bucket first; empty buckets are absent.
     * One row per non-empty (group, bucket): the anomaly detector's input, unbounded by design.
     */
    public List<GroupedBucketCount> countByBucket(TenantScope scope, ViolationQuery query, TimeBucket bucket,
            List<ViolationGrouping> groupings) {
        GroupColumns columns = GroupColumns.of(groupings);
        Source source = source(scope, query, groupings, bucket);
        String bucketStart = source.bucketStart(bucket, dialect);
        String sql = "SELECT " + columns.select() + ", " + bucketStart + " AS bucket_start, " + source.count() + " AS n"
                + source.from() + " GROUP BY " + columns.groupBy() + ", " + bucketStart + " ORDER BY bucket_start";
        return jdbi.withHandle(handle -> source.bind(handle.createQuery(sql))
                .map((rs, ctx) -> new GroupedBucketCount(columns.read(rs), UtcTimestamps.read(rs, "bucket_start"),
                        rs.getLong("n")))
                .list());
    }

    /**
     * As {@link #countByBucket(TenantScope, ViolationQuery, TimeBucket, List)}, but unmerged and unordered:
     * a (group, bucket) may come in several rows whose counts add up. For callers that sum the counts anyway
     * (the anomaly detector's series): the rollup rows are returned as they are, sparing the database a
     * grouping of every (group, minute) cell, which H2 does several times slower than reading them. Minute
     * cells of closed hours are kept in memory ({@link HourCellCache}) while the hour's tally is unchanged.
     */
    public List<GroupedBucketCount> countCells(TenantScope scope, ViolationQuery query, TimeBucket bucket,
            List<ViolationGrouping> groupings) {
        if (rollupReads && bucket == TimeBucket.MINUTE && HourCellCache.answers(query, groupings)
                && ViolationRollup.DIMENSIONS.containsAll(groupings)) {
            return closedHours.cells(scope, query, HourCellCache.Source.MINUTE_CELLS, groupings,
                    (within, range) -> readCells(within, range, bucket, groupings));
        }
        return readCells(scope, query, bucket, groupings);
    }

    private List<GroupedBucketCount> readCells(TenantScope scope, ViolationQuery query, TimeBucket bucket,
            List<ViolationGrouping> groupings) {
        GroupColumns columns = GroupColumns.of(groupings);
        Source source = source(scope, query, groupings, bucket);
        if (!source.rolledUp()) {
            // Raw rows would come one per violation: let the database count them.
            return countByBucket(scope, query, bucket, groupings);
        }
        String sql = "SELECT " + columns.select() + ", " + source.bucketStart(bucket, dialect) + " AS bucket_start,"
                + " violation_count AS n" + source.from();
        return jdbi.withHandle(handle -> source.bind(handle.createQuery(sql))
                .map((rs, ctx) -> new GroupedBucketCount(columns.read(rs), UtcTimestamps.read(rs, "bucket_start"),
                        rs.getLong("n")))
                .list());
    }

    /**
     * Matching violations per group, every group, in no particular order: for callers that rank groups their own
     * way (the correlation's top documents and source files per cluster). Groupings may be any columns; for an
     * unfiltered, bounded range with the tenant among them, the counts of closed hours are kept in memory
     * ({@link HourCellCache}) and only the rest is read from the raw rows.
     */
    public Map<GroupedValues, Long> groupCounts(TenantScope scope, ViolationQuery query, List<ViolationGrouping> groupings) {
        GroupColumns columns = GroupColumns.of(groupings);
        if (!rollupReads || !HourCellCache.answers(query, groupings)) {
            Where where = where(scope, query);
            return jdbi.withHandle(handle -> where.bind(handle.createQuery("SELECT " + columns.select() + ", COUNT(*) AS n"
                            + TABLE + where.sql() + " GROUP BY " + columns.groupBy()))
                    .map((rs, ctx) -> Map.entry(columns.read(rs), rs.getLong("n")))
                    .collectToMap(Map.Entry::getKey, Map.Entry::getValue));
        }
        List<GroupedBucketCount> cells = closedHours.cells(scope, query, HourCellCache.Source.HOURLY_GROUPS, groupings,
                (within, range) -> countByBucket(within, range, TimeBucket.HOUR, groupings));
        Map<GroupedValues, Long> counts = new HashMap<>();
        cells.forEach(cell -> counts.merge(cell.key(), cell.count(), Long::sum));
        return counts;
    }

    /** The distinct groups among matching violations, e.g. every (directive, host) a tenant ever reported; unbounded. */
    public List<GroupedValues> distinctGroups(TenantScope scope, ViolationQuery query, List<ViolationGrouping> groupings) {
        GroupColumns columns = GroupColumns.of(groupings);
        Source source = source(scope, query, groupings, ANY_BUCKET);
        String sql = "SELECT DISTINCT " + columns.select() + source.from();
        return jdbi.withHandle(handle -> source.bind(handle.createQuery(sql)).map((rs, ctx) -> columns.read(rs)).list());
    }

    /**
     * How long the matching resolved violations took from receipt to resolution: their number and
     * the nearest-rank median and 90th percentile, sorted by the database.
     */
    public ResolutionTimes resolutionTimes(TenantScope scope, ViolationQuery query) {
        // Resolution follows receipt, so a bound on resolved_at lets the few resolved rows be found through
        // ix_violations_resolved; a day of slack covers clocks that differ between processes. H2 and MariaDB
        // still prefer the receipt-time indexes (a million rows read for a handful), hence the hint.
        Instant floor = query.from().map(from -> from.minus(Duration.ofDays(1))).orElse(Instant.EPOCH);
        Where where = where(scope, query.withResolved(true)).and("resolved_at >= :resolved_floor", "resolved_floor", floor);
        String table = dialect == Dialect.POSTGRESQL ? TABLE : TABLE + " USE INDEX (ix_violations_resolved)";
        String elapsed = ElapsedTime.millis(dialect, "created_at", "resolved_at");
        String rank = "SELECT " + elapsed + " AS elapsed_ms" + table + where.sql()
                + " ORDER BY elapsed_ms LIMIT 1 OFFSET :offset";
        return jdbi.inTransaction(handle -> {
            long resolved = where.bind(handle.createQuery("SELECT COUNT(*)" + table + where.sql())).mapTo(Long.class).one();
            if (resolved == 0) {
                return ResolutionTimes.none();
            }
            Duration median = percentile(handle, where, rank, resolved, 0.5);
            Duration p90 = percentile(handle, where, rank, resolved, 0.9);
            return new ResolutionTimes(resolved, Optional.of(median), Optional.of(p90));
        });
    }

    private static Duration percentile(Handle handle, Where where, String rankSql, long total, double fraction) {
        long offset = (long) Math.ceil(fraction * total) - 1;
        return Duration.ofMillis(where.bind(handle.createQuery(rankSql))
                .bind("offset", offset)
                .mapTo(Long.class)
                .one());
    }

    /** Marks a violation resolved now; empty if the scope has no such violation. */
    public Optional<SecurityViolation> resolve(TenantScope scope, long id, String notes) {
        Where where = Where.scoped(scope).and("id = :id", "id", id);
        return jdbi.inTransaction(handle -> {
            int updated = where.bind(handle.createUpdate(RESOLVE + where.sql()))
                    .bind("now", clock.instant())
                    .bind("notes", notes)
                    .execute();
            return updated == 0 ? Optional.<SecurityViolation>empty() : findById(handle, scope, id);
        });
    }

    /** Lower-case host of a blocked URI; empty for keywords such as {@code inline} or {@code eval}. */
    static Optional<String> hostOf(String blockedUri) {
        try {
            return Optional.ofNullable(URI.create(blockedUri).getHost()).map(host -> host.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<SecurityViolation> findById(Handle handle, TenantScope scope, long id) {
        Where where = Where.scoped(scope).and("id = :id", "id", id);
        return where.bind(handle.createQuery(SELECT + where.sql())).map(ViolationRepository::map).findOne();
    }

    private static long count(Handle handle, Source source) {
        return source.bind(handle.createQuery("SELECT " + source.count() + source.from())).mapTo(Long.class).one();
    }

    /**
     * Where the matching violations of a counting query are read (docs/ROLLUPS.md): when the filters
     * and groupings are all rollup dimensions, the range is cut into the whole days, hours and minutes
     * of the coarsest levels that serve {@code bucket}, read from those levels, plus the raw rows of
     * partial first and last minutes; the raw rows otherwise.
     *
     * @param bucket the width of the time buckets the caller groups by; {@link #ANY_BUCKET} for none
     * @param conditions further conditions on columns present in every table
     */
    private Source source(TenantScope scope, ViolationQuery query, List<ViolationGrouping> groupings, TimeBucket bucket,
            String... conditions) {
        boolean answerable = rollupReads
                && query.blockedUri().isEmpty() && query.documentUri().isEmpty() && query.resolved().isEmpty()
                && ViolationRollup.DIMENSIONS.containsAll(groupings);
        List<ViolationRollup.Level> levels = new ArrayList<>(List.of(ViolationRollup.Level.values()));
        levels.removeIf(level -> !level.serves(bucket));
        Collections.reverse(levels);
        List<RangePiece> pieces = answerable ? RangePiece.cut(query.from(), query.to(), levels) : List.of();
        if (pieces.stream().allMatch(piece -> piece.level().isEmpty())) {
            return Source.raw(where(scope, query).and(conditions));
        }
        List<Where> wheres = new ArrayList<>();
        List<String> selects = new ArrayList<>();
        for (RangePiece piece : pieces) {
            String index = Integer.toString(wheres.size());
            String time = piece.level().isPresent() ? "bucket_start" : "created_at";
            Where where = filters(scope, query).and(conditions)
                    .and(piece.from(), time + " >= :from_" + index, "from_" + index)
                    .and(piece.to(), time + " < :to_" + index, "to_" + index);
            wheres.add(where);
            selects.add(piece.level().map(level -> "SELECT " + ROLLUP_COLUMNS + " FROM " + level.table())
                    .orElse(rawAsRollup) + where.sql());
        }
        // Raw pieces are read per minute (rawAsRollup); bucket starts already on the requested grain need no truncation.
        TimeBucket grain = pieces.stream().map(piece -> piece.level().map(ViolationRollup.Level::bucket).orElse(TimeBucket.MINUTE))
                .min(Comparator.naturalOrder()).orElseThrow();
        if (pieces.size() == 1) {
            return Source.rolledUp(" FROM " + pieces.get(0).level().orElseThrow().table() + wheres.get(0).sql(), wheres,
                    grain);
        }
        return Source.rolledUp(" FROM (" + String.join(" UNION ALL ", selects) + ") v", wheres, grain);
    }

    /**
     * The rows a counting query aggregates, the FROM clause (with its WHERE) and how counts and
     * summaries are spelled over them: raw violations count one each, rollup rows their count.
     */
    private record Source(String from, List<Where> wheres, boolean rolledUp, TimeBucket grain) {
        static Source raw(Where where) {
            return new Source(TABLE + where.sql(), List.of(where), false, null);
        }

        static Source rolledUp(String from, List<Where> wheres, TimeBucket grain) {
            return new Source(from, List.copyOf(wheres), true, grain);
        }

        /** The start of each row's {@code bucket}: truncated, unless every row is already on that grain. */
        String bucketStart(TimeBucket bucket, Dialect dialect) {
            return rolledUp && grain == bucket ? "bucket_start" : bucket.truncate(dialect, time());
        }

        String count() {
            return rolledUp ? "COALESCE(SUM(violation_count), 0)" : "COUNT(*)";
        }

        /** The receipt time buckets are truncated from. */
        String time() {
            return rolledUp ? "bucket_start" : "created_at";
        }

        /** First and last receipt, aliased as {@link #groupsSeen} reads them. */
        String seen() {
            return rolledUp ? "MIN(first_seen) AS first_seen, MAX(last_seen) AS last_seen"
                    : "MIN(created_at) AS first_seen, MAX(created_at) AS last_seen";
        }

        /** First/last seen and lowest/highest id, aliased as {@link #summarize} reads them. */
        String summaries() {
            return seen() + (rolledUp ? ", MIN(lowest_id) AS lowest_id, MAX(highest_id) AS highest_id"
                    : ", MIN(id) AS lowest_id, MAX(id) AS highest_id");
        }

        <S extends SqlStatement<S>> S bind(S statement) {
            wheres.forEach(where -> where.bind(statement));
            return statement;
        }
    }

    private static Where where(TenantScope scope, ViolationQuery query) {
        return filters(scope, query)
                .and(query.from(), "created_at >= :from", "from")
                .and(query.to(), "created_at < :to", "to");
    }

    /** Every filter of {@code query} but its time range. */
    private static Where filters(TenantScope scope, ViolationQuery query) {
        Where where = Where.scoped(scope)
                .and(query.type().map(ViolationType::wireName), "violation_type = :type", "type")
                .and(query.severity().map(SecuritySeverity::wireName), "severity_level = :severity", "severity")
                .and(query.directive(), "policy_directive = :directive", "directive")
                .and(query.blockedHost(), "blocked_host = :blocked_host", "blocked_host")
                .and(query.blockedUri(), "blocked_uri = :blocked_uri", "blocked_uri")
                .and(query.documentUri(), "document_uri = :document_uri", "document_uri")
                .and(query.classification().map(ThreatClassification::wireName),
                        "threat_classification = :classification", "classification");
        query.resolved().ifPresent(resolved -> where.and(resolved ? "resolved_at IS NOT NULL" : "resolved_at IS NULL"));
        return where;
    }

    static String bounded(String value, int maxLength) {
        String clean = value.indexOf('\0') < 0 ? value : value.replace("\0", "");
        if (clean.length() <= maxLength) {
            return clean;
        }
        // Never cut a surrogate pair in half: the database would reject the lone high surrogate.
        int end = Character.isHighSurrogate(clean.charAt(maxLength - 1)) ? maxLength - 1 : maxLength;
        return clean.substring(0, end);
    }

    private static Optional<String> bounded(Optional<String> value, int maxLength) {
        return value.map(v -> bounded(v, maxLength));
    }

    private static SecurityViolation map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new SecurityViolation(
                rs.getLong("id"),
                rs.getLong("tenant_id"),
                ViolationType.fromWire(rs.getString("violation_type")),
                rs.getString("policy_directive"),
                Rows.optionalString(rs, "blocked_uri"),
                rs.getString("document_uri"),
                Rows.optionalString(rs, "referrer"),
                Rows.optionalString(rs, "user_agent"),
                Rows.optionalString(rs, "source_file"),
                Rows.optionalInt(rs, "line_number"),
                Rows.optionalInt(rs, "column_number"),
                SecuritySeverity.fromWire(rs.getString("severity_level")),
                ThreatClassification.fromWire(rs.getString("threat_classification")),
                Rows.optionalString(rs, "classification_rule"),
                UtcTimestamps.readOptional(rs, "resolved_at"),
                Rows.optionalString(rs, "resolution_notes"),
                Json.readObject(rs.getString("metadata")),
                UtcTimestamps.read(rs, "created_at"),
                UtcTimestamps.read(rs, "updated_at"));
    }

    /**
     * The distinct groups among matching violations with when each was first and last received;
     * unbounded, like {@link #distinctGroups}. The anomaly detector's view of the time before what it
     * loads per minute: which groups were seen, and from when each tenant has data.
     */
    public List<GroupSeen> groupsSeen(TenantScope scope, ViolationQuery query, List<ViolationGrouping> groupings) {
        GroupColumns columns = GroupColumns.of(groupings);
        Source source = source(scope, query, groupings, ANY_BUCKET);
        String sql = "SELECT " + columns.select() + ", " + source.seen() + source.from() + " GROUP BY " + columns.groupBy();
        return jdbi.withHandle(handle -> source.bind(handle.createQuery(sql))
                .map((rs, ctx) -> new GroupSeen(columns.read(rs), UtcTimestamps.read(rs, "first_seen"),
                        UtcTimestamps.read(rs, "last_seen")))
                .list());
    }

    /**
     * A page of matching violations, newest first, without counting them: for callers that already
     * have the total in the same {@link #consistentRead}.
     */
    public List<SecurityViolation> list(TenantScope scope, ViolationQuery query, PageRequest page) {
        return jdbi.withHandle(handle -> newestFirst(handle, scope, query, page));
    }

    /**
     * A page of matching violations, newest first. The first pages of a long range are looked for in its
     * last hour, then its last day, before the whole range: when such a window holds {@code offset + limit}
     * matches, they are the newest of the range too. H2 sorts every match of the range otherwise (it reads
     * the (tenant, created_at) index forwards only), 0.4-1 s for a week of one tenant at a million violations.
     */
    private List<SecurityViolation> newestFirst(Handle handle, TenantScope scope, ViolationQuery query, PageRequest page) {
        int wanted = page.offset() + page.limit();
        if (query.to().isPresent() && wanted <= PageRequest.MAX_LIMIT) {
            Instant to = query.to().get();
            for (Duration window : RECENT_WINDOWS) {
                Instant from = to.minus(window);
                if (query.from().isPresent() && !query.from().get().isBefore(from)) {
                    break;
                }
                List<SecurityViolation> newest = select(handle, scope, query.between(from, to), new PageRequest(0, wanted));
                if (newest.size() == wanted) {
                    return newest.subList(page.offset(), wanted);
                }
            }
        }
        return select(handle, scope, query, page);
    }

    private static List<SecurityViolation> select(Handle handle, TenantScope scope, ViolationQuery query, PageRequest page) {
        Where where = where(scope, query);
        return where.bind(handle.createQuery(SELECT + where.sql() + NEWEST_FIRST))
                .bind("limit", page.limit())
                .bind("offset", page.offset())
                .map(ViolationRepository::map)
                .list();
    }
}
