package org.secheaders.domain.repo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.core.statement.Update;
import org.secheaders.domain.db.Dialect;

/**
 * The rollup of violations (docs/ROLLUPS.md), one table per {@link Level}: one row per tenant, time
 * bucket and the dimensions the analytics queries filter and group on, with the count, first/last
 * receipt and lowest/highest id. {@link ViolationRepository} adds to every level in the transaction
 * that inserts the violations and reads them instead of the raw rows when a query can be answered exactly.
 */
final class ViolationRollup {
    /** The groupings a rollup row keeps; the others (URIs, document, source file) need the raw rows. */
    static final Set<ViolationGrouping> DIMENSIONS = EnumSet.of(ViolationGrouping.TENANT, ViolationGrouping.DIRECTIVE,
            ViolationGrouping.BLOCKED_HOST, ViolationGrouping.BLOCKED_RESOURCE, ViolationGrouping.VIOLATION_TYPE,
            ViolationGrouping.SEVERITY, ViolationGrouping.CLASSIFICATION);

    /** The rollup tables, finest first; {@code bucket_start} is the start of the row's UTC minute, hour or day. */
    enum Level {
        MINUTE("violation_minute_counts", TimeBucket.MINUTE, ChronoUnit.MINUTES),
        HOUR("violation_hour_counts", TimeBucket.HOUR, ChronoUnit.HOURS),
        DAY("violation_day_counts", TimeBucket.DAY, ChronoUnit.DAYS);

        private final String table;
        private final TimeBucket bucket;
        private final ChronoUnit unit;

        Level(String table, TimeBucket bucket, ChronoUnit unit) {
            this.table = table;
            this.bucket = bucket;
            this.unit = unit;
        }

        String table() {
            return table;
        }

        /** The width of this level's buckets. */
        TimeBucket bucket() {
            return bucket;
        }

        /** Whether buckets of {@code width} can be computed from this level's rows (they are not finer). */
        boolean serves(TimeBucket width) {
            return bucket.compareTo(width) <= 0;
        }

        /** The start of the bucket of this level holding {@code instant}. */
        Instant floor(Instant instant) {
            return instant.truncatedTo(unit);
        }

        /** The start of the bucket after the one starting at {@code start}. */
        Instant next(Instant start) {
            return start.plus(1, unit);
        }

        /** The first bucket start of this level at or after {@code instant}. */
        Instant ceil(Instant instant) {
            Instant start = floor(instant);
            return start.equals(instant) ? start : start.plus(1, unit);
        }
    }

