package org.secheaders.domain.anomaly;

/**
 * Upper-tail probabilities of the Poisson distribution, computed in log space so that counts and
 * rates up to millions neither overflow nor underflow: each term is taken relative to the first,
 * whose logarithm comes from log-factorials.
 */
final class PoissonTail {
    private static final int TABLE_SIZE = 256;
    private static final double[] LOG_FACTORIAL = new double[TABLE_SIZE];
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
    /** Terms smaller than this fraction of the running sum no longer change a double. */
    private static final double NEGLIGIBLE = 1e-17;

    static {
        for (int n = 1; n < TABLE_SIZE; n++) {
            LOG_FACTORIAL[n] = LOG_FACTORIAL[n - 1] + Math.log(n);
        }
    }

    private PoissonTail() {
    }

    /** P(X ≥ x) for X ~ Poisson(lambda). */
    static double upperTail(long x, double lambda) {
        return Math.exp(logUpperTail(x, lambda));
    }

    /** ln P(X ≥ x) for X ~ Poisson(lambda); {@code -Infinity} when the probability is zero. */
    static double logUpperTail(long x, double lambda) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be finite and not negative, was " + lambda);
        }
        if (x <= 0) {
            return 0;
        }
        if (lambda == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (x > lambda) {
            // Terms after x shrink by λ/(j+1) < 1, so summing upwards converges.
            double sum = 1;
            double term = 1;
            for (long j = x + 1; term > NEGLIGIBLE * sum; j++) {
                term *= lambda / j;
                sum += term;
            }
            return logPmf(x, lambda) + Math.log(sum);
        }
        // At or below the mean the tail is large; take the complement of P(X ≤ x−1), summed downwards.
        double sum = 1;
        double term = 1;
        for (long j = x - 1; j > 0 && term > NEGLIGIBLE * sum; j--) {
            term *= j / lambda;
            sum += term;
        }
        return Math.log1p(-Math.exp(logPmf(x - 1, lambda) + Math.log(sum)));
    }

    /** The smallest count whose upper tail is below {@code pValue}: counts at or above it breach. */
    static long criticalCount(double lambda, double pValue) {
        double logP = Math.log(pValue);
        long high = Math.max(1, (long) Math.ceil(lambda));
        while (logUpperTail(high, lambda) >= logP) {
            high *= 2;
        }
        long low = 0; // tail(0) = 1 ≥ pValue, so the answer is in (low, high]
        while (high - low > 1) {
            long middle = (low + high) >>> 1;
            if (logUpperTail(middle, lambda) < logP) {
                high = middle;
            } else {
                low = middle;
            }
        }
        return high;
    }

    private static double logPmf(long x, double lambda) {
        return -lambda + x * Math.log(lambda) - logFactorial(x);
    }

    /** ln n!: a table for small n, Stirling's series beyond (truncation error below 1e-19). */
    static double logFactorial(long n) {
        if (n < TABLE_SIZE) {
            return LOG_FACTORIAL[(int) n];
        }
        double x = n;
        double inverse = 1 / x;
        double inverseSquared = inverse * inverse;
        return x * Math.log(x) - x + 0.5 * Math.log(x) + HALF_LOG_TWO_PI
                + inverse * (1.0 / 12 - inverseSquared * (1.0 / 360 - inverseSquared / 1260));
    }
}
