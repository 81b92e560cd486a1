package org.secheaders.domain.repo;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

/**
 * Stored violation reports: batch insert for the collector, filtered pages and the counts the
 * analytics server groups by.
 *
 * <p>Report fields come from browsers and are untrusted; values longer than their column are
 * truncated (and NUL characters dropped) rather than failing the whole batch.
 */
public final class ViolationRepository {
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

    private final Jdbi jdbi;
    private final Dialect dialect;
    private final Clock clock;

    public ViolationRepository(Jdbi jdbi, Dialect dialect, Clock clock) {
        this.jdbi = jdbi;
        this.dialect = dialect;
        this.clock = clock;
    }

    /**
     * Stores the reports in one JDBC batch and transaction.
     *
     * @return the number of rows inserted
     * @throws TenantAccessDeniedException if a report belongs to a tenant outside {@code scope}
     */
    public int insertBatch(TenantScope scope, List<SecurityViolation.Draft> drafts) {
        drafts.forEach(draft -> scope.requireAccess(draft.tenantId()));
        if (drafts.isEmpty()) {
            return 0;
        }
        jdbi.useTransaction(handle -> {
            PreparedBatch batch = handle.prepareBatch(INSERT);
            for (SecurityViolation.Draft draft : drafts) {
                bindDraft(batch, draft).add();
            }
            batch.execute();
        });
        return drafts.size();
    }

