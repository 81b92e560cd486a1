package org.secheaders.benchmarks.tools;

import java.io.PrintStream;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** One HdrHistogram of call latencies (µs) and an error count per tool, printed as an aligned table. */
final class ToolLatencies {

    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(5);

    private final Map<AnalyticsToolTarget, Histogram> histograms = new EnumMap<>(AnalyticsToolTarget.class);
    private final Map<AnalyticsToolTarget, Integer> errors = new EnumMap<>(AnalyticsToolTarget.class);

    ToolLatencies() {
        for (AnalyticsToolTarget tool : AnalyticsToolTarget.values()) {
            histograms.put(tool, new Histogram(HIGHEST_MICROS, 3));
            errors.put(tool, 0);
        }
    }

    void record(AnalyticsToolTarget tool, long nanos, boolean error) {
        histograms.get(tool).recordValue(Math.min(HIGHEST_MICROS, TimeUnit.NANOSECONDS.toMicros(nanos)));
        if (error) {
            errors.merge(tool, 1, Integer::sum);
        }
    }

    int totalErrors() {
        return errors.values().stream().mapToInt(Integer::intValue).sum();
    }

    void print(PrintStream out) {
        String format = "%-27s %-21s %6s %6s %9s %9s %9s %9s  %s%n";
        out.printf(Locale.ROOT, format, "tool", "target", "calls", "errors", "p50 ms", "p90 ms", "p99 ms", "max ms",
                "p99 within target");
        for (AnalyticsToolTarget tool : AnalyticsToolTarget.values()) {
            Histogram histogram = histograms.get(tool);
            long targetMicros = TimeUnit.MILLISECONDS.toMicros(tool.target().toMillis());
            long p99 = histogram.getValueAtPercentile(99);
            out.printf(Locale.ROOT, format, tool.toolName(), tool.kind() + " < " + tool.target().toMillis() + " ms",
                    histogram.getTotalCount(), errors.get(tool), millis(histogram.getValueAtPercentile(50)),
                    millis(histogram.getValueAtPercentile(90)), millis(p99), millis(histogram.getMaxValue()),
                    p99 < targetMicros ? "yes" : "NO (p50 " + (histogram.getValueAtPercentile(50) < targetMicros
                            ? "within" : "over") + ")");
        }
    }

    private static String millis(long micros) {
        return String.format(Locale.ROOT, "%.1f", micros / 1000.0);
    }
}
