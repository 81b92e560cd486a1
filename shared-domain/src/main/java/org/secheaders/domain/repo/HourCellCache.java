package org.secheaders.domain.repo;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
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
 * Grouped counts of closed hours kept in memory per grouping, tenant and hour: the minute cells the anomaly
 * detector reads ({@link ViolationRepository#countCells}) and the hourly group counts of the correlation
 * ({@link ViolationRepository#groupCounts}), which read a day or more per call and mostly the same hours
 * call after call (docs/ROLLUPS.md, "Closed hours in memory"). An hour's cells are reused while the hour
 * rollup's tally of that tenant and hour is unchanged; the least recently used hours are dropped beyond
 * an estimate of the memory held.
 */
final class HourCellCache {
    /** The default bound of the estimated memory held. */
    static final long DEFAULT_MAX_BYTES = 64L << 20;
    /** Estimated bytes per cell (an array slot each for its key, minute and count) and per distinct group key. */
    private static final int CELL_BYTES = 16;
    private static final int KEY_BYTES = 160;
    /** Beyond this many distinct values the sharing starts afresh (high-cardinality URIs). */
    private static final int MAX_SHARED_VALUES = 200_000;

    private final Jdbi jdbi;
    private final Clock clock;
    private final long maxBytes;
    /** Guarded by itself; in access order, so the first entries are the least recently used. */
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    /** Guarded by {@link #entries}: one copy of each grouped value (URIs, directives) however many hours hold it. */
    private final Map<String, String> values = new HashMap<>();
    private long bytes;

    HourCellCache(Jdbi jdbi, Clock clock, long maxBytes) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    /** Whether the cache answers a read: no filter but a bounded range, the tenant among the groupings. */
    static boolean answers(ViolationQuery query, List<ViolationGrouping> groupings) {
        return query.onlyTimeRange() && query.from().isPresent() && query.to().isPresent()
                && groupings.contains(ViolationGrouping.TENANT);
    }

    /** What was read: the rollup's minute cells, or the raw rows' counts per hour. */
    enum Source {
        MINUTE_CELLS, HOURLY_GROUPS
    }

    private record Key(Source source, List<ViolationGrouping> groupings, long tenantId, Instant hour) {
    }

    /** One hour's cells: cell i is {@code keys[i]}'s count {@code counts[i]} in minute {@code minutes[i]} of the hour. */
    private record Entry(Fingerprint fingerprint, Instant hour, GroupedValues[] keys, byte[] minutes, long[] counts,
                         long bytes) {
        void addTo(List<GroupedBucketCount> cells) {
            for (int i = 0; i < keys.length; i++) {
                cells.add(new GroupedBucketCount(keys[i], hour.plusSeconds(60L * minutes[i]), counts[i]));
            }
        }
    }

    /**
     * The cells of {@code query} (which {@link #answers} accepts): the closed whole hours from memory where their
     * tally is unchanged, the rest from {@code load}, which is given the scope and range to read and returns
     * cells whose bucket starts lie in that range, no finer than minutes.
     */
    List<GroupedBucketCount> cells(TenantScope scope, ViolationQuery query, Source source, List<ViolationGrouping> groupings,
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
                Entry entry = entries.get(new Key(source, groupings, bucket.tenantId(), bucket.start()));
                if (entry != null && entry.fingerprint().equals(tally)) {
                    entry.addTo(result);
                    held.add(bucket);
                } else {
                    stale.add(bucket.start());
                }
            });
        }
        // One read per run of consecutive stale hours for the whole scope (few statements); the cells of tenants
        // whose hour was held come again and are left out of the answer.
        for (TimeSpan run : BucketTallies.runs(hour, stale)) {
            List<GroupedBucketCount> loaded = load.apply(scope, ViolationQuery.all().between(run.from().orElseThrow(),
                    run.to().orElseThrow()));
            keep(source, groupings, loaded, tallies).forEach((bucket, hourCells) -> {
                if (!held.contains(bucket)) {
                    result.addAll(hourCells);
                }
            });
        }
        return result;
    }

    /**
     * Stores the loaded cells per tenant and hour with the hour's tally (hours without one, reported meanwhile,
     * are not kept) and returns them so grouped.
     */
    private Map<BucketKey, List<GroupedBucketCount>> keep(Source source, List<ViolationGrouping> groupings,
            List<GroupedBucketCount> loaded, Map<BucketKey, Fingerprint> tallies) {
        Map<BucketKey, List<GroupedBucketCount>> byHour = new HashMap<>();
        for (GroupedBucketCount cell : loaded) {
            BucketKey bucket = new BucketKey(Long.parseLong(cell.key().require(ViolationGrouping.TENANT)),
                    ViolationRollup.Level.HOUR, ViolationRollup.Level.HOUR.floor(cell.bucketStart()));
            byHour.computeIfAbsent(bucket, b -> new ArrayList<>()).add(cell);
        }
        synchronized (entries) {
            byHour.forEach((bucket, hourCells) -> {
                Fingerprint tally = tallies.get(bucket);
                if (tally != null) {
                    Entry entry = entry(tally, bucket.start(), hourCells);
                    Entry previous = entries.put(new Key(source, groupings, bucket.tenantId(), bucket.start()), entry);
                    bytes += entry.bytes() - (previous == null ? 0 : previous.bytes());
                }
            });
            var eldest = entries.entrySet().iterator();
            while (bytes > maxBytes && eldest.hasNext()) {
                bytes -= eldest.next().getValue().bytes();
                eldest.remove();
            }
            if (entries.isEmpty() || values.size() > MAX_SHARED_VALUES) {
                values.clear();
            }
        }
        return byHour;
    }

    /** An entry of compact arrays, its keys' values shared with the other entries (call holding the lock). */
    private Entry entry(Fingerprint tally, Instant hour, List<GroupedBucketCount> cells) {
        Map<GroupedValues, GroupedValues> keys = new HashMap<>();
        GroupedValues[] cellKeys = new GroupedValues[cells.size()];
        byte[] minutes = new byte[cells.size()];
        long[] counts = new long[cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            GroupedBucketCount cell = cells.get(i);
            cellKeys[i] = keys.computeIfAbsent(cell.key(), this::shared);
            minutes[i] = (byte) ((cell.bucketStart().getEpochSecond() - hour.getEpochSecond()) / 60);
            counts[i] = cell.count();
        }
        return new Entry(tally, hour, cellKeys, minutes, counts, (long) CELL_BYTES * cells.size() + (long) KEY_BYTES * keys.size());
    }

    private GroupedValues shared(GroupedValues key) {
        Map<ViolationGrouping, String> copy = new EnumMap<>(ViolationGrouping.class);
        key.values().forEach((grouping, value) -> copy.put(grouping, values.computeIfAbsent(value, v -> v)));
        return new GroupedValues(copy);
    }

    /** The estimated bytes held, for tests. */
    long size() {
        synchronized (entries) {
            return bytes;
        }
    }
}
