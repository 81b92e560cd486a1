package org.secheaders.domain.anomaly;

import java.util.Arrays;

/**
 * A multiset of counts kept sorted as it slides along a series, so that each step costs one
 * insertion or removal instead of a sort of the whole window.
 */
final class SortedWindow {
    private final long[] sorted;
    private int size;
    private double sum;

    SortedWindow(int capacity) {
        sorted = new long[capacity];
    }

    void add(long value) {
        int at = Arrays.binarySearch(sorted, 0, size, value);
        if (at < 0) {
            at = -at - 1;
        }
        System.arraycopy(sorted, at, sorted, at + 1, size - at);
        sorted[at] = value;
        size++;
        sum += value;
    }

    /** Removes one occurrence of {@code value}, which must have been added. */
    void remove(long value) {
        int at = Arrays.binarySearch(sorted, 0, size, value);
        if (at < 0) {
            throw new IllegalStateException(value + " is not in the window");
        }
        System.arraycopy(sorted, at + 1, sorted, at, size - at - 1);
        size--;
        sum -= value;
    }

    RobustStats stats() {
        return RobustStats.ofSorted(sorted, size, sum);
    }
}
