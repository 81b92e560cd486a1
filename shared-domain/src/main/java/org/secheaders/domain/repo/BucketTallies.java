package org.secheaders.domain.repo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.jdbi.v3.core.Jdbi;
import org.secheaders.domain.db.UtcTimestamps;

/**
 * What the rollup says a tenant's bucket holds: its violations and highest id. Violations are only ever
 * inserted, each with its rollup rows in one transaction, so an unchanged tally means unchanged rows: the
 * caches derived from a bucket's rows (document counts, minute cells) are valid while it is unchanged.
 */
final class BucketTallies {
    private static final String GROUP_BY = " GROUP BY tenant_id, bucket_start";

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
        List<String> branches = new ArrayList<>();
        List<Where> wheres = new ArrayList<>();
        spans.forEach((level, levelSpans) -> {
            List<Where> levelWheres = new ArrayList<>();
            for (TimeSpan span : levelSpans) {
                levelWheres.add(span.bound(Where.scoped(scope), "bucket_start", "t" + (wheres.size() + levelWheres.size())));
            }
            branches.add(TimeSpan.Branches.of("SELECT '" + level.name() + "' AS level, tenant_id, bucket_start,"
                    + " SUM(violation_count) AS n, MAX(highest_id) AS highest_id FROM " + level.table(), levelWheres, GROUP_BY).sql());
            wheres.addAll(levelWheres);
        });
        TimeSpan.Branches all = new TimeSpan.Branches(String.join(" UNION ALL ", branches), wheres);
        return jdbi.withHandle(handle -> all.bind(handle.createQuery(all.sql()))
                .map((rs, ctx) -> Map.entry(new BucketKey(rs.getLong("tenant_id"),
                        ViolationRollup.Level.valueOf(rs.getString("level")), UtcTimestamps.read(rs, "bucket_start")),
                        new Fingerprint(rs.getLong("n"), rs.getLong("highest_id"))))
                .collectToMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Consecutive buckets of {@code level}, given by their starts, as spans from the first start to the last one's end. */
    static List<TimeSpan> runs(ViolationRollup.Level level, SortedSet<Instant> starts) {
        List<TimeSpan> runs = new ArrayList<>();
        Instant first = null;
        Instant next = null;
        for (Instant start : starts) {
            if (first != null && !start.equals(next)) {
                runs.add(TimeSpan.of(first, next));
                first = null;
            }
            if (first == null) {
                first = start;
            }
            next = level.next(start);
        }
        if (first != null) {
            runs.add(TimeSpan.of(first, next));
        }
        return runs;
    }
}
