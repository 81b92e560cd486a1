package org.secheaders.domain.anomaly;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;

class PoissonTailProperties {

    @Property(tries = 1000)
    boolean isALogProbabilityThatFallsWithTheCount(@ForAll @LongRange(min = 0, max = 1_000_000) long x,
            @ForAll @DoubleRange(min = 0, max = 1_000_000) double lambda) {
        double tail = PoissonTail.logUpperTail(x, lambda);
        double next = PoissonTail.logUpperTail(x + 1, lambda);
        boolean falls = next <= tail || next - tail <= 1e-12 * Math.abs(tail);
        return !Double.isNaN(tail) && tail <= 0 && falls;
    }

    @Property(tries = 1000)
    boolean matchesTheDirectSumForSmallRates(@ForAll @IntRange(min = 0, max = 80) int x,
            @ForAll @DoubleRange(min = 0.001, max = 30) @Scale(6) double lambda) {
        // Independent computation: P(X = j) by the plain recurrence, summed over the tail.
        double pmf = Math.exp(-lambda);
        double tail = 0;
        for (int j = 0; j < 400; j++) {
            if (j >= x) {
                tail += pmf;
            }
            pmf *= lambda / (j + 1);
        }
        double computed = PoissonTail.upperTail(x, lambda);
        return tail < 1e-290 || Math.abs(computed - tail) <= 1e-9 * tail;
    }

    @Property(tries = 1000)
    boolean criticalCountSeparatesBreachesFromTheRest(@ForAll @DoubleRange(min = 0, max = 100_000) double lambda,
            @ForAll @IntRange(min = 1, max = 12) int digits, @ForAll @DoubleRange(min = 1, max = 5) double mantissa) {
        double pValue = mantissa * Math.pow(10, -digits);
        long critical = PoissonTail.criticalCount(lambda, pValue);
        return PoissonTail.upperTail(critical, lambda) < pValue
                && PoissonTail.upperTail(critical - 1, lambda) >= pValue;
    }
}
