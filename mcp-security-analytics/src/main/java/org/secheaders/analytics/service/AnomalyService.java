package org.secheaders.analytics.service;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.secheaders.domain.anomaly.Anomaly;
import org.secheaders.domain.anomaly.AnomalyDetector;
import org.secheaders.domain.anomaly.DetectionConfig;
import org.secheaders.domain.anomaly.FirstSighting;
import org.secheaders.domain.anomaly.GroupKey;
import org.secheaders.domain.anomaly.RateAnomaly;
import org.secheaders.domain.anomaly.RateSeries;
import org.secheaders.domain.anomaly.SeriesKey;
import org.secheaders.domain.model.SecuritySeverity;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.repo.AnomalyWindowRepository;
import org.secheaders.domain.repo.GroupedBucketCount;
import org.secheaders.domain.repo.GroupSeen;
import org.secheaders.domain.repo.GroupedValues;
import org.secheaders.domain.repo.TenantScope;
import org.secheaders.domain.repo.TimeBucket;
import org.secheaders.domain.repo.ViolationGrouping;
import org.secheaders.domain.repo.ViolationQuery;
import org.secheaders.domain.repo.ViolationRepository;

/**
 * Runs the {@link AnomalyDetector} over per-minute series loaded from the database: each visible
 * tenant's total and its share per (directive, blocked resource). Counts are stored violations; a
 * dedupe window's duplicates count once. Only the minutes the detector reads are loaded
 * ({@link ReadPlan}); the findings are those of loading the whole history.
 */
public final class AnomalyService {

    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(60);
    /** Eight days: enough for the weekly seasonal band, which needs seven days before the window. */
    public static final Duration DEFAULT_HISTORY = Duration.ofDays(8);
    public static final Duration MIN_HISTORY = Duration.ofHours(24);
    public static final Duration MAX_HISTORY = Duration.ofDays(14);
    /**
     * The longest evaluation window: the detector's daily band looks 24 h back with ±30 min, which must
     * not reach into the window itself.
     */
    public static final Duration MAX_WINDOW = Duration.ofMinutes(1410);
    /** Longer periods are scanned in consecutive windows cut at UTC noon and midnight ({@link TimeRange#split}). */
    static final Duration SCAN_STEP = Duration.ofHours(12);

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final List<ViolationGrouping> SERIES_KEY =
            List.of(ViolationGrouping.TENANT, ViolationGrouping.DIRECTIVE, ViolationGrouping.BLOCKED_RESOURCE);

    private final ViolationRepository violations;
    private final TenantCatalog tenants;
    private final Clock clock;
    private final Optional<JudgedWindowCache> cache;

    /** Without a cache of judged windows: every scan judges every window. */
    public AnomalyService(ViolationRepository violations, TenantCatalog tenants, Clock clock) {
        this(violations, tenants, clock, Optional.empty());
    }

    /** Scans reuse the findings of past windows stored in {@code judgedWindows} while their data is unchanged. */
    public AnomalyService(ViolationRepository violations, AnomalyWindowRepository judgedWindows, TenantCatalog tenants,
            Clock clock) {
        this(violations, tenants, clock, Optional.of(new JudgedWindowCache(judgedWindows, clock)));
    }

