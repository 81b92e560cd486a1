package org.secheaders.domain.anomaly;

import java.time.Instant;
import java.util.Objects;
import org.secheaders.domain.model.SecuritySeverity;

/**
 * A run of at least N consecutive buckets outside the band. Rates are per bucket of the series;
 * {@code observed}, {@code expected}, {@code lower} and {@code upper} are averages over the run's
 * buckets (seasonal bands move from bucket to bucket; with a fixed band they are exact).
 *
 * @param observed mean count per bucket over the run
 * @param peak     largest count in the run (smallest for a drop)
 * @param expected centre of the band that decided: its median, or λ for the Poisson test
 * @param lower    lower bound of the union of bands
 * @param upper    upper bound of the union of bands (for the Poisson test, the largest count that does not breach)
 * @param method   the band whose bound the run crossed (the most frequent one over the run)
 */
public record RateAnomaly(
        SeriesKey key,
        AnomalyKind kind,
        Instant windowStart,
        Instant windowEnd,
        double observed,
        long peak,
        double expected,
        double lower,
        double upper,
        DetectionMethod method,
        AnomalyParameters parameters,
        SecuritySeverity severity,
        String explanation) implements Anomaly {

    public RateAnomaly {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        if (kind == AnomalyKind.FIRST_SIGHTING) {
            throw new IllegalArgumentException("a first sighting is a FirstSighting, not a RateAnomaly");
        }
        Objects.requireNonNull(windowStart, "windowStart");
        Objects.requireNonNull(windowEnd, "windowEnd");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(explanation, "explanation");
    }
}
