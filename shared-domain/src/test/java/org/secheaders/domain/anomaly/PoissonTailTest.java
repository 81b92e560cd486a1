package org.secheaders.domain.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PoissonTailTest {

    @Test
    void smallCasesMatchClosedForms() {
        assertEquals(1, PoissonTail.upperTail(0, 3.5));
        assertEquals(1 - Math.exp(-1), PoissonTail.upperTail(1, 1), 1e-15);
        assertEquals(1 - 2 * Math.exp(-1), PoissonTail.upperTail(2, 1), 1e-15);
        // P(X ≥ 3 | 2) = 1 − e^−2 (1 + 2 + 2)
        assertEquals(1 - 5 * Math.exp(-2), PoissonTail.upperTail(3, 2), 1e-15);
    }

    @Test
    void zeroRateNeverProducesACount() {
        assertEquals(Double.NEGATIVE_INFINITY, PoissonTail.logUpperTail(1, 0));
        assertEquals(0, PoissonTail.logUpperTail(0, 0));
    }

    @Test
    void farTailOfAMillionStaysFinite() {
        // P(X ≥ 10^6 | 1) ≈ e^−1 / 10^6!, far below the smallest double, but finite in log space.
        double expected = -1 - PoissonTail.logFactorial(1_000_000);

        assertEquals(expected, PoissonTail.logUpperTail(1_000_000, 1), 1e-9 * Math.abs(expected));
    }

    @Test
    void tailAtTheMeanOfALargeRateIsAboutHalf() {
        // For large λ, P(X ≥ λ) ≈ 1/2 + 1/(3·sqrt(2πλ)) (normal approximation with skew correction).
        double lambda = 1_000_000;
        double approximation = 0.5 + 1 / (3 * Math.sqrt(2 * Math.PI * lambda));

        assertEquals(approximation, PoissonTail.upperTail(1_000_000, lambda), 1e-5);
    }

    @Test
    void logFactorialIsContinuousAcrossTheTable() {
        double sum = 0;
        for (int n = 1; n <= 300; n++) {
            sum += Math.log(n);
            assertEquals(sum, PoissonTail.logFactorial(n), 1e-12 * sum, "ln " + n + "!");
        }
    }

    @Test
    void criticalCountIsTheFirstBreachingCount() {
        // λ = 1/7: P(X ≥ 3) ≈ 4.2e-4, P(X ≥ 4) ≈ 1.5e-5.
        assertEquals(4, PoissonTail.criticalCount(1.0 / 7, 1e-4));
        assertEquals(1, PoissonTail.criticalCount(1e-9, 1e-4));
    }

    @Test
    void rejectsInvalidRates() {
        assertThrows(IllegalArgumentException.class, () -> PoissonTail.logUpperTail(1, -1));
        assertThrows(IllegalArgumentException.class, () -> PoissonTail.logUpperTail(1, Double.NaN));
    }
}
