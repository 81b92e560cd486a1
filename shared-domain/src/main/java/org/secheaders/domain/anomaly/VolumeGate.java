package org.secheaders.domain.anomaly;

import java.util.OptionalLong;

/**
 * Sqreen's rule: a statistically unusual bucket only matters with enough volume, either enough
 * reports or enough distinct clients (one noisy browser can produce many reports, but not many clients).
 */
record VolumeGate(double countFloor, long distinctClientFloor) {

    static VolumeGate of(DetectionConfig config, RateSeries series) {
        return new VolumeGate(config.absoluteFloorPerMinute() * series.minutesPerBucket(),
                config.distinctClientFloor());
    }

    boolean passes(RateSeries series, int index) {
        OptionalLong clients = series.distinctClients(index);
        return series.count(index) >= countFloor
                || clients.isPresent() && clients.getAsLong() >= distinctClientFloor;
    }

    /** A drop only matters on a series that normally carries at least the floor. */
    boolean dropMatters(Bounds bounds) {
        return bounds.lowerBand().expected() >= countFloor;
    }
}
