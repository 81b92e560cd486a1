package org.secheaders.analytics.service;

/** Figures in results are rounded to three decimals: enough for rates and shares, short enough to read. */
final class Rounding {

    private Rounding() {
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
