package org.secheaders.domain.anomaly;

import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;
import org.secheaders.domain.anomaly.BreachRun.Direction;
import org.secheaders.domain.model.SecuritySeverity;

/** Turns a breach run into a {@link RateAnomaly}: averages, deciding method, kind, severity, explanation. */
final class RateAnomalyAssembler {
    private final RateSeries series;
    private final Baseline baseline;
    private final DetectionConfig config;
    private final int sustainedBuckets;

    RateAnomalyAssembler(RateSeries series, Baseline baseline, DetectionConfig config) {
        this.series = series;
        this.baseline = baseline;
        this.config = config;
        this.sustainedBuckets = Math.max(1, series.bucketsIn(config.sustainedAfter()));
    }

    RateAnomaly assemble(BreachRun run) {
        boolean rise = run.direction() == Direction.ABOVE;
        ToDoubleFunction<Bounds> deciding = rise
                ? bounds -> bounds.upperBand().expected()
                : bounds -> bounds.lowerBand().expected();
        double observed = 0;
        long highest = Long.MIN_VALUE;
        long lowest = Long.MAX_VALUE;
        for (int i = run.from(); i < run.to(); i++) {
            observed += series.count(i);
            highest = Math.max(highest, series.count(i));
            lowest = Math.min(lowest, series.count(i));
        }
        observed /= run.length();
        double expected = average(run, deciding);
        double lower = average(run, Bounds::lower);
        double upper = average(run, Bounds::upper);
        DetectionMethod method = decidingMethod(run, rise);
        // The tail falls as the count rises, so the run's largest p-value is at its lowest count.
        OptionalDouble pValue = rise ? baseline.pValue(lowest) : OptionalDouble.empty();
        AnomalyParameters parameters = new AnomalyParameters(
                method == DetectionMethod.POISSON_TAIL ? OptionalDouble.empty() : OptionalDouble.of(config.k()),
                config.consecutiveBreaches(), pValue);

        AnomalyKind kind;
        SecuritySeverity severity;
        if (rise) {
            boolean sustained = run.length() >= sustainedBuckets;
            kind = sustained ? AnomalyKind.SUSTAINED_RISE : AnomalyKind.SPIKE;
            severity = SeverityRating.rise(observed, upper, sustained);
        } else {
            kind = AnomalyKind.DROP;
            severity = SeverityRating.drop(observed);
        }
        String described = baseline.describe(method)
                + (pValue.isPresent() ? ", p ≤ " + Explanations.probability(pValue.getAsDouble()) : "");
        String explanation = Explanations.rate(rise, observed, expected, rise ? upper : lower, described,
                run.length(), series.bucketWidth());
        return new RateAnomaly(series.key(), kind, series.bucketStart(run.from()), series.bucketStart(run.to()),
                observed, rise ? highest : lowest, expected, lower, upper, method, parameters, severity, explanation);
    }

    private static double average(BreachRun run, ToDoubleFunction<Bounds> value) {
        return run.bounds().stream().mapToDouble(value).average().orElseThrow();
    }

    /** The band that set the crossed bound most often over the run; ties go to the earlier method. */
    private static DetectionMethod decidingMethod(BreachRun run, boolean rise) {
        Map<DetectionMethod, Integer> votes = new EnumMap<>(DetectionMethod.class);
        for (Bounds bounds : run.bounds()) {
            votes.merge((rise ? bounds.upperBand() : bounds.lowerBand()).method(), 1, Integer::sum);
        }
        return votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }
}