    private static final String COLUMNS = "tenant_id, bucket_start, dimensions_hash, violation_type, policy_directive,"
            + " blocked_host, blocked_uri, severity_level, threat_classification, violation_count, first_seen, last_seen,"
            + " lowest_id, highest_id";
    private static final String VALUES = ":tenant_id, :bucket_start, :dimensions_hash, :violation_type, :policy_directive,"
            + " :blocked_host, :blocked_uri, :severity_level, :threat_classification, :violation_count, :first_seen,"
            + " :last_seen, :lowest_id, :highest_id";
    /** {@code %s} is the level's table. */
    private static final String POSTGRESQL_UPSERT = "INSERT INTO %s AS c (" + COLUMNS + ") VALUES (" + VALUES
            + ") ON CONFLICT (tenant_id, bucket_start, dimensions_hash) DO UPDATE SET"
            + " violation_count = c.violation_count + EXCLUDED.violation_count,"
            + " first_seen = LEAST(c.first_seen, EXCLUDED.first_seen), last_seen = GREATEST(c.last_seen, EXCLUDED.last_seen),"
            + " lowest_id = LEAST(c.lowest_id, EXCLUDED.lowest_id), highest_id = GREATEST(c.highest_id, EXCLUDED.highest_id)";
    private static final String MARIADB_UPSERT = "INSERT INTO %s (" + COLUMNS + ") VALUES (" + VALUES
            + ") ON DUPLICATE KEY UPDATE violation_count = violation_count + VALUES(violation_count),"
            + " first_seen = LEAST(first_seen, VALUES(first_seen)), last_seen = GREATEST(last_seen, VALUES(last_seen)),"
            + " lowest_id = LEAST(lowest_id, VALUES(lowest_id)), highest_id = GREATEST(highest_id, VALUES(highest_id))";
    /** The typed source row of H2's MERGE; {@code %1$d} is the row's index in the statement. */
    private static final String H2_SOURCE_ROW = "(CAST(:tenant_id_%1$d AS BIGINT), CAST(:bucket_start_%1$d AS TIMESTAMP),"
            + " CAST(:dimensions_hash_%1$d AS VARCHAR(64)), CAST(:violation_type_%1$d AS VARCHAR(32)),"
            + " CAST(:policy_directive_%1$d AS VARCHAR(128)), CAST(:blocked_host_%1$d AS VARCHAR(253)),"
            + " CAST(:blocked_uri_%1$d AS VARCHAR(512)), CAST(:severity_level_%1$d AS VARCHAR(16)),"
            + " CAST(:threat_classification_%1$d AS VARCHAR(32)), CAST(:violation_count_%1$d AS BIGINT),"
            + " CAST(:first_seen_%1$d AS TIMESTAMP), CAST(:last_seen_%1$d AS TIMESTAMP), CAST(:lowest_id_%1$d AS BIGINT),"
            + " CAST(:highest_id_%1$d AS BIGINT))";
    /** {@code %1$s} is the level's table, {@code %2$s} the source rows. */
    private static final String H2_MERGE = "MERGE INTO %1$s c USING (VALUES %2$s) AS s(" + COLUMNS + ")"
            + " ON c.tenant_id = s.tenant_id AND c.bucket_start = s.bucket_start AND c.dimensions_hash = s.dimensions_hash"
            + " WHEN MATCHED THEN UPDATE SET violation_count = c.violation_count + s.violation_count,"
            + " first_seen = LEAST(c.first_seen, s.first_seen), last_seen = GREATEST(c.last_seen, s.last_seen),"
            + " lowest_id = LEAST(c.lowest_id, s.lowest_id), highest_id = GREATEST(c.highest_id, s.highest_id)"
            + " WHEN NOT MATCHED THEN INSERT (" + COLUMNS + ") VALUES (s."
            + String.join(", s.", COLUMNS.split(", ")) + ")";
    /** Source rows per H2 MERGE statement. */
    private static final int H2_ROWS_PER_MERGE = 100;
    /**
     * How often an H2 merge is tried when it loses the race to insert a new row to another transaction.
     * Each lost race leaves that row committed (rollup rows are never deleted), so the next attempt
     * updates it: a statement of n rows loses at most n races. A fixed small bound failed under four
     * concurrent writers, where one statement lost a race on several of its keys in turn.
     */
    private static final int H2_ATTEMPTS = H2_ROWS_PER_MERGE + 1;
    private static final String UNIQUE_VIOLATION = "23505";

    private ViolationRollup() {
    }

    /**
     * One rollup row's key. {@code blockedUri} is set only when {@code blockedHost} is null, as
     * {@code COALESCE(blocked_host, blocked_uri)} reads it.
     */
    record Cell(long tenantId, Instant bucket, String type, String directive, String blockedHost, String blockedUri,
                String severity, String classification) {
        /** The minute cell of a violation as stored (values already bounded to their columns). */
        static Cell of(long tenantId, Instant receivedAt, String type, String directive, String blockedHost,
                       String blockedUri, String severity, String classification) {
            return new Cell(tenantId, receivedAt.truncatedTo(ChronoUnit.MINUTES), type, directive, blockedHost,
                    blockedHost == null ? blockedUri : null, severity, classification);
        }

        /** This cell's counterpart at {@code level}: the same dimensions, the bucket truncated. */
        Cell at(Level level) {
            return new Cell(tenantId, level.floor(bucket), type, directive, blockedHost, blockedUri, severity,
                    classification);
        }

        /**
         * SHA-256 (hex) of the text dimensions, which together can exceed an index key on MariaDB.
         * Each value is length-prefixed and NULL is distinct from every string.
         */
        String dimensionsHash() {
            MessageDigest digest = sha256();
            for (String value : new String[] {type, directive, blockedHost, blockedUri, severity, classification}) {
                if (value == null) {
                    digest.update((byte) 0);
                } else {
                    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                    digest.update((byte) 1);
                    digest.update(new byte[] {(byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16),
                            (byte) (bytes.length >>> 8), (byte) bytes.length});
                    digest.update(bytes);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        }

        private static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JRE has SHA-256", e);
            }
        }
    }

    /** What a rollup row adds up: violations, first and last receipt, lowest and highest id. */
    record Tally(long count, Instant firstSeen, Instant lastSeen, long lowestId, long highestId) {
        static Tally of(Instant receivedAt, long id) {
            return new Tally(1, receivedAt, receivedAt, id, id);
        }

        Tally plus(Tally other) {
            return new Tally(count + other.count,
                    firstSeen.isBefore(other.firstSeen) ? firstSeen : other.firstSeen,
                    lastSeen.isAfter(other.lastSeen) ? lastSeen : other.lastSeen,
                    Math.min(lowestId, other.lowestId), Math.max(highestId, other.highestId));
        }
    }

