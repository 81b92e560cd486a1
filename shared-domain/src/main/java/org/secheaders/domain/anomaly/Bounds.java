package org.secheaders.domain.anomaly;

import java.util.List;

/**
 * The union (min lower, max upper) of a bucket's bands, remembering which band set each bound so
 * that an anomaly can say what it was compared with. Ties go to the band listed first.
 */
record Bounds(Band upperBand, Band lowerBand) {

    static Bounds of(Band band) {
        return new Bounds(band, band);
    }

    static Bounds union(List<Band> bands) {
        Band upper = bands.get(0);
        Band lower = bands.get(0);
        for (Band band : bands) {
            if (band.upper() > upper.upper()) {
                upper = band;
            }
            if (band.lower() < lower.lower()) {
                lower = band;
            }
        }
        return new Bounds(upper, lower);
    }

    double upper() {
        return upperBand.upper();
    }

    double lower() {
        return lowerBand.lower();
    }
}
