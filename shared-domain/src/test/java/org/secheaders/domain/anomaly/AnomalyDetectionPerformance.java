package org.secheaders.domain.anomaly;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Rough timing of {@link AnomalyDetector#detect(java.util.Collection, Set)} over 1,000 series of
 * 14 days of minute buckets (the figure quoted in docs/ANOMALY_DETECTION.md). Not a unit test: timing
 * assertions are flaky on shared machines. Run after {@code test-compile}:
 * <pre>java -cp shared-domain/target/classes:shared-domain/target/test-classes \
 *     org.secheaders.domain.anomaly.AnomalyDetectionPerformance</pre>
 */
public final class AnomalyDetectionPerformance {
    private static final int SERIES = 1_000;
    private static final int MINUTES = 14 * 24 * 60;
    private static final Instant START = Instant.parse("2025-03-03T00:00:00Z");

    private AnomalyDetectionPerformance() {
    }

    public static void main(String[] args) {
        List<RateSeries> series = generate();
        AnomalyDetector detector = new AnomalyDetector(DetectionConfig.defaults(),
                InstantSource.fixed(START.plus(Duration.ofMinutes(MINUTES))));
        for (int warmUp = 0; warmUp < 3; warmUp++) {
            detector.detect(series, Set.of());
        }
        // CPU time of this thread as well as wall time: on a shared machine the wall clock mostly measures neighbours.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] wallMillis = new long[7];
        long[] cpuMillis = new long[wallMillis.length];
        int anomalies = 0;
        for (int run = 0; run < wallMillis.length; run++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            anomalies = detector.detect(series, Set.of()).size();
            wallMillis[run] = (System.nanoTime() - wall) / 1_000_000;
            cpuMillis[run] = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
        }
        Arrays.sort(wallMillis);
        Arrays.sort(cpuMillis);
        System.out.printf("%,d series x %,d minute buckets, %d anomalies: median %d ms wall (best %d), "
                + "median %d ms CPU (best %d)%n", SERIES, MINUTES, anomalies, wallMillis[wallMillis.length / 2],
                wallMillis[0], cpuMillis[cpuMillis.length / 2], cpuMillis[0]);
    }

    /** Daily and weekly cycles at varied levels, a fifth of them sparse (Poisson path), some ending in a spike. */
    private static List<RateSeries> generate() {
        Random random = new Random(1);
        List<RateSeries> series = new ArrayList<>(SERIES);
        for (int s = 0; s < SERIES; s++) {
            double level = s % 5 == 0 ? 0.3 : 5 + random.nextInt(500);
            long[] counts = new long[MINUTES];
            for (int minute = 0; minute < MINUTES; minute++) {
                double daily = 1 + 0.5 * Math.sin(2 * Math.PI * minute / 1440.0);
                double weekly = minute / 1440 % 7 >= 5 ? 0.6 : 1;
                counts[minute] = Math.round(level * daily * weekly * (0.8 + 0.4 * random.nextDouble()));
            }
            if (s % 10 == 0) {
                Arrays.fill(counts, MINUTES - 20, MINUTES, 5_000);
            }
            series.add(RateSeries.of(SeriesKey.group(s / 10, "script-src", "host" + s + ".example"), START,
                    Duration.ofMinutes(1), counts));
        }
        return series;
    }
}
