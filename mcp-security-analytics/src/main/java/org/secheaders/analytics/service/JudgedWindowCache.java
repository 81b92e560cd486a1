package org.secheaders.analytics.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.secheaders.analytics.service.AnomalyService.AnomalyFinding;
import org.secheaders.analytics.service.AnomalyService.Findings;
import org.secheaders.analytics.service.AnomalyService.FirstSightingFinding;
import org.secheaders.domain.anomaly.DetectionConfig;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.repo.AnomalyWindowRepository;
import org.secheaders.domain.repo.AnomalyWindowRepository.DayTally;
import org.secheaders.domain.repo.AnomalyWindowRepository.Fingerprint;
import org.secheaders.domain.repo.AnomalyWindowRepository.JudgedWindow;
import org.secheaders.domain.repo.AnomalyWindowRepository.WindowKey;
import org.secheaders.domain.repo.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The findings of whole scan windows judged before, stored per tenant and reused while nothing they were
 * judged from can have changed (docs/ANOMALY_DETECTION.md, "Judged-window cache"). A tenant's findings
 * in a window depend on its minutes up to the window's end, on where its series starts and on the
 * detector: the key holds the window, the series start and a hash of the detector version and
 * configuration; the fingerprint is the tenant's violation count and highest id over every day starting
 * before the window's end, which any insert or deletion before the end changes.
 */
final class JudgedWindowCache {
    /** Bump when a change of the detector's code (its configuration is hashed anyway) or of the stored JSON can change findings. */
    static final int DETECTOR_VERSION = 1;
    /** Windows ending longer than this before today are neither stored nor kept. */
    static final Duration HORIZON = Duration.ofDays(92);

    private static final Logger LOG = LoggerFactory.getLogger(JudgedWindowCache.class);
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final AnomalyWindowRepository repository;
    private final Clock clock;