    private AnomalyService(ViolationRepository violations, TenantCatalog tenants, Clock clock,
            Optional<JudgedWindowCache> cache) {
        this.violations = violations;
        this.tenants = tenants;
        this.clock = clock;
        this.cache = cache;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record AnomalyReport(String scope, Evaluation evaluated, List<AnomalyFinding> anomalies,
            List<FirstSightingFinding> firstSightings) {
    }

    /** What was judged: the window, the history before it, and how many tenants and series. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Evaluation(TimeRange window, Instant historyStart, int tenants, int series) {
    }

    /** Rate anomalies and first sightings, each sorted by tenant, series and start. */
    public record Findings(List<AnomalyFinding> anomalies, List<FirstSightingFinding> firstSightings) {
        Findings atLeast(SecuritySeverity minimum) {
            return new Findings(
                    anomalies.stream().filter(a -> a.severityLevel().compareTo(minimum) >= 0).toList(),
                    firstSightings.stream().filter(f -> f.severityLevel().compareTo(minimum) >= 0).toList());
        }
    }

    /**
     * A spike, sustained rise or drop of a tenant's total ({@code directive} and {@code blocked}
     * absent) or of one (directive, blocked) group. Rates are per minute.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record AnomalyFinding(
            String tenant,
            long tenantId,
            Optional<String> directive,
            Optional<String> blocked,
            String kind,
            Instant windowStart,
            Instant windowEnd,
            double observed,
            long peak,
            double expected,
            double lower,
            double upper,
            String method,
            Parameters parameters,
            String severity,
            String explanation) {

        SecuritySeverity severityLevel() {
            return SecuritySeverity.fromWire(severity);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Parameters(Optional<Double> k, int consecutiveBreaches, Optional<Double> pValue) {
    }

    /** The first reports a tenant ever had for a (directive, blocked) group. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record FirstSightingFinding(
            String tenant,
            long tenantId,
            String directive,
            String blocked,
            Instant firstSeen,
            Instant windowEnd,
            long observed,
            long peak,
            String severity,
            String explanation) {

        SecuritySeverity severityLevel() {
            return SecuritySeverity.fromWire(severity);
        }
    }

    /**
     * Judges the {@code window} of complete minutes before {@code asOf} (default: now) against
     * {@code history} before it.
     */
    public AnomalyReport detect(TenantScope scope, Optional<Instant> asOf, Duration window, Duration history,
            SecuritySeverity minimum) {
        Instant end = asOf.orElseGet(clock::instant).truncatedTo(ChronoUnit.MINUTES);
        TimeRange evaluated = TimeRange.ending(end, window);
        Loaded loaded = load(scope, tenants.visible(scope), evaluated.start().minus(history), List.of(evaluated));
        Findings findings = loaded.judge(evaluated).atLeast(minimum);
        return new AnomalyReport(TenantCatalog.label(loaded.tenants(), scope), new Evaluation(evaluated,
                loaded.historyStart(), loaded.tenantCount(), loaded.seriesCount()), findings.anomalies(),
                findings.firstSightings());
    }

    /**
     * Every anomaly in {@code period} (at least a minute long), judged in consecutive windows of at
     * most {@link #SCAN_STEP}. A run that crosses from one window into the next is reported in both.
     */
    public Findings scan(TenantScope scope, TimeRange period, Duration history) {
        return scan(scope, tenants.visible(scope), period, history);
    }

    /**
     * As {@link #scan(TenantScope, TimeRange, Duration)}, for a caller that has the scope's visible tenants.
     * Windows whose findings the cache holds for the current data are not judged again; each run of
     * consecutive other windows is loaded once (a {@link ReadPlan} covers consecutive windows).
     */
    Findings scan(TenantScope scope, Map<Long, Tenant> visible, TimeRange period, Duration history) {
        // Whole minutes only; a minute still filling at the end is not judged.
        TimeRange minutes = new TimeRange(period.start().truncatedTo(ChronoUnit.MINUTES),
                period.end().truncatedTo(ChronoUnit.MINUTES));
        List<TimeRange> windows = minutes.split(SCAN_STEP);
        Instant historyStart = minutes.start().minus(history);
        Judged judged = violations.consistentRead(() -> {
            JudgedWindowCache.Scan cached = cache.map(c -> c.open(scope, visible, windows, historyStart))
                    .orElseGet(JudgedWindowCache.Scan::none);
            List<Findings> found = new ArrayList<>(windows.stream().map(w -> cached.cached(w).orElse(null)).toList());
            for (int from = found.indexOf(null); from >= 0; from = found.indexOf(null)) {
                int to = from;
                while (to < windows.size() && found.get(to) == null) {
                    to++;
                }
                Loaded loaded = load(scope, visible, historyStart, windows.subList(from, to));
                for (int i = from; i < to; i++) {
                    found.set(i, loaded.judge(windows.get(i)));
                    cached.judged(windows.get(i), found.get(i));
                }
            }
            return new Judged(found, cached);
        });
        judged.cache().store();
        List<AnomalyFinding> anomalies = new ArrayList<>();
        List<FirstSightingFinding> firstSightings = new ArrayList<>();
        for (Findings found : judged.windows()) {
            anomalies.addAll(found.anomalies());
            firstSightings.addAll(found.firstSightings());
        }
        return new Findings(anomalies, firstSightings);
    }

    /** The findings of each window of a scan, and what the cache is to store of them once the snapshot ends. */
    private record Judged(List<Findings> windows, JudgedWindowCache.Scan cache) {
    }

    /** The detector's configuration for one window. */
    static DetectionConfig config(TimeRange window) {
        return DetectionConfig.builder().evaluationWindow(window.length()).build();
    }

    /**
     * Loads, in one snapshot, only the minutes the detector reads for {@code windows} (see
     * {@link ReadPlan}), and for the time before the last slice the groups seen and when.
     */
    private Loaded load(TenantScope scope, Map<Long, Tenant> visible, Instant historyStart, List<TimeRange> windows) {
        ReadPlan plan = ReadPlan.of(historyStart, windows, AnomalyService::config);
        return violations.consistentRead(() -> {
            List<GroupSeen> before = violations.groupsSeen(scope,
                    ViolationQuery.all().receivedBefore(plan.recentStart()), SERIES_KEY);
            Optional<Instant> earliest = before.stream().map(GroupSeen::firstSeen).min(Comparator.naturalOrder());
            List<GroupedBucketCount> rows = new ArrayList<>();
            for (TimeRange slice : plan.slices()) {
                // An older slice that ends before anyone's first report would come back empty.
                boolean recent = slice.start().equals(plan.recentStart());
                if (recent || earliest.filter(first -> first.isBefore(slice.end())).isPresent()) {
                    rows.addAll(violations.countCells(scope, ViolationQuery.all().between(slice.start(), slice.end()),
                            TimeBucket.MINUTE, SERIES_KEY));
                }
            }
            return Loaded.of(visible, plan, before, rows);
        });
    }

    static SeriesKey seriesKey(GroupedValues key) {
        return SeriesKey.group(Long.parseLong(key.require(ViolationGrouping.TENANT)),
                key.require(ViolationGrouping.DIRECTIVE), Blocked.of(key));
    }

    /**
     * Series loaded once, judged for one or more windows.
     *
     * @param seenBefore  groups reported before the loaded minutes that follow without a gap
     * @param tenantCount tenants with reports between the history start and the end
     * @param seriesCount their totals and groups with reports in that time
     */
    record Loaded(Map<Long, Tenant> tenants, List<RateSeries> series, Set<SeriesKey> seenBefore,
            Instant historyStart, int tenantCount, int seriesCount) {

        /**
         * Series from the rows of a {@link ReadPlan}'s slices and the groups seen before its last slice;
         * rows may repeat a (group, minute), their counts add up ({@link ViolationRepository#countCells}).
         * Each series covers the whole history, zero outside the slices (the detector reads none of
         * those minutes); series with no reports in any slice are left out, as they can find nothing.
         */
        static Loaded of(Map<Long, Tenant> tenants, ReadPlan plan, List<GroupSeen> before,
                List<GroupedBucketCount> rows) {
            Map<Long, Instant> firstData = new HashMap<>();
            Set<SeriesKey> seenBefore = new HashSet<>();
            Set<SeriesKey> inHistory = new HashSet<>();
            for (GroupSeen group : before) {
                SeriesKey key = seriesKey(group.key());
                seenBefore.add(key);
                firstData.merge(key.tenantId(), group.firstSeen().truncatedTo(ChronoUnit.MINUTES), AnomalyService::earlier);
                if (!group.lastSeen().isBefore(plan.historyStart())) {
                    inHistory.add(key);
                }
            }
            List<SeriesKey> rowKeys = new ArrayList<>(rows.size());
            for (GroupedBucketCount row : rows) {
                SeriesKey group = seriesKey(row.key());
                rowKeys.add(group);
                firstData.merge(group.tenantId(), row.bucketStart(), AnomalyService::earlier);
                inHistory.add(group);
            }
            // A series starts at the tenant's first data: silent days before it would look like a quiet baseline.
            Map<Long, Instant> starts = new HashMap<>();
            Map<Long, Integer> lengths = new HashMap<>();
            firstData.forEach((tenant, first) -> {
                Instant from = first.isBefore(plan.historyStart()) ? plan.historyStart() : first;
                starts.put(tenant, from);
                lengths.put(tenant, RateSeries.bucketCount(from, plan.end(), MINUTE));
            });
            // Dense per-minute arrays filled in place: one boxed map entry per loaded row cost more than the query.
            Map<SeriesKey, long[]> counts = new HashMap<>();
            for (int i = 0; i < rows.size(); i++) {
                SeriesKey group = rowKeys.get(i);
                int length = lengths.get(group.tenantId());
                int minute = RateSeries.bucketIndex(starts.get(group.tenantId()), MINUTE, length,
                        rows.get(i).bucketStart());
                long count = rows.get(i).count();
                counts.computeIfAbsent(group, k -> new long[length])[minute] += count;
                counts.computeIfAbsent(SeriesKey.tenant(group.tenantId()), k -> new long[length])[minute] += count;
            }
            List<RateSeries> series = new ArrayList<>();
            counts.forEach((key, dense) -> series.add(RateSeries.of(key, starts.get(key.tenantId()), MINUTE, dense)));
            series.sort(Comparator.comparing(RateSeries::key));
            int tenantCount = (int) inHistory.stream().map(SeriesKey::tenantId).distinct().count();
            return new Loaded(tenants, series, seenBefore, plan.historyStart(), tenantCount,
                    inHistory.size() + tenantCount);
        }

        Findings judge(TimeRange window) {
            AnomalyDetector detector = new AnomalyDetector(config(window), InstantSource.fixed(window.end()));
            List<AnomalyFinding> anomalies = new ArrayList<>();
            List<FirstSightingFinding> firstSightings = new ArrayList<>();
            for (Anomaly anomaly : detector.detect(series, seenBefore)) {
                if (anomaly instanceof RateAnomaly rate) {
                    anomalies.add(finding(rate));
                } else {
                    firstSightings.add(finding((FirstSighting) anomaly));
                }
            }
            return new Findings(anomalies, firstSightings);
        }

        private AnomalyFinding finding(RateAnomaly anomaly) {
            SeriesKey key = anomaly.key();
            return new AnomalyFinding(slug(key.tenantId()), key.tenantId(), key.group().map(GroupKey::directive),
                    key.group().map(GroupKey::blockedHost), anomaly.kind().name().toLowerCase(Locale.ROOT),
                    anomaly.windowStart(), anomaly.windowEnd(), Rounding.round(anomaly.observed()), anomaly.peak(),
                    Rounding.round(anomaly.expected()), Rounding.round(anomaly.lower()),
                    Rounding.round(anomaly.upper()),
                    anomaly.method().name().toLowerCase(Locale.ROOT),
                    new Parameters(boxed(anomaly.parameters().k()), anomaly.parameters().consecutiveBreaches(),
                            boxed(anomaly.parameters().pValue())),
                    anomaly.severity().wireName(), anomaly.explanation());
        }

        private FirstSightingFinding finding(FirstSighting sighting) {
            GroupKey group = sighting.key().group().orElseThrow();
            return new FirstSightingFinding(slug(sighting.key().tenantId()), sighting.key().tenantId(), group.directive(),
                    group.blockedHost(), sighting.windowStart(), sighting.windowEnd(), sighting.observed(),
                    sighting.peak(), sighting.severity().wireName(), sighting.explanation());
        }

        private String slug(long tenantId) {
            return TenantCatalog.slug(tenants, tenantId);
        }
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Optional<Double> boxed(OptionalDouble value) {
        return value.isPresent() ? Optional.of(value.getAsDouble()) : Optional.empty();
    }
}
