package org.secheaders.domain.anomaly;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a series is expected to do in its evaluation window, learned from the history before it only,
 * so that an anomaly can never widen its own band.
 */
sealed interface Baseline permits RobustBaseline, PoissonBaseline {

    /** The bounds for bucket {@code index} of the evaluation window. */
    Bounds boundsAt(int index);

    /** The upper-tail p-value of {@code count}, for baselines that test one. */
    OptionalDouble pValue(long count);

    /** A short description of how {@code method}'s band was built, for explanations. */
    String describe(DetectionMethod method);

    /**
     * Fits the baseline for {@code window}: a Poisson test when the short-term median is low (MAD is
     * meaningless on mostly-zero counts), otherwise robust bands. Empty without enough history.
     */
    static Optional<Baseline> fit(RateSeries series, EvaluationWindow window, DetectionConfig config) {
        int from = Math.max(0, window.from() - series.bucketsIn(config.baselineWindow()));
        int length = window.from() - from;
        if (length < Math.max(1, series.bucketsIn(config.minimumBaseline()))) {
            return Optional.empty();
        }
        RobustStats stats = RobustStats.of(series, from, window.from());
        Duration span = series.bucketWidth().multipliedBy(length);
        return Optional.of(stats.median() < config.lowCountMedian()
                ? PoissonBaseline.of(stats, span, config)
                : RobustBaseline.of(series, window, stats, span, config));
    }
}
