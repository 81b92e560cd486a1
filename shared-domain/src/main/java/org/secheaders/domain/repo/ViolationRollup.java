package org.secheaders.domain.repo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
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
 * The rollups of violations (docs/ROLLUPS.md): per {@link Family} of key columns, one table per
 * {@link Level} it keeps, with one row per tenant, time bucket and key, holding the count, first/last
 * receipt and lowest/highest id. {@link ViolationRepository} adds to every table in the transaction
 * that inserts the violations and reads them instead of the raw rows when a query can be answered exactly.
 */
final class ViolationRollup {
    /** The groupings a rollup row keeps; the others (URIs, document, source file) need the raw rows. */
    static final Set<ViolationGrouping> DIMENSIONS = Family.DIMENSIONS.groupings();

    /** The bucket widths of rollup tables, finest first; {@code bucket_start} is the start of the row's UTC minute, hour or day. */
    enum Level {
        MINUTE(TimeBucket.MINUTE, ChronoUnit.MINUTES),
        HOUR(TimeBucket.HOUR, ChronoUnit.HOURS),
        DAY(TimeBucket.DAY, ChronoUnit.DAYS);

        private final TimeBucket bucket;
        private final ChronoUnit unit;

        Level(TimeBucket bucket, ChronoUnit unit) {
            this.bucket = bucket;
            this.unit = unit;
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

        /** The first bucket start of this level at or after {@code instant}. */
        Instant ceil(Instant instant) {
            Instant start = floor(instant);
            return start.equals(instant) ? start : start.plus(1, unit);
        }
    }

    /**
     * A key column of a family: its name in the rollup tables, its H2 type (MERGE's typed source rows)
     * and how it is computed from a {@code security_violations} row.
     */
    record Column(String name, String h2Type, String fromRaw) {
        Column(String name, String h2Type) {
            this(name, h2Type, name);
        }

        /** The column as selected from the raw rows under its own name. */
        String selectFromRaw() {
            return fromRaw.equals(name) ? name : fromRaw + " AS " + name;
        }
    }

    /**
     * Rollup tables with the same key columns (besides tenant and bucket), one table per level. The
     * key columns can together exceed an index key on MariaDB (3,072 bytes), so rows are keyed by
     * tenant, bucket and the SHA-256 of the key columns ({@link Key#hash}), stored in {@code hashColumn}.
     */
    enum Family {
        /** The dimensions the analytics queries filter and group on (migration 007). */
        DIMENSIONS("violation_%s_counts", "dimensions_hash", EnumSet.allOf(Level.class),
                EnumSet.of(ViolationGrouping.TENANT, ViolationGrouping.DIRECTIVE, ViolationGrouping.BLOCKED_HOST,
                        ViolationGrouping.BLOCKED_RESOURCE, ViolationGrouping.VIOLATION_TYPE, ViolationGrouping.SEVERITY,
                        ViolationGrouping.CLASSIFICATION),
                List.of(new Column("violation_type", "VARCHAR(32)"), new Column("policy_directive", "VARCHAR(128)"),
                        new Column("blocked_host", "VARCHAR(253)"),
                        // Only where there is no host, as COALESCE(blocked_host, blocked_uri) reads it.
                        new Column("blocked_uri", "VARCHAR(512)", "CASE WHEN blocked_host IS NULL THEN blocked_uri END"),
                        new Column("severity_level", "VARCHAR(16)"), new Column("threat_classification", "VARCHAR(32)"))),
        /**
         * The document (page) a violation was reported from (migration 008). No minute level: at minute
         * grain nearly every row would be one violation (docs/ROLLUPS.md, "Cost").
         */
        DOCUMENTS("violation_document_%s_counts", "document_hash", EnumSet.of(Level.HOUR, Level.DAY),
                EnumSet.of(ViolationGrouping.TENANT, ViolationGrouping.DOCUMENT_URI),
                List.of(new Column("document_uri", "VARCHAR(2048)")));

