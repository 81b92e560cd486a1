package org.secheaders.domain.anomaly;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * Identifies one rate series: a tenant's total, or the tenant's share for one {@link GroupKey}.
 * Ordered by tenant, then the total before its groups, then by group.
 */
public record SeriesKey(long tenantId, Optional<GroupKey> group) implements Comparable<SeriesKey> {
    private static final Comparator<SeriesKey> ORDER = Comparator.comparingLong(SeriesKey::tenantId)
            .thenComparing(key -> key.group().orElse(null), Comparator.nullsFirst(Comparator.naturalOrder()));

    public SeriesKey {
        Objects.requireNonNull(group, "group");
    }

    /** The series of all reports for a tenant. */
    public static SeriesKey tenant(long tenantId) {
        return new SeriesKey(tenantId, Optional.empty());
    }

    /** The series of one tenant's reports for a directive and blocked host. */
    public static SeriesKey group(long tenantId, String directive, String blockedHost) {
        return new SeriesKey(tenantId, Optional.of(new GroupKey(directive, blockedHost)));
    }

    @Override
    public int compareTo(SeriesKey other) {
        return ORDER.compare(this, other);
    }
}
