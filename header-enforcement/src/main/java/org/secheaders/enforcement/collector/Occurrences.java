package org.secheaders.enforcement.collector;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * How many identical reports one stored violation row stands for, kept in the row's metadata so that
 * duplicates are counted, never dropped: {@code report_count} (the first report included),
 * {@code last_seen_at} and {@code distinct_clients} (the most distinct senders seen within one dedupe
 * window, saturating at 16 like the deduplicator; a lower bound of the row's distinct senders).
 */
record Occurrences(long reports, Instant lastSeen, int distinctClients) {
    static final String REPORT_COUNT = "report_count";
    static final String LAST_SEEN_AT = "last_seen_at";
    static final String DISTINCT_CLIENTS = "distinct_clients";

    Occurrences {
        Objects.requireNonNull(lastSeen, "lastSeen");
        if (reports < 1) {
            throw new IllegalArgumentException("reports must be at least 1, was " + reports);
        }
    }

    Occurrences plus(long moreReports, Instant seen, int clients) {
        return new Occurrences(reports + moreReports, seen.isAfter(lastSeen) ? seen : lastSeen,
                Math.max(distinctClients, clients));
    }

    Occurrences plus(Occurrences other) {
        return plus(other.reports, other.lastSeen, other.distinctClients);
    }

    void writeTo(Map<String, Object> metadata) {
        metadata.put(REPORT_COUNT, reports);
        metadata.put(LAST_SEEN_AT, lastSeen.toString());
        metadata.put(DISTINCT_CLIENTS, distinctClients);
    }

    /** The counts a stored row holds; a row without them (not written by the collector) counts once. */
    static Occurrences readFrom(Map<String, Object> metadata, Instant createdAt) {
        long reports = metadata.get(REPORT_COUNT) instanceof Number n ? n.longValue() : 1;
        Instant lastSeen = metadata.get(LAST_SEEN_AT) instanceof String s ? Instant.parse(s) : createdAt;
        int clients = metadata.get(DISTINCT_CLIENTS) instanceof Number n ? n.intValue() : 0;
        return new Occurrences(Math.max(1, reports), lastSeen, clients);
    }
}
