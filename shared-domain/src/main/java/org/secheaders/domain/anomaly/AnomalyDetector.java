package org.secheaders.domain.anomaly;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Detects anomalies in per-tenant report-rate series. Pure: no I/O, and the only input besides the
 * arguments is the injected clock, read once per call, so the same series at the same instant always
 * give the same anomalies in the same order (series key, window start, kind).
 *
 * <p>For each series the evaluation window is the last {@link DetectionConfig#evaluationWindow()} of
 * complete buckets before now; the baseline comes from the history before it. A bucket breaches when
 * it is above the union of the robust and seasonal bands (or fails the Poisson tail test for
 * low-count series) and passes the volume gate; N consecutive breaches make an anomaly.
 */
public final class AnomalyDetector {
    private static final Comparator<Anomaly> ORDER = Comparator.comparing(Anomaly::key)
            .thenComparing(Anomaly::windowStart)
            .thenComparing(Anomaly::kind);

    private final DetectionConfig config;
    private final InstantSource clock;

    public AnomalyDetector(DetectionConfig config, InstantSource clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Spikes, sustained rises and drops of one series, in window order. */
    public List<RateAnomaly> detect(RateSeries series) {
        Objects.requireNonNull(series, "series");
        return rateAnomalies(series, window(series, clock.instant()));
    }

    /**
     * Rate anomalies of every series plus first sightings of group series whose key is not in
     * {@code seenBefore} (the groups the tenant reported before the evaluation window), sorted by
     * series key, window start and kind. Series keys must be unique.
     */
    public List<Anomaly> detect(Collection<RateSeries> series, Set<SeriesKey> seenBefore) {
        Objects.requireNonNull(series, "series");
        FirstSightings firstSightings = new FirstSightings(Objects.requireNonNull(seenBefore, "seenBefore"), config);
        Instant now = clock.instant();
        Set<SeriesKey> keys = new HashSet<>();
        List<Anomaly> anomalies = new ArrayList<>();
        for (RateSeries one : series) {
            if (!keys.add(one.key())) {
                throw new IllegalArgumentException("series " + one.key() + " is given twice");
            }
            EvaluationWindow window = window(one, now);
            anomalies.addAll(rateAnomalies(one, window));
            firstSightings.find(one, window).ifPresent(anomalies::add);
        }
        anomalies.sort(ORDER);
        return List.copyOf(anomalies);
    }

    private EvaluationWindow window(RateSeries series, Instant now) {
        return EvaluationWindow.of(series, now, config.evaluationWindow());
    }

    private List<RateAnomaly> rateAnomalies(RateSeries series, EvaluationWindow window) {
        if (window.isEmpty()) {
            return List.of();
        }
        return Baseline.fit(series, window, config)
                .map(baseline -> {
                    BreachScanner scanner = new BreachScanner(series, baseline, VolumeGate.of(config, series),
                            config.consecutiveBreaches());
                    RateAnomalyAssembler assembler = new RateAnomalyAssembler(series, baseline, config);
                    return scanner.scan(window).stream().map(assembler::assemble).toList();
                })
                .orElse(List.of());
    }
}
