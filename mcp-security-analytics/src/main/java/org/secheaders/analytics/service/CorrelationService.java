package org.secheaders.analytics.service;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.secheaders.analytics.service.AnomalyService.AnomalyFinding;
import org.secheaders.analytics.service.AnomalyService.FirstSightingFinding;
import org.secheaders.analytics.service.HeaderTimingService.TimingRegression;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.policy.CspSourceChange.RemovedSource;
import org.secheaders.domain.repo.AuditLogRepository;
import org.secheaders.domain.repo.GroupedValues;
import org.secheaders.domain.repo.PageRequest;
import org.secheaders.domain.repo.TenantScope;
import org.secheaders.domain.repo.ViolationGrouping;
import org.secheaders.domain.repo.ViolationQuery;
import org.secheaders.domain.repo.ViolationRepository;
import org.secheaders.domain.repo.ViolationSummary;

/**
 * Puts together what happened in a time window: violations clustered by tenant, directive and
 * blocked resource, the anomalies of those clusters, the policy changes shortly before a cluster
 * began, and header timing regressions around it; each cluster gets a one-line likely cause
 * derived from that evidence.
 */
public final class CorrelationService {

    public static final Duration DEFAULT_CHANGE_LOOKBACK = Duration.ofMinutes(60);
    /** A header timing regression starting this close to a cluster's onset, before or after, is related to it. */
    static final Duration TIMING_PROXIMITY = Duration.ofMinutes(30);
    /** Rows fetched by the cluster query: clusters come from at most this many (cluster, classification) groups. */
    private static final int GROUP_ROWS = PageRequest.MAX_LIMIT;
    private static final int TOP_KEYS = 3;
    private static final List<ViolationGrouping> CLUSTER_KEY =
            List.of(ViolationGrouping.TENANT, ViolationGrouping.DIRECTIVE, ViolationGrouping.BLOCKED_RESOURCE);

    private final ViolationRepository violations;
    private final AuditLogRepository audit;
    private final AnomalyService anomalies;
    private final HeaderTimingService timing;
    private final TenantCatalog tenants;

