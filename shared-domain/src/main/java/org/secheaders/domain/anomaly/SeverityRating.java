package org.secheaders.domain.anomaly;

import org.secheaders.domain.model.SecuritySeverity;

/** How severe an anomaly is, from how far it cleared its band and for how long. */
final class SeverityRating {
    /** observed/upper at or above which a rise is HIGH before the duration bump. */
    static final double HIGH_RATIO = 10;
    /** observed/upper at or above which a rise is MEDIUM before the duration bump. */
    static final double MEDIUM_RATIO = 3;

    private SeverityRating() {
    }

    /** LOW, MEDIUM or HIGH by ratio, one level higher when sustained (so CRITICAL needs both). */
    static SecuritySeverity rise(double observed, double upper, boolean sustained) {
        double ratio = observed / Math.max(upper, 1);
        int level = ratio >= HIGH_RATIO ? 2 : ratio >= MEDIUM_RATIO ? 1 : 0;
        return SecuritySeverity.values()[level + (sustained ? 1 : 0)];
    }

    /** Reports stopping altogether hints at a removed policy or a broken collector; a dip does not. */
    static SecuritySeverity drop(double observed) {
        return observed == 0 ? SecuritySeverity.MEDIUM : SecuritySeverity.LOW;
    }

    /** A new group with volume is more than one browser extension's noise. */
    static SecuritySeverity firstSighting(boolean passesVolumeGate) {
        return passesVolumeGate ? SecuritySeverity.MEDIUM : SecuritySeverity.LOW;
    }
}
