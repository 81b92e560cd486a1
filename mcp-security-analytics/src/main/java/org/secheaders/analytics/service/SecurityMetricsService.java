package org.secheaders.analytics.service;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.secheaders.domain.model.SecurityViolation;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.repo.BucketCount;
import org.secheaders.domain.repo.GroupCount;
import org.secheaders.domain.repo.PageRequest;
import org.secheaders.domain.repo.ResolutionTimes;
import org.secheaders.domain.repo.TenantScope;
import org.secheaders.domain.repo.ViolationGrouping;
import org.secheaders.domain.repo.ViolationQuery;
import org.secheaders.domain.repo.ViolationRepository;
import org.secheaders.domain.repo.ViolationSummary;

/**
 * Violation statistics for a period: totals, rates, breakdowns, the most frequent
 * (directive, blocked) pairs, resolution times and one page of the matching violations.
 */
public final class SecurityMetricsService {

    /** Hourly breakdowns are limited to this period, so one answer holds at most 336 buckets. */
    public static final Duration MAX_HOURLY_PERIOD = Duration.ofDays(14);

    private final ViolationRepository violations;
    private final TenantCatalog tenants;

    public SecurityMetricsService(ViolationRepository violations, TenantCatalog tenants) {
        this.violations = violations;
        this.tenants = tenants;
    }

