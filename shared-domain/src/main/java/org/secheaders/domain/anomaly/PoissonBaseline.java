package org.secheaders.domain.anomaly;

import java.time.Duration;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Low-count baseline: a bucket breaches when P(X ≥ count | λ) is below the p-value threshold.
 * λ is the baseline mean (the Poisson estimate; the median of a sparse series is 0 and would make
 * every single report significant), but at least 3/n, the rule-of-three bound for a silent baseline.
 * Drops are not tested: at these rates an empty bucket is never improbable.
 */
record PoissonBaseline(double lambda, long criticalCount, double pValueThreshold, Duration span)
        implements Baseline {
    private static final double RULE_OF_THREE = 3;

    static PoissonBaseline of(RobustStats stats, Duration span, DetectionConfig config) {
        double lambda = Math.max(stats.mean(), RULE_OF_THREE / stats.size());
        return new PoissonBaseline(lambda, PoissonTail.criticalCount(lambda, config.poissonPValue()),
                config.poissonPValue(), span);
    }

    @Override
    public Bounds boundsAt(int index) {
        // The largest count that does not breach is the upper bound.
        return Bounds.of(new Band(lambda, 0, criticalCount - 1, DetectionMethod.POISSON_TAIL));
    }

    @Override
    public OptionalDouble pValue(long count) {
        return OptionalDouble.of(PoissonTail.upperTail(count, lambda));
    }

    @Override
    public String describe(DetectionMethod method) {
        return String.format(Locale.ROOT, "Poisson tail p < %s, λ = mean over %s",
                Explanations.probability(pValueThreshold), Explanations.duration(span));
    }
}
