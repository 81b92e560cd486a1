package org.secheaders.domain.anomaly;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The parameters a rate anomaly was judged with.
 *
 * @param k                   band half-width in MADs, for the robust and seasonal methods
 * @param consecutiveBreaches N, the run length required before reporting
 * @param pValue              for the Poisson test, the largest P(X ≥ count | λ) over the run (every
 *                            bucket's was below the threshold)
 */
public record AnomalyParameters(OptionalDouble k, int consecutiveBreaches, OptionalDouble pValue) {

    public AnomalyParameters {
        Objects.requireNonNull(k, "k");
        Objects.requireNonNull(pValue, "pValue");
    }
}
