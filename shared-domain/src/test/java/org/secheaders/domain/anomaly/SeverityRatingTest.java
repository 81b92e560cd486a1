package org.secheaders.domain.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.secheaders.domain.model.SecuritySeverity;

class SeverityRatingTest {

    @Test
    void riseSeverityGrowsWithRatioAndDuration() {
        assertEquals(SecuritySeverity.LOW, SeverityRating.rise(299, 100, false));
        assertEquals(SecuritySeverity.MEDIUM, SeverityRating.rise(300, 100, false));
        assertEquals(SecuritySeverity.HIGH, SeverityRating.rise(1000, 100, false));
        assertEquals(SecuritySeverity.MEDIUM, SeverityRating.rise(150, 100, true));
        assertEquals(SecuritySeverity.CRITICAL, SeverityRating.rise(1000, 100, true));
    }

    @Test
    void ratioUsesAtLeastOneAsTheBound() {
        // A Poisson upper bound of 0 must not divide by zero.
        assertEquals(SecuritySeverity.HIGH, SeverityRating.rise(10, 0, false));
    }

    @Test
    void reportsStoppingIsWorseThanADip() {
        assertEquals(SecuritySeverity.MEDIUM, SeverityRating.drop(0));
        assertEquals(SecuritySeverity.LOW, SeverityRating.drop(3));
    }
}