    public CorrelationService(ViolationRepository violations, AuditLogRepository audit, AnomalyService anomalies,
            HeaderTimingService timing, TenantCatalog tenants) {
        this.violations = violations;
        this.audit = audit;
        this.anomalies = anomalies;
        this.timing = timing;
        this.tenants = tenants;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CorrelationReport(
            String scope,
            TimeRange window,
            int clustersFound,
            List<Cluster> clusters,
            List<AnomalyFinding> tenantAnomalies,
            List<PolicyChange> unrelatedPolicyChanges,
            List<TimingRegression> unrelatedTimingRegressions) {
    }

    /**
     * Violations of one tenant, directive and blocked resource in the window, with the evidence
     * related to them.
     *
     * @param onset      when the cluster began: its earliest rise or first sighting, else its first report
     * @param sampleIds  the first and last violation of the cluster
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Cluster(
            String tenant,
            String directive,
            String blocked,
            long count,
            Instant firstSeen,
            Instant lastSeen,
            Instant onset,
            List<Long> sampleIds,
            Map<String, Long> byClassification,
            List<KeyCount> topDocuments,
            List<KeyCount> topSourceFiles,
            List<AnomalyFinding> anomalies,
            Optional<FirstSightingFinding> firstSighting,
            List<RelatedChange> policyChanges,
            List<TimingRegression> timingRegressions,
            String likelyCause) {
    }

    public record KeyCount(String key, long count) {
    }

    /**
     * A policy change shortly before a cluster's onset.
     *
     * @param removedAllowingBlocked the removed sources that allowed the cluster's blocked host, as {@code directive source}
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RelatedChange(PolicyChange change, long minutesBeforeOnset, List<String> removedAllowingBlocked) {
    }

    public CorrelationReport correlate(TenantScope scope, TimeRange window, int maxClusters, Duration changeLookback) {
        Map<Long, Tenant> visible = tenants.visible(scope);
        ViolationQuery query = ViolationQuery.all().between(window.start(), window.end());
        Map<List<String>, ClusterEvidence> clusters = clusters(scope, query);
        attachTop(scope, query, clusters);

        AnomalyService.Findings findings = anomalies.scan(scope, visible, window, AnomalyService.DEFAULT_HISTORY);
        List<PolicyChange> changes = PolicyChange.during(audit, scope,
                new TimeRange(window.start().minus(changeLookback), window.end()), visible);
        List<TimingRegression> regressions = timing.regressions(scope, visible,
                new TimeRange(window.start().minus(TIMING_PROXIMITY), window.end()));

        Set<Long> relatedChanges = new HashSet<>();
        Set<TimingRegression> relatedRegressions = new HashSet<>();
        List<Cluster> built = new ArrayList<>();
        for (ClusterEvidence evidence : clusters.values()) {
            Cluster cluster = evidence.build(visible, findings, changes, regressions, changeLookback);
            cluster.policyChanges().forEach(related -> relatedChanges.add(related.change().changeId()));
            relatedRegressions.addAll(cluster.timingRegressions());
            built.add(cluster);
        }
        built.sort(Comparator.comparing(CorrelationService::evidenceWeight).reversed()
                .thenComparing(Comparator.comparingLong(Cluster::count).reversed())
                .thenComparing(Cluster::tenant).thenComparing(Cluster::directive).thenComparing(Cluster::blocked));
        return new CorrelationReport(TenantCatalog.label(visible, scope), window, built.size(),
                built.subList(0, Math.min(maxClusters, built.size())),
                findings.anomalies().stream().filter(a -> a.directive().isEmpty()).toList(),
                changes.stream().filter(change -> !relatedChanges.contains(change.changeId())).toList(),
                regressions.stream().filter(regression -> !relatedRegressions.contains(regression)).toList());
    }

    /** Clusters with more kinds of evidence come first: a change that removed the blocked source counts most. */
    private static int evidenceWeight(Cluster cluster) {
        int weight = 0;
        if (cluster.policyChanges().stream().anyMatch(related -> !related.removedAllowingBlocked().isEmpty())) {
            weight += 4;
        } else if (!cluster.policyChanges().isEmpty()) {
            weight += 2;
        }
        if (!cluster.anomalies().isEmpty() || cluster.firstSighting().isPresent()) {
            weight += 2;
        }
        if (!cluster.timingRegressions().isEmpty()) {
            weight += 1;
        }
        return weight;
    }

    private Map<List<String>, ClusterEvidence> clusters(TenantScope scope, ViolationQuery query) {
        List<ViolationGrouping> withClassification = new ArrayList<>(CLUSTER_KEY);
        withClassification.add(ViolationGrouping.CLASSIFICATION);
        Map<List<String>, ClusterEvidence> clusters = new LinkedHashMap<>();
        for (ViolationSummary group : violations.summarize(scope, query, withClassification, GROUP_ROWS)) {
            clusters.computeIfAbsent(key(group), ClusterEvidence::new).add(group);
        }
        return clusters;
    }

    /**
     * Gives each cluster its {@code TOP_KEYS} most frequent documents and source files (ties by value), from the
     * counts of every (cluster, document, source file) of the window: one read for both.
     */
    private void attachTop(TenantScope scope, ViolationQuery query, Map<List<String>, ClusterEvidence> clusters) {
        List<ViolationGrouping> groupings = new ArrayList<>(CLUSTER_KEY);
        groupings.add(ViolationGrouping.DOCUMENT_URI);
        groupings.add(ViolationGrouping.SOURCE_FILE);
        Map<GroupedValues, Long> counts = violations.groupCounts(scope, query, groupings);
        attachTop(counts, ViolationGrouping.DOCUMENT_URI, clusters, ClusterEvidence::documents);
        attachTop(counts, ViolationGrouping.SOURCE_FILE, clusters, ClusterEvidence::sourceFiles);
    }

    private static void attachTop(Map<GroupedValues, Long> counts, ViolationGrouping detail,
            Map<List<String>, ClusterEvidence> clusters, Function<ClusterEvidence, List<KeyCount>> target) {
        Map<List<String>, Map<String, Long>> byCluster = new HashMap<>();
        counts.forEach((group, count) -> group.get(detail).ifPresent(value -> byCluster
                .computeIfAbsent(key(group), k -> new HashMap<>()).merge(value, count, Long::sum)));
        byCluster.forEach((key, values) -> {
            ClusterEvidence cluster = clusters.get(key);
            if (cluster != null) {
                values.entrySet().stream()
                        .map(value -> new KeyCount(value.getKey(), value.getValue()))
                        .sorted(Comparator.comparingLong(KeyCount::count).reversed().thenComparing(KeyCount::key))
                        .limit(TOP_KEYS).forEach(target.apply(cluster)::add);
            }
        });
    }

    private static List<String> key(ViolationSummary group) {
        return key(group.key());
    }

    private static List<String> key(GroupedValues group) {
        return List.of(group.require(ViolationGrouping.TENANT), group.require(ViolationGrouping.DIRECTIVE), Blocked.of(group));
    }

    /** What is known about one cluster while it is assembled. */
    private static final class ClusterEvidence {
        private final long tenantId;
        private final String directive;
        private final String blocked;
        private final Map<String, Long> byClassification = new TreeMap<>();
        private final List<KeyCount> documents = new ArrayList<>();
        private final List<KeyCount> sourceFiles = new ArrayList<>();
        private long count;
        private Instant firstSeen;
        private Instant lastSeen;
        private long lowestId = Long.MAX_VALUE;
        private long highestId = Long.MIN_VALUE;

        ClusterEvidence(List<String> key) {
            this.tenantId = Long.parseLong(key.get(0));
            this.directive = key.get(1);
            this.blocked = key.get(2);
        }

        void add(ViolationSummary group) {
            byClassification.merge(group.key().require(ViolationGrouping.CLASSIFICATION), group.count(), Long::sum);
            count += group.count();
            firstSeen = firstSeen == null || group.firstSeen().isBefore(firstSeen) ? group.firstSeen() : firstSeen;
            lastSeen = lastSeen == null || group.lastSeen().isAfter(lastSeen) ? group.lastSeen() : lastSeen;
            lowestId = Math.min(lowestId, group.lowestId());
            highestId = Math.max(highestId, group.highestId());
        }

        List<KeyCount> documents() {
            return documents;
        }

        List<KeyCount> sourceFiles() {
            return sourceFiles;
        }

        Cluster build(Map<Long, Tenant> visible, AnomalyService.Findings findings, List<PolicyChange> changes,
                List<TimingRegression> regressions, Duration lookback) {
            List<AnomalyFinding> own = findings.anomalies().stream()
                    .filter(a -> a.tenantId() == tenantId && a.directive().equals(Optional.of(directive))
                            && a.blocked().equals(Optional.of(blocked)))
                    .toList();
            Optional<FirstSightingFinding> sighting = findings.firstSightings().stream()
                    .filter(f -> f.tenantId() == tenantId && f.directive().equals(directive) && f.blocked().equals(blocked))
                    .findFirst();
            Instant onset = own.stream().filter(a -> !a.kind().equals("drop")).map(AnomalyFinding::windowStart)
                    .min(Comparator.naturalOrder())
                    .or(() -> sighting.map(FirstSightingFinding::firstSeen))
                    .orElse(firstSeen);
            // A change explains a cluster that began in the window (a rise or first sighting); a steady
            // background only when the change removed a source that allowed what it blocks.
            boolean began = sighting.isPresent() || own.stream().anyMatch(a -> !a.kind().equals("drop"));
            List<RelatedChange> related = changes.stream()
                    .filter(change -> change.tenantId() == tenantId && !change.occurredAt().isAfter(onset)
                            && !change.occurredAt().isBefore(onset.minus(lookback)))
                    .map(change -> new RelatedChange(change, Duration.between(change.occurredAt(), onset).toMinutes(),
                            change.removedFor(directive, blocked).stream().map(ClusterEvidence::describe).toList()))
                    .filter(change -> began || !change.removedAllowingBlocked().isEmpty())
                    .sorted(Comparator.comparing((RelatedChange r) -> r.removedAllowingBlocked().isEmpty())
                            .thenComparingLong(RelatedChange::minutesBeforeOnset))
                    .toList();
            List<TimingRegression> timingNearby = regressions.stream()
                    .filter(r -> r.tenantId() == tenantId && !r.startedAt().isBefore(onset.minus(TIMING_PROXIMITY))
                            && !r.startedAt().isAfter(onset.plus(TIMING_PROXIMITY)))
                    .toList();
            String cause = LikelyCause.of(new LikelyCause.Evidence(directive, blocked, count, byClassification, own,
                    sighting, related, timingNearby));
            return new Cluster(TenantCatalog.slug(visible, tenantId), directive, blocked, count, firstSeen,
                    lastSeen, onset, lowestId == highestId ? List.of(lowestId) : List.of(lowestId, highestId),
                    Map.copyOf(byClassification), List.copyOf(documents), List.copyOf(sourceFiles), own, sighting,
                    related, timingNearby, cause);
        }

        private static String describe(RemovedSource removed) {
            return removed.directive() + " " + removed.source() + (removed.reportOnly() ? " (report-only)" : "");
        }
    }
}