    /** @param page 1-based */
    public record MetricsRequest(TimeRange period, ViolationFilter filter, List<Dimension> groupBy, int topN, int page,
            int perPage) {
        public MetricsRequest {
            groupBy = List.copyOf(groupBy);
            if (groupBy.contains(Dimension.HOUR) && period.length().compareTo(MAX_HOURLY_PERIOD) > 0) {
                throw new IllegalArgumentException("an hourly breakdown needs a period of at most "
                        + MAX_HOURLY_PERIOD.toDays() + " days");
            }
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record MetricsAnalysis(
            String scope,
            TimeRange period,
            Totals totals,
            Rates rates,
            List<Breakdown> breakdowns,
            List<TopPair> top,
            ResolutionStats resolutionTimes,
            ViolationPage violations) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Totals(long violations, long open, long resolved, Map<String, Long> byClassification,
            Map<String, Long> bySeverity) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Rates(double perHour, double perDay) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Breakdown(String groupBy, List<Share> counts) {
    }

    /** One value's count and its share of the matching violations (0–1). */
    public record Share(String key, long count, double share) {
    }

    /** A (directive, blocked resource) pair: the blocked host, or the blocked keyword such as {@code inline}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TopPair(String directive, String blocked, long count, Instant firstSeen, Instant lastSeen) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ResolutionStats(long resolved, Optional<Double> medianSeconds, Optional<Double> p90Seconds) {
    }

    public record ViolationPage(List<ViolationItem> items, Pagination pagination) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Pagination(long total, int perPage, int currentPage, long totalPages) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ViolationItem(
            long id,
            String tenant,
            String violationType,
            String directive,
            Optional<String> blockedUri,
            String documentUri,
            Optional<String> sourceFile,
            Optional<Integer> lineNumber,
            String severity,
            String classification,
            Optional<String> ruleId,
            Optional<String> disposition,
            Instant receivedAt,
            Optional<Instant> resolvedAt) {
    }

    /**
     * Totals by classification and severity, rates and the requested breakdowns of the matching
     * violations: the part of an analysis a report needs.
     */
    record Overview(long total, Map<String, Long> byClassification, Map<String, Long> bySeverity, Rates rates,
            List<Breakdown> breakdowns) {
    }

    /**
     * One snapshot: totals, breakdowns and page agree even while other processes insert (shares stay ≤ 1).
     * Each aggregate is asked for once (see ANALYTICS_SERVER.md, "Statements per tool call").
     */
    public MetricsAnalysis analyze(TenantScope scope, MetricsRequest request) {
        Map<Long, Tenant> visible = tenants.visible(scope);
        return violations.consistentRead(() -> {
            ViolationQuery query = request.filter().query(request.period());
            Overview overview = overview(scope, query, request.period(), request.groupBy(), request.topN());
            List<TopPair> top = violations.summarize(scope, query,
                            List.of(ViolationGrouping.DIRECTIVE, ViolationGrouping.BLOCKED_RESOURCE), request.topN())
                    .stream()
                    .map(group -> new TopPair(group.key().require(ViolationGrouping.DIRECTIVE),
                            Blocked.of(group.key()), group.count(), group.firstSeen(), group.lastSeen()))
                    .toList();
            ResolutionTimes times = violations.resolutionTimes(scope, query);
            Totals totals = new Totals(overview.total(), overview.total() - times.resolved(), times.resolved(),
                    overview.byClassification(), overview.bySeverity());
            return new MetricsAnalysis(TenantCatalog.label(visible, scope), request.period(), totals, overview.rates(),
                    overview.breakdowns(), top, resolutionStats(times),
                    page(scope, query, request, overview.total(), visible));
        });
    }

    /**
     * The overview of {@code query} over {@code period}: one grouped count by classification and severity
     * gives the total, both distributions and those two breakdowns; a daily breakdown is summed from the
     * hourly one when both are asked for. Callers wanting one snapshot run it in a consistent read.
     */
    Overview overview(TenantScope scope, ViolationQuery query, TimeRange period, List<Dimension> groupBy, int topN) {
        List<ViolationSummary> cells = violations.summarize(scope, query,
                List.of(ViolationGrouping.CLASSIFICATION, ViolationGrouping.SEVERITY), PageRequest.MAX_LIMIT);
        long total = cells.stream().mapToLong(ViolationSummary::count).sum();
        List<GroupCount> byClassification = ranked(cells, ViolationGrouping.CLASSIFICATION);
        List<GroupCount> bySeverity = ranked(cells, ViolationGrouping.SEVERITY);
        Map<Dimension, List<BucketCount>> buckets = new EnumMap<>(Dimension.class);
        List<Breakdown> breakdowns = new ArrayList<>();
        for (Dimension dimension : groupBy) {
            List<Share> shares = switch (dimension) {
                case CLASSIFICATION -> shares(byClassification.stream().limit(topN).toList(), total);
                case SEVERITY -> shares(bySeverity.stream().limit(topN).toList(), total);
                case HOUR, DAY -> bucketShares(buckets(scope, query, dimension, groupBy, buckets), total);
                default -> shares(violations.countBy(scope, query, dimension.grouping().orElseThrow(), topN), total);
            };
            breakdowns.add(new Breakdown(dimension.wireName(), shares));
        }
        Rates rates = new Rates(Rounding.round(total / period.hours()), Rounding.round(total / (period.hours() / 24)));
        return new Overview(total, asMap(byClassification), asMap(bySeverity), rates, breakdowns);
    }

    /** Counts per value of one column of the cells, most frequent first, ties by value (as {@code countBy} orders them). */
    private static List<GroupCount> ranked(List<ViolationSummary> cells, ViolationGrouping column) {
        Map<String, Long> sums = new TreeMap<>();
        cells.forEach(cell -> sums.merge(cell.key().require(column), cell.count(), Long::sum));
        return sums.entrySet().stream()
                .map(entry -> new GroupCount(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparingLong(GroupCount::count).reversed())
                .toList();
    }

    private static Map<String, Long> asMap(List<GroupCount> counts) {
        Map<String, Long> map = new LinkedHashMap<>();
        counts.forEach(group -> map.put(group.key(), group.count()));
        return map;
    }

    /** Hourly or daily buckets, oldest first; days are summed from the hours when the hours are asked for too. */
    private List<BucketCount> buckets(TenantScope scope, ViolationQuery query, Dimension dimension,
            List<Dimension> groupBy, Map<Dimension, List<BucketCount>> known) {
        if (dimension == Dimension.DAY && groupBy.contains(Dimension.HOUR)) {
            Map<Instant, Long> days = new TreeMap<>();
            buckets(scope, query, Dimension.HOUR, groupBy, known)
                    .forEach(hour -> days.merge(hour.bucketStart().truncatedTo(ChronoUnit.DAYS), hour.count(), Long::sum));
            return days.entrySet().stream().map(day -> new BucketCount(day.getKey(), day.getValue())).toList();
        }
        return known.computeIfAbsent(dimension,
                d -> violations.countByBucket(scope, query, d.bucket().orElseThrow()));
    }

    private static List<Share> shares(List<GroupCount> counts, long total) {
        return counts.stream().map(group -> new Share(group.key(), group.count(), share(group.count(), total))).toList();
    }

    private static List<Share> bucketShares(List<BucketCount> buckets, long total) {
        return buckets.stream()
                .map(bucket -> new Share(bucket.bucketStart().toString(), bucket.count(), share(bucket.count(), total)))
                .toList();
    }

    private ViolationPage page(TenantScope scope, ViolationQuery query, MetricsRequest request, long total,
            Map<Long, Tenant> visible) {
        PageRequest pageRequest = new PageRequest((request.page() - 1) * request.perPage(), request.perPage());
        // The total is known from the same snapshot; a page past it is empty without asking.
        List<SecurityViolation> page = pageRequest.offset() < total
                ? violations.list(scope, query, pageRequest) : List.of();
        List<ViolationItem> items = page.stream().map(v -> item(v, visible)).toList();
        long totalPages = (total + request.perPage() - 1) / request.perPage();
        return new ViolationPage(items, new Pagination(total, request.perPage(), request.page(), totalPages));
    }

    private static ViolationItem item(SecurityViolation v, Map<Long, Tenant> visible) {
        return new ViolationItem(v.id(), TenantCatalog.slug(visible, v.tenantId()), v.violationType().wireName(), v.policyDirective(),
                v.blockedUri(), v.documentUri(), v.sourceFile(), v.lineNumber(), v.severityLevel().wireName(),
                v.threatClassification().wireName(), v.classificationRule(),
                Optional.ofNullable(v.metadata().get("disposition")).map(Object::toString), v.createdAt(), v.resolvedAt());
    }

    private static ResolutionStats resolutionStats(ResolutionTimes times) {
        return new ResolutionStats(times.resolved(), times.median().map(SecurityMetricsService::seconds),
                times.p90().map(SecurityMetricsService::seconds));
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static double share(long count, long total) {
        return total == 0 ? 0 : Rounding.round((double) count / total);
    }
}
