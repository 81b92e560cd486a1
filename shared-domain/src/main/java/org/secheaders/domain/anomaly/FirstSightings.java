package org.secheaders.domain.anomaly;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Finds groups whose first reports fall in the evaluation window. A group counts as seen before when
 * the caller says so (the database knows more history than the loaded series) or when its own series
 * has reports before the window.
 */
final class FirstSightings {
    private final Set<SeriesKey> seenBefore;
    private final DetectionConfig config;

    FirstSightings(Set<SeriesKey> seenBefore, DetectionConfig config) {
        this.seenBefore = Set.copyOf(seenBefore);
        this.config = config;
    }

    Optional<FirstSighting> find(RateSeries series, EvaluationWindow window) {
        if (series.key().group().isEmpty() || seenBefore.contains(series.key())
                || hasReports(series, 0, window.from()) || !hasReports(series, window.from(), window.to())) {
            return Optional.empty();
        }
        VolumeGate gate = VolumeGate.of(config, series);
        int first = window.from();
        while (series.count(first) == 0) {
            first++;
        }
        long reports = 0;
        long peak = 0;
        OptionalLong clients = OptionalLong.empty();
        boolean passesGate = false;
        for (int i = first; i < window.to(); i++) {
            reports += series.count(i);
            peak = Math.max(peak, series.count(i));
            clients = max(clients, series.distinctClients(i));
            passesGate |= gate.passes(series, i);
        }
        Duration windowLength = series.bucketWidth().multipliedBy(window.to() - window.from());
        String explanation = Explanations.firstSighting(series.key().group().orElseThrow(), series.bucketStart(first),
                reports, peak, clients, windowLength, series.bucketWidth());
        return Optional.of(new FirstSighting(series.key(), series.bucketStart(first), series.bucketStart(window.to()),
                reports, peak, clients, SeverityRating.firstSighting(passesGate), explanation));
    }

    private static boolean hasReports(RateSeries series, int from, int to) {
        for (int i = from; i < to; i++) {
            if (series.count(i) > 0) {
                return true;
            }
        }
        return false;
    }

    private static OptionalLong max(OptionalLong current, OptionalLong next) {
        if (current.isEmpty()) {
            return next;
        }
        return next.isPresent() && next.getAsLong() > current.getAsLong() ? next : current;
    }
}
