package org.secheaders.domain.anomaly;

import java.util.List;

/** Consecutive buckets {@code [from, from + bounds.size())} on the same side of their bands. */
record BreachRun(Direction direction, int from, List<Bounds> bounds) {

    enum Direction { ABOVE, BELOW, WITHIN }

    BreachRun {
        bounds = List.copyOf(bounds);
    }

    int length() {
        return bounds.size();
    }

    int to() {
        return from + bounds.size();
    }
}