        private static final String TALLY_COLUMNS = "violation_count, first_seen, last_seen, lowest_id, highest_id";
        /** The tally columns' H2 types, in the order of {@link #TALLY_COLUMNS}. */
        private static final List<String> TALLY_H2_TYPES = List.of("BIGINT", "TIMESTAMP", "TIMESTAMP", "BIGINT", "BIGINT");

        private final String tablePattern;
        private final String hashColumn;
        private final Set<Level> levels;
        private final Set<ViolationGrouping> groupings;
        private final List<Column> keyColumns;

        Family(String tablePattern, String hashColumn, Set<Level> levels, Set<ViolationGrouping> groupings,
               List<Column> keyColumns) {
            this.tablePattern = tablePattern;
            this.hashColumn = hashColumn;
            this.levels = levels;
            this.groupings = groupings;
            this.keyColumns = keyColumns;
        }

        /** This family's table of {@code level}. */
        String table(Level level) {
            if (!levels.contains(level)) {
                throw new IllegalArgumentException(this + " has no " + level + " table");
            }
            return String.format(tablePattern, level.name().toLowerCase(Locale.ROOT));
        }

        /** The levels this family keeps, finest first. */
        List<Level> levels() {
            return List.copyOf(levels);
        }

        /** The groupings its rows answer (the tenant and its key columns). */
        Set<ViolationGrouping> groupings() {
            return Collections.unmodifiableSet(groupings);
        }

        /** The columns a routed read selects from its tables, after {@code tenant_id, bucket_start}. */
        String readColumns() {
            return keyNames() + ", " + TALLY_COLUMNS;
        }

        /** Raw violations as one-violation rows of {@link #readColumns}. */
        String rawAsRollupColumns() {
            return rawKeyColumns() + ", 1 AS violation_count, created_at AS first_seen, created_at AS last_seen, id AS lowest_id,"
                    + " id AS highest_id";
        }

        /** The key columns computed from the raw rows, each under its name. */
        String rawKeyColumns() {
            return keyColumns.stream().map(Column::selectFromRaw).collect(Collectors.joining(", "));
        }

        /** The key columns as computed from the raw rows, for a GROUP BY of them. */
        String rawKeyExpressions() {
            return keyColumns.stream().map(Column::fromRaw).collect(Collectors.joining(", "));
        }

        /** The key columns' values of a row selected with {@link #readColumns} or {@link #rawAsRollupColumns}. */
        List<String> keyValues(ResultSet rs) throws SQLException {
            List<String> values = new ArrayList<>(keyColumns.size());
            for (Column column : keyColumns) {
                values.add(rs.getString(column.name()));
            }
            return values;
        }

        private String keyNames() {
            return keyColumns.stream().map(Column::name).collect(Collectors.joining(", "));
        }

        private List<String> writtenColumns() {
            List<String> columns = new ArrayList<>(List.of("tenant_id", "bucket_start", hashColumn));
            keyColumns.forEach(column -> columns.add(column.name()));
            columns.addAll(List.of(TALLY_COLUMNS.split(", ")));
            return columns;
        }

        private List<String> writtenH2Types() {
            List<String> types = new ArrayList<>(List.of("BIGINT", "TIMESTAMP", "VARCHAR(64)"));
            keyColumns.forEach(column -> types.add(column.h2Type()));
            types.addAll(TALLY_H2_TYPES);
            return types;
        }

