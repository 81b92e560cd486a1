package org.secheaders.domain.demo;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Draws index {@code i} with probability proportional to {@code weights[i]}, in O(log n). */
final class WeightedIndex {
    private final double[] cumulative;

    WeightedIndex(double[] weights) {
        if (weights.length == 0) {
            throw new IllegalArgumentException("nothing to choose from");
        }
        cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            // Zero weights would give equal neighbours, which binary search cannot tell apart.
            if (!(weights[i] > 0) || Double.isInfinite(weights[i])) {
                throw new IllegalArgumentException("weight " + weights[i] + " at " + i + " must be positive");
            }
            sum += weights[i];
            cumulative[i] = sum;
        }
    }

    int pick(SplittableRandom random) {
        double x = random.nextDouble() * cumulative[cumulative.length - 1];
        int found = Arrays.binarySearch(cumulative, x);
        return found >= 0 ? found + 1 : -found - 1;
    }
}
