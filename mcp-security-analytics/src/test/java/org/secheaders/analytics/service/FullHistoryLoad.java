package org.secheaders.analytics.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.secheaders.domain.anomaly.RateSeries;
import org.secheaders.domain.anomaly.SeriesKey;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.repo.GroupedBucketCount;
import org.secheaders.domain.repo.GroupedValues;
import org.secheaders.domain.repo.TenantScope;
import org.secheaders.domain.repo.TimeBucket;
import org.secheaders.domain.repo.ViolationGrouping;
import org.secheaders.domain.repo.ViolationQuery;
import org.secheaders.domain.repo.ViolationRepository;

/**
 * How {@link AnomalyService} loaded its series before it read only the detector's slices: every
 * minute from the history start to the end, and the distinct groups before the history. Kept here
 * as the reference the sliced load must agree with.
 */
final class FullHistoryLoad {
    static final List<ViolationGrouping> SERIES_KEY =
            List.of(ViolationGrouping.TENANT, ViolationGrouping.DIRECTIVE, ViolationGrouping.BLOCKED_RESOURCE);

    private FullHistoryLoad() {
    }

    /** With the two queries the service used to issue. */
    static AnomalyService.Loaded load(ViolationRepository violations, TenantScope scope, Map<Long, Tenant> tenants,
            Instant historyStart, Instant end) {
        return of(tenants, historyStart, end,
                violations.countByBucket(scope, ViolationQuery.all().between(historyStart, end), TimeBucket.MINUTE,
                        SERIES_KEY),
                violations.distinctGroups(scope, ViolationQuery.all().receivedBefore(historyStart), SERIES_KEY));
    }

    /** From every (group, minute) count of {@code [historyStart, end)} and the groups reported before it. */
    static AnomalyService.Loaded of(Map<Long, Tenant> tenants, Instant historyStart, Instant end,
            List<GroupedBucketCount> rows, List<GroupedValues> before) {
        Map<SeriesKey, Map<Instant, Long>> counts = new HashMap<>();
        Map<Long, Instant> firstBucket = new HashMap<>();
        for (GroupedBucketCount row : rows) {
            SeriesKey group = AnomalyService.seriesKey(row.key());
            counts.computeIfAbsent(group, k -> new HashMap<>()).merge(row.bucketStart(), row.count(), Long::sum);
            counts.computeIfAbsent(SeriesKey.tenant(group.tenantId()), k -> new HashMap<>())
                    .merge(row.bucketStart(), row.count(), Long::sum);
            firstBucket.merge(group.tenantId(), row.bucketStart(), (a, b) -> a.isBefore(b) ? a : b);
        }
        Set<SeriesKey> seenBefore = new HashSet<>();
        Set<Long> olderData = new HashSet<>();
        for (GroupedValues group : before) {
            SeriesKey key = AnomalyService.seriesKey(group);
            seenBefore.add(key);
            olderData.add(key.tenantId());
        }
        List<RateSeries> series = new ArrayList<>();
        counts.forEach((key, sparse) -> {
            Instant from = olderData.contains(key.tenantId()) ? historyStart : firstBucket.get(key.tenantId());
            series.add(RateSeries.fromSparse(key, from, end, Duration.ofMinutes(1), sparse));
        });
        series.sort(Comparator.comparing(RateSeries::key));
        return new AnomalyService.Loaded(tenants, series, seenBefore, historyStart, firstBucket.size(), counts.size());
    }
}
