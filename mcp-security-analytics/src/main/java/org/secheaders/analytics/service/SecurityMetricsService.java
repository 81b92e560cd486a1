package org.secheaders.analytics.service;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.secheaders.domain.model.SecurityViolation;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.repo.GroupCount;
import org.secheaders.domain.repo.Page;
import org.secheaders.domain.repo.PageRequest;
import org.secheaders.domain.repo.ResolutionTimes;
import org.secheaders.domain.repo.TenantScope;
import org.secheaders.domain.repo.ViolationGrouping;
import org.secheaders.domain.repo.ViolationQuery;
import org.secheaders.domain.repo.ViolationRepository;

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

    /** One snapshot: totals, breakdowns and page agree even while other processes insert (shares stay ≤ 1). */
    public MetricsAnalysis analyze(TenantScope scope, MetricsRequest request) {
        return violations.consistentRead(() -> analyzeSnapshot(scope, request));
    }

    private MetricsAnalysis analyzeSnapshot(TenantScope scope, MetricsRequest request) {
        ViolationQuery query = request.filter().query(request.period());
        long total = violations.count(scope, query);
        long resolved = violations.count(scope, query.withResolved(true));
        Totals totals = new Totals(total, total - resolved, resolved,
                counts(scope, query, ViolationGrouping.CLASSIFICATION), counts(scope, query, ViolationGrouping.SEVERITY));
        Rates rates = new Rates(Rounding.round(total / request.period().hours()),
                Rounding.round(total / (request.period().hours() / 24)));
        List<Breakdown> breakdowns = request.groupBy().stream()
                .map(dimension -> breakdown(scope, query, dimension, request.topN(), total))
                .toList();
        List<TopPair> top = violations.summarize(scope, query,
                        List.of(ViolationGrouping.DIRECTIVE, ViolationGrouping.BLOCKED_RESOURCE), request.topN()).stream()
                .map(group -> new TopPair(group.key().require(ViolationGrouping.DIRECTIVE),
                        Blocked.of(group.key()), group.count(),
                        group.firstSeen(), group.lastSeen()))
                .toList();
        return new MetricsAnalysis(tenants.label(scope), request.period(), totals, rates, breakdowns, top,
                resolutionStats(violations.resolutionTimes(scope, query)), page(scope, query, request));
    }

    private Map<String, Long> counts(TenantScope scope, ViolationQuery query, ViolationGrouping grouping) {
        Map<String, Long> counts = new LinkedHashMap<>();
        violations.countBy(scope, query, grouping, PageRequest.MAX_LIMIT)
                .forEach(group -> counts.put(group.key(), group.count()));
        return counts;
    }

    private Breakdown breakdown(TenantScope scope, ViolationQuery query, Dimension dimension, int topN, long total) {
        List<Share> shares = new ArrayList<>();
        if (dimension.grouping().isPresent()) {
            for (GroupCount group : violations.countBy(scope, query, dimension.grouping().get(), topN)) {
                shares.add(new Share(group.key(), group.count(), share(group.count(), total)));
            }
        } else {
            violations.countByBucket(scope, query, dimension.bucket().orElseThrow()).forEach(bucket ->
                    shares.add(new Share(bucket.bucketStart().toString(), bucket.count(), share(bucket.count(), total))));
        }
        return new Breakdown(dimension.wireName(), shares);
    }

    private ViolationPage page(TenantScope scope, ViolationQuery query, MetricsRequest request) {
        Map<Long, Tenant> visible = tenants.visible(scope);
        PageRequest pageRequest = new PageRequest((request.page() - 1) * request.perPage(), request.perPage());
        Page<SecurityViolation> page = violations.query(scope, query, pageRequest);
        List<ViolationItem> items = page.items().stream().map(v -> item(v, visible)).toList();
        long totalPages = (page.total() + request.perPage() - 1) / request.perPage();
        return new ViolationPage(items, new Pagination(page.total(), request.perPage(), request.page(), totalPages));
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
