package org.secheaders.domain.repo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.secheaders.domain.db.UtcTimestamps;

/**
 * What the rollup says a tenant's bucket holds: its violations and highest id. Violations are only ever
 * inserted, each with its rollup rows in one transaction, so an unchanged tally means unchanged rows: the
 * caches derived from a bucket's rows (document counts, minute cells) are valid while it is unchanged.
 */
final class BucketTallies {
    /** {@code %1$s} is the level's name, {@code %2$s} its table, {@code %3$s} the WHERE clause. */
    private static final String TALLIES = "SELECT '%1$s' AS level, tenant_id, bucket_start, SUM(violation_count) AS n,"
            + " MAX(highest_id) AS highest_id FROM %2$s%3$s GROUP BY tenant_id, bucket_start";

    private BucketTallies() {
    }

    /** One tenant's bucket of one level. */
    record BucketKey(long tenantId, ViolationRollup.Level level, Instant start) {
        static final Comparator<BucketKey> ORDER = Comparator.comparingLong(BucketKey::tenantId)
                .thenComparing(BucketKey::level).thenComparing(BucketKey::start);
    }

    /** A bucket's violations and highest id. */
    record Fingerprint(long violations, long highestId) {
    }

    /**
     * The tallies of the scope's buckets starting in any of each level's spans, from the levels' rollup tables,
     * in one statement.
     */
    static Map<BucketKey, Fingerprint> read(Jdbi jdbi, TenantScope scope, Map<ViolationRollup.Level, List<TimeSpan>> spans) {
        List<Where> wheres = new ArrayList<>();
        List<String> selects = new ArrayList<>();
        spans.forEach((level, levelSpans) -> {
            Map<String, Object> bounds = new HashMap<>();
            Where where = Where.scoped(scope)
                    .and(TimeSpan.anyOf("bucket_start", levelSpans, level.name().toLowerCase(Locale.ROOT), bounds), bounds);
            selects.add(String.format(TALLIES, level.name(), level.table(), where.sql()));
            wheres.add(where);
        });
        return jdbi.withHandle(handle -> {
            Query query = handle.createQuery(String.join(" UNION ALL ", selects));
            wheres.forEach(where -> where.bind(query));
            return query.map((rs, ctx) -> Map.entry(new BucketKey(rs.getLong("tenant_id"),
                        ViolationRollup.Level.valueOf(rs.getString("level")), UtcTimestamps.read(rs, "bucket_start")),
                        new Fingerprint(rs.getLong("n"), rs.getLong("highest_id"))))
                    .collectToMap(Map.Entry::getKey, Map.Entry::getValue);
        });
    }

    /** The keys in runs of one tenant's consecutive buckets, in {@link BucketKey#ORDER}. */
    static List<List<BucketKey>> runs(List<BucketKey> keys) {
        List<List<BucketKey>> runs = new ArrayList<>();
        List<BucketKey> run = new ArrayList<>();
        for (BucketKey key : keys.stream().sorted(BucketKey.ORDER).toList()) {
            if (!run.isEmpty()) {
                BucketKey last = run.get(run.size() - 1);
                if (last.tenantId() != key.tenantId() || last.level() != key.level()
                        || !last.level().next(last.start()).equals(key.start())) {
                    runs.add(run);
                    run = new ArrayList<>();
                }
            }
            run.add(key);
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        return runs;
    }
}