    /**
     * Runs several reads of this repository as one snapshot (a repeatable-read transaction; the
     * repository's calls on this thread join it), so that totals and breakdowns computed by separate
     * queries agree while other processes insert.
     */
    public <T> T consistentRead(Supplier<T> reads) {
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, handle -> reads.get());
    }

    /**
     * Stores the reports in one transaction, row by row, and returns their ids in order: for callers
     * that answer with the ids (the MCP tool); bulk ingestion uses {@link #insertBatch}.
     *
     * @throws TenantAccessDeniedException if a report belongs to a tenant outside {@code scope}
     */
    public List<Long> insert(TenantScope scope, List<SecurityViolation.Draft> drafts) {
        drafts.forEach(draft -> scope.requireAccess(draft.tenantId()));
        return jdbi.inTransaction(handle -> {
            List<Long> ids = new ArrayList<>(drafts.size());
            for (SecurityViolation.Draft draft : drafts) {
                ids.add(bindDraft(handle.createUpdate(INSERT), draft)
                        .executeAndReturnGeneratedKeys("id")
                        .mapTo(Long.class)
                        .one());
            }
            return ids;
        });
    }

    private static <S extends SqlStatement<S>> S bindDraft(S statement, SecurityViolation.Draft draft) {
        return statement.bind("tenant_id", draft.tenantId())
                .bind("violation_type", draft.violationType().wireName())
                .bind("policy_directive", bounded(draft.policyDirective(), DIRECTIVE_LENGTH))
                .bind("blocked_uri", bounded(draft.blockedUri(), BLOCKED_URI_LENGTH).orElse(null))
                .bind("blocked_host", draft.blockedUri().flatMap(ViolationRepository::hostOf)
                        .map(host -> bounded(host, HOST_LENGTH)).orElse(null))
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
                .bind("received_at", draft.receivedAt());
    }

    public Optional<SecurityViolation> findById(TenantScope scope, long id) {
        return jdbi.withHandle(handle -> findById(handle, scope, id));
    }

    /** A page of matching violations, newest first, with the total number of matches. */
    public Page<SecurityViolation> query(TenantScope scope, ViolationQuery query, PageRequest page) {
        Where where = where(scope, query);
        return jdbi.inTransaction(handle -> {
            long total = count(handle, where);
            List<SecurityViolation> items = where.bind(handle.createQuery(SELECT + where.sql() + NEWEST_FIRST))
                    .bind("limit", page.limit())
                    .bind("offset", page.offset())
                    .map(ViolationRepository::map)
                    .list();
            return new Page<>(items, total, page);
        });
    }

    public long count(TenantScope scope, ViolationQuery query) {
        return jdbi.withHandle(handle -> count(handle, where(scope, query)));
    }

    /** The {@code limit} most frequent values of the grouped column among matching violations. */
    public List<GroupCount> countBy(TenantScope scope, ViolationQuery query, ViolationGrouping grouping, int limit) {
        String column = grouping.column();
        Where where = where(scope, query).and(column + " IS NOT NULL");
        String sql = "SELECT " + column + " AS group_key, COUNT(*) AS n" + TABLE + where.sql()
                + " GROUP BY " + column + " ORDER BY n DESC, group_key LIMIT :limit";
        return jdbi.withHandle(handle -> where.bind(handle.createQuery(sql))
                .bind("limit", PageRequest.requireLimit(limit))
                .map((rs, ctx) -> new GroupCount(rs.getString("group_key"), rs.getLong("n")))
                .list());
    }

    /** Matching violations per time bucket, oldest first; buckets without violations are absent. */
    public List<BucketCount> countByBucket(TenantScope scope, ViolationQuery query, TimeBucket bucket) {
        String bucketStart = bucket.truncate(dialect, "created_at");
        Where where = where(scope, query);
        String sql = "SELECT " + bucketStart + " AS bucket_start, COUNT(*) AS n" + TABLE + where.sql()
                + " GROUP BY " + bucketStart + " ORDER BY bucket_start";
        return jdbi.withHandle(handle -> where.bind(handle.createQuery(sql))
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
        Where where = where(scope, query);
        String sql = "SELECT " + columns.select() + ", COUNT(*) AS n, MIN(created_at) AS first_seen,"
                + " MAX(created_at) AS last_seen, MIN(id) AS lowest_id, MAX(id) AS highest_id" + TABLE + where.sql()
                + " GROUP BY " + columns.groupBy() + " ORDER BY n DESC, " + columns.groupBy() + " LIMIT :limit";
        return jdbi.withHandle(handle -> where.bind(handle.createQuery(sql))
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
        String bucketStart = bucket.truncate(dialect, "created_at");
        Where where = where(scope, query);
        String sql = "SELECT " + columns.select() + ", " + bucketStart + " AS bucket_start, COUNT(*) AS n" + TABLE
                + where.sql() + " GROUP BY " + columns.groupBy() + ", " + bucketStart + " ORDER BY bucket_start";
        return jdbi.withHandle(handle -> where.bind(handle.createQuery(sql))
                .map((rs, ctx) -> new GroupedBucketCount(columns.read(rs), UtcTimestamps.read(rs, "bucket_start"),
                        rs.getLong("n")))
                .list());
    }

    /** The distinct groups among matching violations, e.g. every (directive, host) a tenant ever reported; unbounded. */
    public List<GroupedValues> distinctGroups(TenantScope scope, ViolationQuery query, List<ViolationGrouping> groupings) {
        GroupColumns columns = GroupColumns.of(groupings);
        Where where = where(scope, query);
        String sql = "SELECT DISTINCT " + columns.select() + TABLE + where.sql();
        return jdbi.withHandle(handle -> where.bind(handle.createQuery(sql)).map((rs, ctx) -> columns.read(rs)).list());
    }

    /**
     * How long the matching resolved violations took from receipt to resolution: their number and
     * the nearest-rank median and 90th percentile, sorted by the database.
     */
    public ResolutionTimes resolutionTimes(TenantScope scope, ViolationQuery query) {
        Where where = where(scope, query.withResolved(true));
        String elapsed = ElapsedTime.millis(dialect, "created_at", "resolved_at");
        String rank = "SELECT " + elapsed + " AS elapsed_ms" + TABLE + where.sql()
                + " ORDER BY elapsed_ms LIMIT 1 OFFSET :offset";
        return jdbi.inTransaction(handle -> {
            long resolved = count(handle, where);
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

    private static long count(Handle handle, Where where) {
        return where.bind(handle.createQuery("SELECT COUNT(*)" + TABLE + where.sql())).mapTo(Long.class).one();
    }

    private static Where where(TenantScope scope, ViolationQuery query) {
        Where where = Where.scoped(scope)
                .and(query.from(), "created_at >= :from", "from")
                .and(query.to(), "created_at < :to", "to")
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

    private static String bounded(String value, int maxLength) {
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
        Where where = where(scope, query);
        String sql = "SELECT " + columns.select() + ", MIN(created_at) AS first_seen, MAX(created_at) AS last_seen"
                + TABLE + where.sql() + " GROUP BY " + columns.groupBy();
        return jdbi.withHandle(handle -> where.bind(handle.createQuery(sql))
                .map((rs, ctx) -> new GroupSeen(columns.read(rs), UtcTimestamps.read(rs, "first_seen"),
                        UtcTimestamps.read(rs, "last_seen")))
                .list());
    }

    /**
     * A page of matching violations, newest first, without counting them: for callers that already
     * have the total in the same {@link #consistentRead}.
     */
    public List<SecurityViolation> list(TenantScope scope, ViolationQuery query, PageRequest page) {
        Where where = where(scope, query);
        return jdbi.withHandle(handle -> where.bind(handle.createQuery(SELECT + where.sql() + NEWEST_FIRST))
                .bind("limit", page.limit())
                .bind("offset", page.offset())
                .map(ViolationRepository::map)
                .list());
    }
}
