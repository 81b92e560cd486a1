package org.secheaders.domain.anomaly;

import org.secheaders.domain.model.WireEnums;

/** Which band decided an anomaly: the one whose bound the observed counts had to cross. */
public enum DetectionMethod {
    /** Median ± k·MAD over the short-term baseline window, floored by margin·median. */
    ROBUST_MAD,
    /** The same robust band around the same time slot one day earlier. */
    SEASONAL_DAY,
    /** The same robust band around the same time slot one week earlier. */
    SEASONAL_WEEK,
    /** Poisson upper-tail test against the baseline mean, used for low-count series. */
    POISSON_TAIL;

    /** The lower-case wire name, e.g. {@code "poisson_tail"}. */
    public String wireName() {
        return WireEnums.wireName(this);
    }
}