    /** Violations of one transaction, summed by cell before they are written. */
    static final class Additions {
        private final Map<Cell, Tally> tallies = new HashMap<>();

        void add(Cell cell, Tally tally) {
            tallies.merge(cell, tally, Tally::plus);
        }

        /**
         * Adds the sums to every level on {@code handle}, level by level (finest first) and in key
         * order within a level, so that concurrent writers lock rows in the same order (no deadlocks
         * between them). The minute sums are re-aggregated to the coarser levels here.
         */
        void writeTo(Handle handle, Dialect dialect) {
            if (tallies.isEmpty()) {
                return;
            }
            for (Level level : Level.values()) {
                Map<Cell, Tally> cells = new HashMap<>();
                tallies.forEach((cell, tally) -> cells.merge(cell.at(level), tally, Tally::plus));
                List<Row> rows = cells.entrySet().stream()
                        .map(e -> new Row(e.getKey(), e.getKey().dimensionsHash(), e.getValue()))
                        .sorted()
                        .toList();
                String table = level.table();
                switch (dialect) {
                    case POSTGRESQL -> upsertBatch(handle, String.format(POSTGRESQL_UPSERT, table), rows);
                    case MARIADB -> upsertBatch(handle, String.format(MARIADB_UPSERT, table), rows);
                    case H2 -> {
                        for (int from = 0; from < rows.size(); from += H2_ROWS_PER_MERGE) {
                            mergeH2(handle, table, rows.subList(from, Math.min(rows.size(), from + H2_ROWS_PER_MERGE)));
                        }
                    }
                }
            }
        }
    }

    /** A rollup row to add, ordered as the primary key (tenant, bucket, hash). */
    private record Row(Cell cell, String hash, Tally tally) implements Comparable<Row> {
        @Override
        public int compareTo(Row other) {
            int order = Long.compare(cell.tenantId(), other.cell.tenantId());
            if (order == 0) {
                order = cell.bucket().compareTo(other.cell.bucket());
            }
            return order != 0 ? order : hash.compareTo(other.hash);
        }
    }

    private static void upsertBatch(Handle handle, String sql, List<Row> rows) {
        PreparedBatch batch = handle.prepareBatch(sql);
        rows.forEach(row -> bind(batch, row, "").add());
        batch.execute();
    }

    /**
     * Merges the rows in one statement. H2's MERGE is not atomic against a concurrent insert of the
     * same new key: the loser fails with a unique violation once the winner commits (only that
     * statement is undone; H2 keeps the transaction), and merging again then finds the row and adds to it.
     */
    private static void mergeH2(Handle handle, String table, List<Row> rows) {
        String sql = String.format(H2_MERGE, table, IntStream.range(0, rows.size())
                .mapToObj(i -> String.format(H2_SOURCE_ROW, i))
                .collect(Collectors.joining(", ")));
        for (int attempt = 1; ; attempt++) {
            try {
                Update merge = handle.createUpdate(sql);
                for (int i = 0; i < rows.size(); i++) {
                    bind(merge, rows.get(i), "_" + i);
                }
                merge.execute();
                return;
            } catch (UnableToExecuteStatementException e) {
                if (attempt == H2_ATTEMPTS || !(e.getCause() instanceof SQLException cause)
                        || !UNIQUE_VIOLATION.equals(cause.getSQLState())) {
                    throw e;
                }
            }
        }
    }

    /** Binds {@code row} to the parameters named as its columns followed by {@code suffix}. */
    private static <S extends SqlStatement<S>> S bind(S statement, Row row, String suffix) {
        Cell cell = row.cell();
        Tally tally = row.tally();
        return statement.bind("tenant_id" + suffix, cell.tenantId())
                .bind("bucket_start" + suffix, cell.bucket())
                .bind("dimensions_hash" + suffix, row.hash())
                .bind("violation_type" + suffix, cell.type())
                .bind("policy_directive" + suffix, cell.directive())
                .bind("blocked_host" + suffix, cell.blockedHost())
                .bind("blocked_uri" + suffix, cell.blockedUri())
                .bind("severity_level" + suffix, cell.severity())
                .bind("threat_classification" + suffix, cell.classification())
                .bind("violation_count" + suffix, tally.count())
                .bind("first_seen" + suffix, tally.firstSeen())
                .bind("last_seen" + suffix, tally.lastSeen())
                .bind("lowest_id" + suffix, tally.lowestId())
                .bind("highest_id" + suffix, tally.highestId());
    }
}
