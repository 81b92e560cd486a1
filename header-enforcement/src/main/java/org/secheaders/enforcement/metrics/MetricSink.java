package org.secheaders.enforcement.metrics;

import java.util.List;

/**
 * Where flushed metric rows go. Called from the flusher's single thread; an implementation may
 * block (a database insert) and signals failure by throwing, after which the flusher keeps the
 * data and retries with the next interval.
 */
@FunctionalInterface
public interface MetricSink {
    void write(List<MetricSample> samples);
}
