package org.secheaders.domain.repo;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.jdbi.v3.core.Jdbi;
import org.secheaders.domain.repo.BucketTallies.BucketKey;
import org.secheaders.domain.repo.BucketTallies.Fingerprint;

/**
 * The minute cells ({@link ViolationRepository#countCells} rows) of closed hours, kept in memory per tenant
 * and hour for the anomaly detector, which reads a day or more of them per call and mostly the same hours
 * call after call (docs/ROLLUPS.md, "Minute cells in memory"). An hour's cells are reused while the hour
 * rollup's tally of that tenant and hour is unchanged; the least recently used are dropped beyond a
 * bound on the number of cells held.
 */
final class MinuteCellCache {
    /** About 15 MB of cells: a day of the million-violation demo set, every tenant, is about 50,000. */
    static final int DEFAULT_MAX_CELLS = 250_000;

    private final Jdbi jdbi;
    private final Clock clock;
    private final int maxCells;
    /** Guarded by itself; in access order, so the first entries are the least recently used. */
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    private int cells;

    MinuteCellCache(Jdbi jdbi, Clock clock, int maxCells) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.maxCells = maxCells;
    }

    /** Whether the cache answers a cell read: minute buckets, a bounded range, the tenant among the groupings. */
    static boolean answers(ViolationQuery query, TimeBucket bucket, List<ViolationGrouping> groupings) {
        return bucket == TimeBucket.MINUTE && query.onlyTimeRange() && query.from().isPresent() && query.to().isPresent()
                && groupings.contains(ViolationGrouping.TENANT);
    }

    private record Key(List<ViolationGrouping> groupings, long tenantId, Instant hour) {
    }

    private record Entry(Fingerprint fingerprint, List<GroupedBucketCount> cells) {
    }

    /**
     * The cells of {@code query} (which {@link #answers} accepts): the closed whole hours from memory where their
     * tally is unchanged, the rest from {@code load} (the repository's read of the minute rollup), which is
     * given the scope and range to read.
     */
    List<GroupedBucketCount> cells(TenantScope scope, ViolationQuery query, List<ViolationGrouping> groupings,
            BiFunction<TenantScope, ViolationQuery, List<GroupedBucketCount>> load) {
        ViolationRollup.Level hour = ViolationRollup.Level.HOUR;
        Instant from = query.from().orElseThrow();
        Instant to = query.to().orElseThrow();
        Instant first = hour.ceil(from);
        Instant closed = hour.floor(clock.instant().minus(DocumentCounts.SETTLE));
        Instant end = hour.floor(to).isBefore(closed) ? hour.floor(to) : closed;
        if (!first.isBefore(end)) {
            return load.apply(scope, query);
        }
        List<GroupedBucketCount> result = new ArrayList<>();
        if (from.isBefore(first)) {
            result.addAll(load.apply(scope, ViolationQuery.all().between(from, first)));
        }
        if (end.isBefore(to)) {
            result.addAll(load.apply(scope, ViolationQuery.all().between(end, to)));
        }
        // Tallies first, cells after: a report stored in between makes the entry's tally older than its cells,
        // so the entry is reloaded next time rather than kept with cells older than its tally.
        Map<BucketKey, Fingerprint> tallies = BucketTallies.read(jdbi, scope, Map.of(hour, List.of(TimeSpan.of(first, end))));
        Set<BucketKey> held = new HashSet<>();
        TreeSet<Instant> stale = new TreeSet<>();
        synchronized (entries) {
            tallies.forEach((bucket, tally) -> {
                Entry entry = entries.get(new Key(groupings, bucket.tenantId(), bucket.start()));
                if (entry != null && entry.fingerprint().equals(tally)) {
                    result.addAll(entry.cells());
                    held.add(bucket);
                } else {
                    stale.add(bucket.start());
                }
            });
        }
        // One read per run of consecutive stale hours for the whole scope (few statements); the cells of tenants
        // whose hour was held come again and are left out of the answer.
        for (TimeSpan run : runs(stale)) {
            List<GroupedBucketCount> loaded = load.apply(scope, ViolationQuery.all().between(run.from().orElseThrow(),
                    run.to().orElseThrow()));
            Map<BucketKey, List<GroupedBucketCount>> byHour = keep(groupings, loaded, tallies);
            byHour.forEach((bucket, hourCells) -> {
                if (!held.contains(bucket)) {
                    result.addAll(hourCells);
                }
            });
        }
        return result;
    }

    /** Consecutive hours as spans. */
    private static List<TimeSpan> runs(TreeSet<Instant> hours) {
        List<TimeSpan> runs = new ArrayList<>();
        Instant start = null;
        Instant next = null;
        for (Instant hour : hours) {
            if (start != null && !hour.equals(next)) {
                runs.add(TimeSpan.of(start, next));
                start = null;
            }
            if (start == null) {
                start = hour;
            }
            next = ViolationRollup.Level.HOUR.next(hour);
        }
        if (start != null) {
            runs.add(TimeSpan.of(start, next));
        }
        return runs;
    }

    /**
     * Stores the loaded cells per tenant and hour with the hour's tally (hours without one, reported meanwhile,
     * are not kept) and returns them so grouped.
     */
    private Map<BucketKey, List<GroupedBucketCount>> keep(List<ViolationGrouping> groupings, List<GroupedBucketCount> loaded,
            Map<BucketKey, Fingerprint> tallies) {
        Map<BucketKey, List<GroupedBucketCount>> byHour = new HashMap<>();
        Map<GroupedValues, GroupedValues> shared = new HashMap<>();
        for (GroupedBucketCount cell : loaded) {
            // One key object per group: an hour repeats the same few groups minute after minute.
            GroupedValues key = shared.computeIfAbsent(cell.key(), k -> k);
            BucketKey bucket = new BucketKey(Long.parseLong(key.require(ViolationGrouping.TENANT)),
                    ViolationRollup.Level.HOUR, ViolationRollup.Level.HOUR.floor(cell.bucketStart()));
            byHour.computeIfAbsent(bucket, b -> new ArrayList<>())
                    .add(key == cell.key() ? cell : new GroupedBucketCount(key, cell.bucketStart(), cell.count()));
        }
        synchronized (entries) {
            byHour.forEach((bucket, hourCells) -> {
                Fingerprint tally = tallies.get(bucket);
                if (tally != null) {
                    Entry previous = entries.put(new Key(groupings, bucket.tenantId(), bucket.start()),
                            new Entry(tally, List.copyOf(hourCells)));
                    cells += hourCells.size() - (previous == null ? 0 : previous.cells().size());
                }
            });
            var eldest = entries.entrySet().iterator();
            while (cells > maxCells && eldest.hasNext()) {
                cells -= eldest.next().getValue().cells().size();
                eldest.remove();
            }
        }
        return byHour;
    }

    /** Cells held, for tests. */
    int size() {
        synchronized (entries) {
            return cells;
        }
    }
}