        /** The statement adding one row to {@code table} (a batch of them on PostgreSQL and MariaDB). */
        String upsert(Dialect dialect, String table) {
            List<String> columns = writtenColumns();
            String names = String.join(", ", columns);
            String values = columns.stream().map(column -> ":" + column).collect(Collectors.joining(", "));
            return switch (dialect) {
                case POSTGRESQL -> "INSERT INTO " + table + " AS c (" + names + ") VALUES (" + values + ")"
                        + " ON CONFLICT (tenant_id, bucket_start, " + hashColumn + ") DO UPDATE SET"
                        + " violation_count = c.violation_count + EXCLUDED.violation_count,"
                        + " first_seen = LEAST(c.first_seen, EXCLUDED.first_seen),"
                        + " last_seen = GREATEST(c.last_seen, EXCLUDED.last_seen),"
                        + " lowest_id = LEAST(c.lowest_id, EXCLUDED.lowest_id),"
                        + " highest_id = GREATEST(c.highest_id, EXCLUDED.highest_id)";
                case MARIADB -> "INSERT INTO " + table + " (" + names + ") VALUES (" + values + ")"
                        + " ON DUPLICATE KEY UPDATE violation_count = violation_count + VALUES(violation_count),"
                        + " first_seen = LEAST(first_seen, VALUES(first_seen)),"
                        + " last_seen = GREATEST(last_seen, VALUES(last_seen)),"
                        + " lowest_id = LEAST(lowest_id, VALUES(lowest_id)),"
                        + " highest_id = GREATEST(highest_id, VALUES(highest_id))";
                case H2 -> throw new IllegalArgumentException("H2 merges several rows per statement: see merge()");
            };
        }

        /** H2's MERGE of {@code rows} source rows into {@code table}; parameters are the columns suffixed {@code _i}. */
        String merge(String table, int rows) {
            List<String> columns = writtenColumns();
            List<String> types = writtenH2Types();
            String sourceRows = IntStream.range(0, rows)
                    .mapToObj(row -> IntStream.range(0, columns.size())
                            .mapToObj(c -> "CAST(:" + columns.get(c) + "_" + row + " AS " + types.get(c) + ")")
                            .collect(Collectors.joining(", ", "(", ")")))
                    .collect(Collectors.joining(", "));
            String names = String.join(", ", columns);
            return "MERGE INTO " + table + " c USING (VALUES " + sourceRows + ") AS s(" + names + ")"
                    + " ON c.tenant_id = s.tenant_id AND c.bucket_start = s.bucket_start"
                    + " AND c." + hashColumn + " = s." + hashColumn
                    + " WHEN MATCHED THEN UPDATE SET violation_count = c.violation_count + s.violation_count,"
                    + " first_seen = LEAST(c.first_seen, s.first_seen), last_seen = GREATEST(c.last_seen, s.last_seen),"
                    + " lowest_id = LEAST(c.lowest_id, s.lowest_id), highest_id = GREATEST(c.highest_id, s.highest_id)"
                    + " WHEN NOT MATCHED THEN INSERT (" + names + ") VALUES ("
                    + columns.stream().map(column -> "s." + column).collect(Collectors.joining(", ")) + ")";
        }

        /** Binds {@code row} to the parameters named as its columns followed by {@code suffix}. */
        private <S extends SqlStatement<S>> S bind(S statement, Row row, String suffix) {
            Key key = row.key();
            Tally tally = row.tally();
            statement.bind("tenant_id" + suffix, key.tenantId())
                    .bind("bucket_start" + suffix, key.bucket())
                    .bind(hashColumn + suffix, row.hash());
            for (int i = 0; i < keyColumns.size(); i++) {
                statement.bind(keyColumns.get(i).name() + suffix, key.values().get(i));
            }
            return statement.bind("violation_count" + suffix, tally.count())
                    .bind("first_seen" + suffix, tally.firstSeen())
                    .bind("last_seen" + suffix, tally.lastSeen())
                    .bind("lowest_id" + suffix, tally.lowestId())
                    .bind("highest_id" + suffix, tally.highestId());
        }
    }

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
     * One rollup row's key: its family, tenant, bucket and the values of the family's key columns, as
     * stored (values already bounded to their columns).
     */
    record Key(Family family, long tenantId, Instant bucket, List<String> values) {
        Key {
            // Values may be NULL (blocked_host, blocked_uri), which List.copyOf rejects.
            values = Collections.unmodifiableList(new ArrayList<>(values));
        }

