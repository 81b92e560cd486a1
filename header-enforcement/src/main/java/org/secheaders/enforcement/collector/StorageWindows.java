package org.secheaders.enforcement.collector;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The dedupe windows whose rows earlier batches stored, so that a later batch adds identical reports
 * to the same row instead of inserting a new one. (The pipeline's deduplicator is closed after every
 * batch, so that every count is in the database when the checkpoint moves; this map carries the
 * windows across batches.) In memory only: after a restart the first identical report opens a new
 * row, which loses nothing. Bounded; windows start in receipt order, so the map's insertion order is
 * also expiry order. Used by the worker thread only.
 */
final class StorageWindows {
    private final Duration length;
    private final int maxWindows;
    private final LinkedHashMap<Key, Instant> starts = new LinkedHashMap<>();

    private record Key(long tenantId, String dedupeKey) {
    }

    StorageWindows(Duration length, int maxWindows) {
        this.length = length;
        this.maxWindows = maxWindows;
    }

    /** The start of the stored window that a report of this kind received at {@code at} belongs to. */
    Optional<Instant> storedWindow(long tenantId, String dedupeKey, Instant at) {
        Instant start = starts.get(new Key(tenantId, dedupeKey));
        return start != null && !at.isBefore(start) && at.isBefore(start.plus(length))
                ? Optional.of(start) : Optional.empty();
    }

    void opened(WindowId window) {
        Key key = new Key(window.tenantId(), window.dedupeKey());
        starts.remove(key);
        starts.put(key, window.start());
        if (starts.size() > maxWindows) {
            Iterator<Key> eldest = starts.keySet().iterator();
            eldest.next();
            eldest.remove();
        }
    }

    /** Forgets the windows that have closed by {@code now}. */
    void expire(Instant now) {
        Iterator<Map.Entry<Key, Instant>> entries = starts.entrySet().iterator();
        while (entries.hasNext() && !now.isBefore(entries.next().getValue().plus(length))) {
            entries.remove();
        }
    }

    int size() {
        return starts.size();
    }
}
