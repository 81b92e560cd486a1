package org.secheaders.domain.anomaly;

import java.time.Duration;
import java.util.Objects;

/**
 * A seasonal comparison: look {@code lag} back for the same time slot, but only once the series has
 * {@code minimumHistory} of data before the evaluation window (a band built on a missing slot would
 * be meaningless).
 */
public record Seasonality(Duration lag, Duration minimumHistory) {

    public Seasonality {
        requirePositive(lag, "lag");
        requirePositive(minimumHistory, "minimumHistory");
        if (minimumHistory.compareTo(lag) < 0) {
            throw new IllegalArgumentException(
                    "minimumHistory " + minimumHistory + " is shorter than lag " + lag + ": the slot would be missing");
        }
    }

    public static Seasonality of(Duration lag) {
        return new Seasonality(lag, lag);
    }

    static void requirePositive(Duration value, String field) {
        if (Objects.requireNonNull(value, field).isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be positive, was " + value);
        }
    }
}
