package org.secheaders.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Prints wall-clock and CPU time per operation of {@link ComplianceBenchmark}'s operations, run one
 * after another on one thread. On a machine shared with other builds the wall clock mostly measures
 * waiting for a core; the thread's CPU time is what one operation costs (H2 file I/O waits excluded).
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar org.secheaders.benchmarks.ComplianceTimings [warmup] [runs]}
 */
public final class ComplianceTimings {

    private ComplianceTimings() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        ComplianceBenchmark benchmark = new ComplianceBenchmark();
        benchmark.setUp();
        try {
            Map<String, Supplier<Object>> operations = new LinkedHashMap<>();
            operations.put("evaluateOnly", benchmark::evaluateOnly);
            operations.put("configured", benchmark::configured);
            operations.put("urlScan", benchmark::urlScan);
            operations.put("renderPdfOnly", benchmark::renderPdfOnly);
            operations.put("reportMarkdown", benchmark::reportMarkdown);
            operations.put("reportPdf", benchmark::reportPdf);
            System.out.printf(Locale.ROOT, "%-15s %10s %10s %10s %10s%n", "operation", "wall p50", "wall max", "cpu p50",
                    "cpu max");
            operations.forEach((name, operation) -> print(name, operation, warmup, runs));
        } finally {
            benchmark.tearDown();
        }
    }

    private static void print(String name, Supplier<Object> operation, int warmup, int runs) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < warmup; i++) {
            operation.get();
        }
        long[] wall = new long[runs];
        long[] cpu = new long[runs];
        for (int i = 0; i < runs; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            operation.get();
            wall[i] = System.nanoTime() - start;
            cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "%-15s %8.1f ms %8.1f ms %8.1f ms %8.1f ms%n", name, wall[runs / 2] / 1e6,
                wall[runs - 1] / 1e6, cpu[runs / 2] / 1e6, cpu[runs - 1] / 1e6);
    }
}
