package org.secheaders.analytics.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.secheaders.domain.anomaly.DetectionConfig;
import org.secheaders.domain.anomaly.Seasonality;

/**
 * The minutes the anomaly detector reads to judge some windows against the history from
 * {@code historyStart}: for each window its short-term baseline, itself, and the same-slot bands a
 * day and a week back; merged, oldest first, and cut to {@code [historyStart, end)}. Windows are
 * consecutive, so the last slice runs from before the first window's baseline to the end: everything
 * the detector needs to know about the time before that slice is which groups were seen there and
 * from when each tenant has data.
 */
record ReadPlan(Instant historyStart, Instant end, List<TimeRange> slices) {

    ReadPlan {
        slices = List.copyOf(slices);
    }

    static ReadPlan of(Instant historyStart, List<TimeRange> windows, Function<TimeRange, DetectionConfig> configs) {
        Instant end = windows.get(windows.size() - 1).end();
        List<TimeRange> needed = new ArrayList<>();
        for (TimeRange window : windows) {
            DetectionConfig config = configs.apply(window);
            needed.add(new TimeRange(window.start().minus(config.baselineWindow()), window.end()));
            for (Seasonality season : List.of(config.daily(), config.weekly())) {
                Duration halfWidth = config.seasonalSlotHalfWidth();
                needed.add(new TimeRange(window.start().minus(season.lag()).minus(halfWidth),
                        window.end().minus(season.lag()).plus(halfWidth)));
            }
        }
        needed.sort(Comparator.comparing(TimeRange::start));
        List<TimeRange> merged = new ArrayList<>();
        for (TimeRange range : needed) {
            Instant from = range.start().isBefore(historyStart) ? historyStart : range.start();
            Instant to = range.end().isAfter(end) ? end : range.end();
            if (!from.isBefore(to)) {
                continue;
            }
            TimeRange last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !from.isAfter(last.end())) {
                merged.set(merged.size() - 1, new TimeRange(last.start(), to.isAfter(last.end()) ? to : last.end()));
            } else {
                merged.add(new TimeRange(from, to));
            }
        }
        ReadPlan plan = new ReadPlan(historyStart, end, merged);
        if (plan.recentStart().isAfter(windows.get(0).start())) {
            throw new IllegalArgumentException("windows must be consecutive: " + windows);
        }
        return plan;
    }

    /** Where the last slice starts: every minute from here to the end is loaded. */
    Instant recentStart() {
        return slices.get(slices.size() - 1).start();
    }
}
