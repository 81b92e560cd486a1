package org.secheaders.domain.anomaly;

import java.util.Comparator;
import java.util.Objects;

/**
 * What a per-tenant series is split by: the violated CSP directive and the normalized blocked host
 * (or the pipeline's keyword for non-URL blocked values, such as {@code inline}).
 */
public record GroupKey(String directive, String blockedHost) implements Comparable<GroupKey> {
    private static final Comparator<GroupKey> ORDER =
            Comparator.comparing(GroupKey::directive).thenComparing(GroupKey::blockedHost);

    public GroupKey {
        requireText(directive, "directive");
        requireText(blockedHost, "blockedHost");
    }

    @Override
    public int compareTo(GroupKey other) {
        return ORDER.compare(this, other);
    }

    /** The form used in explanations, e.g. {@code script-src evil.example}. */
    public String label() {
        return directive + " " + blockedHost;
    }

    private static void requireText(String value, String field) {
        if (Objects.requireNonNull(value, field).isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }
}