    JudgedWindowCache(AnomalyWindowRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * Reads, in the caller's snapshot, the day tallies and stored findings for the windows of a scan that
     * can be cached: whole {@link AnomalyService#SCAN_STEP} windows ending by the start of today (UTC) and
     * within the {@link #HORIZON}. No statement when there are none.
     */
    Scan open(TenantScope scope, Map<Long, Tenant> visible, List<TimeRange> windows, Instant historyStart) {
        Instant today = clock.instant().truncatedTo(ChronoUnit.DAYS);
        Instant horizon = today.minus(HORIZON);
        List<TimeRange> cacheable = windows.stream()
                .filter(w -> w.length().equals(AnomalyService.SCAN_STEP))
                .filter(w -> !w.end().isAfter(today) && !w.end().isBefore(horizon))
                .toList();
        if (cacheable.isEmpty()) {
            return Scan.none();
        }
        Map<Long, NavigableMap<Instant, DayTally>> tallies = new TreeMap<>();
        Instant last = cacheable.get(cacheable.size() - 1).end();
        // By tenant, then day: each day's entry adds the tenant's earlier days.
        for (DayTally day : repository.dayTallies(scope, last)) {
            NavigableMap<Instant, DayTally> days = tallies.computeIfAbsent(day.tenantId(), id -> new TreeMap<>());
            days.put(day.day(), days.isEmpty() ? day : cumulative(days.lastEntry().getValue(), day));
        }
        Map<WindowKey, JudgedWindow> stored = repository.find(scope, cacheable.get(0).start(), last).stream()
                .collect(Collectors.toMap(JudgedWindow::key, w -> w));
        return new Scan(repository, scope, visible, Set.copyOf(cacheable), historyStart, horizon, tallies, stored);
    }

    /** {@code day} with the totals of the days before it, which begin at the tenant's first report. */
    private static DayTally cumulative(DayTally before, DayTally day) {
        return new DayTally(day.tenantId(), day.day(), before.violations() + day.violations(),
                Math.max(before.highestId(), day.highestId()), before.firstSeen());
    }

    /** The cache's view of one scan: which windows' findings it has, and what to store after judging the others. */
    static final class Scan {
        private final AnomalyWindowRepository repository;
        private final TenantScope scope;
        private final Map<Long, Tenant> visible;
        private final Set<TimeRange> cacheable;
        private final Instant historyStart;
        private final Instant horizon;
        /** Per tenant and day, the tenant's totals up to and including that day. */
        private final Map<Long, NavigableMap<Instant, DayTally>> tallies;
        private final Map<WindowKey, JudgedWindow> stored;
        private final List<JudgedWindow> toStore = new ArrayList<>();
        /** Entries whose JSON could not be read: replaced once judged again. */
        private final Set<WindowKey> unreadable = new HashSet<>();

        private Scan(AnomalyWindowRepository repository, TenantScope scope, Map<Long, Tenant> visible,
                Set<TimeRange> cacheable, Instant historyStart, Instant horizon,
                Map<Long, NavigableMap<Instant, DayTally>> tallies, Map<WindowKey, JudgedWindow> stored) {
            this.repository = repository;
            this.scope = scope;
            this.visible = visible;
            this.cacheable = cacheable;
            this.historyStart = historyStart;
            this.horizon = horizon;
            this.tallies = tallies;
            this.stored = stored;
        }

        /** For a scan without a cache, or without a window to cache: nothing is found or stored. */
        static Scan none() {
            return new Scan(null, null, Map.of(), Set.of(), Instant.EPOCH, Instant.EPOCH, Map.of(), Map.of());
        }

        /**
         * The findings of {@code window}, if every tenant with reports before its end has a valid entry
         * (tenants without can find nothing), in the order of judging: by tenant, then series and start.
         */
        Optional<Findings> cached(TimeRange window) {
            if (!cacheable.contains(window)) {
                return Optional.empty();
            }
            List<AnomalyFinding> anomalies = new ArrayList<>();
            List<FirstSightingFinding> firstSightings = new ArrayList<>();
            boolean complete = true;
            for (Map.Entry<WindowKey, Fingerprint> entry : entries(window).entrySet()) {
                JudgedWindow hit = stored.get(entry.getKey());
                boolean valid = hit != null && hit.fingerprint().equals(entry.getValue());
                Optional<Findings> decoded = valid
                        ? decode(hit.findings(), TenantCatalog.slug(visible, entry.getKey().tenantId())) : Optional.empty();
                if (valid && decoded.isEmpty()) {
                    unreadable.add(entry.getKey());
                }
                complete &= decoded.isPresent();
                decoded.ifPresent(found -> {
                    anomalies.addAll(found.anomalies());
                    firstSightings.addAll(found.firstSightings());
                });
            }
            return complete ? Optional.of(new Findings(anomalies, firstSightings)) : Optional.empty();
        }

        /** Notes the findings of a judged {@code window} for the tenants whose entry is missing or stale. */
        void judged(TimeRange window, Findings findings) {
            if (!cacheable.contains(window)) {
                return;
            }
            Map<Long, List<AnomalyFinding>> anomalies = findings.anomalies().stream()
                    .collect(Collectors.groupingBy(AnomalyFinding::tenantId));
            Map<Long, List<FirstSightingFinding>> firstSightings = findings.firstSightings().stream()
                    .collect(Collectors.groupingBy(FirstSightingFinding::tenantId));
            entries(window).forEach((key, fingerprint) -> {
                JudgedWindow hit = stored.get(key);
                if (hit == null || !hit.fingerprint().equals(fingerprint) || unreadable.contains(key)) {
                    toStore.add(new JudgedWindow(key, fingerprint, encode(
                            anomalies.getOrDefault(key.tenantId(), List.of()),
                            firstSightings.getOrDefault(key.tenantId(), List.of()))));
                }
            });
        }

        /**
         * Stores what {@link #judged} noted. Call it after the snapshot: the write takes a connection of its
         * own. A failure only costs judging again, so it is logged, not thrown.
         */
        void store() {
            if (toStore.isEmpty()) {
                return;
            }
            try {
                repository.store(scope, toStore, horizon);
            } catch (RuntimeException e) {
                LOG.warn("could not store {} judged anomaly windows; they will be judged again", toStore.size(), e);
            }
            toStore.clear();
        }

        /** Per tenant with reports before the window's end, in tenant order: its key and current fingerprint. */
        private Map<WindowKey, Fingerprint> entries(TimeRange window) {
            Map<WindowKey, Fingerprint> entries = new LinkedHashMap<>();
            String detector = detector(window);
            Instant floor = floor(window);
            tallies.forEach((tenantId, days) -> {
                Map.Entry<Instant, DayTally> upToEnd = days.lowerEntry(window.end());
                if (upToEnd == null) {
                    return;
                }
                DayTally total = upToEnd.getValue();
                // The series starts at the history start or the tenant's first report; any start at or before
                // the floor gives the same findings.
                Instant start = later(later(historyStart, total.firstSeen().truncatedTo(ChronoUnit.MINUTES)), floor);
                entries.put(new WindowKey(tenantId, window.start(), window.end(), start, detector),
                        new Fingerprint(total.violations(), total.highestId()));
            });
            return entries;
        }

        private static String encode(List<AnomalyFinding> anomalies, List<FirstSightingFinding> firstSightings) {
            ObjectNode root = MAPPER.createObjectNode();
            root.set("anomalies", withoutTenant(anomalies));
            root.set("first_sightings", withoutTenant(firstSightings));
            return root.toString();
        }

        /** The findings as JSON without the tenant's slug, which is derived again when they are read. */
        private static ArrayNode withoutTenant(List<?> findings) {
            ArrayNode array = MAPPER.valueToTree(findings);
            array.forEach(node -> ((ObjectNode) node).remove("tenant"));
            return array;
        }

        private static Optional<Findings> decode(String json, String slug) {
            try {
                JsonNode root = MAPPER.readTree(json);
                List<AnomalyFinding> anomalies = new ArrayList<>();
                for (JsonNode node : root.path("anomalies")) {
                    anomalies.add(MAPPER.treeToValue(((ObjectNode) node).put("tenant", slug), AnomalyFinding.class));
                }
                List<FirstSightingFinding> firstSightings = new ArrayList<>();
                for (JsonNode node : root.path("first_sightings")) {
                    firstSightings.add(MAPPER.treeToValue(((ObjectNode) node).put("tenant", slug),
                            FirstSightingFinding.class));
                }
                return Optional.of(new Findings(anomalies, firstSightings));
            } catch (JsonProcessingException | ClassCastException e) {
                LOG.warn("ignoring an unreadable judged anomaly window", e);
                return Optional.empty();
            }
        }
    }

    /** The detector of a window: the logic version and the window's configuration. */
    static String detector(TimeRange window) {
        String text = DETECTOR_VERSION + "\n" + AnomalyService.config(window);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * The latest series start at which the detector judges {@code window} as if the series started
     * earlier still: every minute it reads lies after it, and so does every minimum history it checks.
     */
    static Instant floor(TimeRange window) {
        DetectionConfig config = AnomalyService.config(window);
        Instant read = ReadPlan.of(Instant.MIN, List.of(window), AnomalyService::config).slices().get(0).start();
        Duration longest = Stream.of(config.minimumBaseline(), config.daily().minimumHistory(),
                config.weekly().minimumHistory()).max(Duration::compareTo).orElseThrow();
        Instant history = window.start().minus(longest);
        return history.isBefore(read) ? history : read;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
