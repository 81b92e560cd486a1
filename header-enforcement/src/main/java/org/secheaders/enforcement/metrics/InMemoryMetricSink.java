package org.secheaders.enforcement.metrics;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every written row in memory; for tests and for apps that read the rows themselves. */
public final class InMemoryMetricSink implements MetricSink {
    private final List<MetricSample> samples = new CopyOnWriteArrayList<>();

    @Override
    public void write(List<MetricSample> batch) {
        samples.addAll(batch);
    }

    /** A snapshot of the rows written so far, in write order. */
    public List<MetricSample> samples() {
        return List.copyOf(samples);
    }
}