        /** The minute key of a violation's dimensions; {@code blockedUri} is kept only without a host. */
        static Key dimensions(long tenantId, Instant receivedAt, String type, String directive, String blockedHost,
                              String blockedUri, String severity, String classification) {
            return new Key(Family.DIMENSIONS, tenantId, receivedAt.truncatedTo(ChronoUnit.MINUTES), Arrays.asList(type,
                    directive, blockedHost, blockedHost == null ? blockedUri : null, severity, classification));
        }

        /** The hour key of a violation's document. */
        static Key document(long tenantId, Instant receivedAt, String documentUri) {
            return new Key(Family.DOCUMENTS, tenantId, receivedAt.truncatedTo(ChronoUnit.HOURS), List.of(documentUri));
        }

        /** This key's counterpart at {@code level}: the same values, the bucket truncated. */
        Key at(Level level) {
            return new Key(family, tenantId, level.floor(bucket), values);
        }

        /**
         * SHA-256 (hex) of the values, each length-prefixed, NULL distinct from every string (the
         * hashes of migration 007's rows are computed this way).
         */
        String hash() {
            MessageDigest digest = sha256();
            for (String value : values) {
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

    /** Violations of one transaction, summed by key before they are written. */
    static final class Additions {
        private final Map<Key, Tally> tallies = new HashMap<>();

        void add(Key key, Tally tally) {
            tallies.merge(key, tally, Tally::plus);
        }

        /**
         * Adds the sums to every table of their families on {@code handle}, family by family and level
         * by level (finest first), in key order within a table, so that concurrent writers lock rows in
         * the same order (no deadlocks between them). The sums are re-aggregated to the coarser levels here.
         */
        void writeTo(Handle handle, Dialect dialect) {
            for (Family family : Family.values()) {
                for (Level level : family.levels()) {
                    Map<Key, Tally> keys = new HashMap<>();
                    tallies.forEach((key, tally) -> {
                        if (key.family() == family) {
                            keys.merge(key.at(level), tally, Tally::plus);
                        }
                    });
                    if (!keys.isEmpty()) {
                        write(handle, dialect, family, family.table(level), keys.entrySet().stream()
                                .map(e -> new Row(e.getKey(), e.getKey().hash(), e.getValue()))
                                .sorted()
                                .toList());
                    }
                }
            }
        }
    }

    private static void write(Handle handle, Dialect dialect, Family family, String table, List<Row> rows) {
        if (dialect == Dialect.H2) {
            for (int from = 0; from < rows.size(); from += H2_ROWS_PER_MERGE) {
                mergeH2(handle, family, table, rows.subList(from, Math.min(rows.size(), from + H2_ROWS_PER_MERGE)));
            }
        } else {
            PreparedBatch batch = handle.prepareBatch(family.upsert(dialect, table));
            rows.forEach(row -> family.bind(batch, row, "").add());
            batch.execute();
        }
    }

    /** A rollup row to add, ordered as the primary key (tenant, bucket, hash). */
    private record Row(Key key, String hash, Tally tally) implements Comparable<Row> {
        @Override
        public int compareTo(Row other) {
            int order = Long.compare(key.tenantId(), other.key.tenantId());
            if (order == 0) {
                order = key.bucket().compareTo(other.key.bucket());
            }
            return order != 0 ? order : hash.compareTo(other.hash);
        }
    }

    /**
     * Merges the rows in one statement. H2's MERGE is not atomic against a concurrent insert of the
     * same new key: the loser fails with a unique violation once the winner commits (only that
     * statement is undone; H2 keeps the transaction), and merging again then finds the row and adds to it.
     */
    private static void mergeH2(Handle handle, Family family, String table, List<Row> rows) {
        String sql = family.merge(table, rows.size());
        for (int attempt = 1; ; attempt++) {
            try {
                Update merge = handle.createUpdate(sql);
                for (int i = 0; i < rows.size(); i++) {
                    family.bind(merge, rows.get(i), "_" + i);
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
}
