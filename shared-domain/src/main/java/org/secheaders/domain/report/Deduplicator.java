package org.secheaders.domain.report;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Collapses identical reports that arrive within a fixed window (default 10 s, report-uri's buffer time)
 * of the first one. The first report of a window is emitted at once; later ones are only counted, and
 * their count leaves as a {@link DuplicateTally} when the window closes — by time, by eviction when more
 * than {@code maxWindows} are open, or by {@link #closeAll()} — so nothing is dropped silently.
 *
 * <p>Thread-safe (one lock; each call is a few map operations). Memory is bounded: every open window is
 * a hash key plus a small fixed-size record. All windows have the same length, so the insertion-ordered
 * map is also ordered by expiry and closing costs only the windows that actually expired.
 */
public final class Deduplicator {
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_WINDOWS = 50_000;
    static final int MAX_TRACKED_CLIENTS = 16;

    private final InstantSource clock;
    private final Duration window;
    private final int maxWindows;
    private final LinkedHashMap<DedupeKey, Window> open = new LinkedHashMap<>();
    private final List<DuplicateTally> closed = new ArrayList<>();

    private static final class Window {
        final Instant start;
        Instant lastSeen;
        long duplicates;
        final long[] clients = new long[MAX_TRACKED_CLIENTS];
        int clientCount;

        Window(Instant start) {
            this.start = start;
            this.lastSeen = start;
        }

        void addClient(OptionalLong client) {
            if (client.isEmpty() || clientCount == clients.length) {
                return;
            }
            for (int i = 0; i < clientCount; i++) {
                if (clients[i] == client.getAsLong()) {
                    return;
                }
            }
            clients[clientCount++] = client.getAsLong();
        }
    }

    public Deduplicator(InstantSource clock) {
        this(clock, DEFAULT_WINDOW, DEFAULT_MAX_WINDOWS);
    }

    public Deduplicator(InstantSource clock, Duration window, int maxWindows) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.window = Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("dedupe window must be positive, was " + window);
        }
        if (maxWindows <= 0) {
            throw new IllegalArgumentException("maxWindows must be positive, was " + maxWindows);
        }
        this.maxWindows = maxWindows;
    }

    /**
     * Counts {@code occurrences} identical reports (a batch may repeat one) from one client.
     *
     * @param client a salted hash of the client key, when the caller has one
     */
    public synchronized Admission admit(DedupeKey key, int occurrences, OptionalLong client) {
        if (occurrences <= 0) {
            throw new IllegalArgumentException("occurrences must be positive, was " + occurrences);
        }
        Instant now = clock.instant();
        closeExpired(now);
        Window existing = open.get(key);
        if (existing != null) {
            existing.duplicates += occurrences;
            existing.lastSeen = now;
            existing.addClient(client);
            return new Admission(false, existing.start);
        }
        Window opened = new Window(now);
        opened.addClient(client);
        open.put(key, opened);
        if (open.size() > maxWindows) {
            Iterator<Map.Entry<DedupeKey, Window>> eldest = open.entrySet().iterator();
            var entry = eldest.next();
            eldest.remove();
            close(entry.getKey(), entry.getValue());
        }
        return new Admission(true, now);
    }

    /** Closes windows that have expired by now and returns every tally not yet returned. */
    public synchronized List<DuplicateTally> drainClosed() {
        closeExpired(clock.instant());
        return drain();
    }

    /** Closes every open window (e.g. at shutdown) and returns every tally not yet returned. */
    public synchronized List<DuplicateTally> closeAll() {
        open.forEach(this::close);
        open.clear();
        return drain();
    }

    public synchronized int openWindows() {
        return open.size();
    }

    private void closeExpired(Instant now) {
        Iterator<Map.Entry<DedupeKey, Window>> entries = open.entrySet().iterator();
        while (entries.hasNext()) {
            var entry = entries.next();
            if (now.isBefore(entry.getValue().start.plus(window))) {
                return;
            }
            entries.remove();
            close(entry.getKey(), entry.getValue());
        }
    }

    private void close(DedupeKey key, Window w) {
        if (w.duplicates > 0) {
            closed.add(new DuplicateTally(key.tenantId(), key.hex(), w.start, w.lastSeen, w.duplicates, w.clientCount));
        }
    }

    private List<DuplicateTally> drain() {
        List<DuplicateTally> result = List.copyOf(closed);
        closed.clear();
        return result;
    }
}
