package org.secheaders.domain.anomaly;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Grafana-style robust baseline: the short-term band (median ± k·MAD over the baseline window),
 * unioned with same-slot bands from a day and a week back once the series has enough history for
 * them, so that a regular daily or weekly peak stays inside the band. Bounds are computed for the
 * whole evaluation window up front, sliding the seasonal slots along it.
 */
final class RobustBaseline implements Baseline {
    private final int firstIndex;
    private final List<Bounds> bounds;
    private final List<SeasonalSlot> slots;
    private final double k;
    private final Duration span;
    private final Duration slotHalfWidth;

    private RobustBaseline(int firstIndex, List<Bounds> bounds, List<SeasonalSlot> slots, DetectionConfig config,
            Duration span) {
        this.firstIndex = firstIndex;
        this.bounds = bounds;
        this.slots = slots;
        this.k = config.k();
        this.span = span;
        this.slotHalfWidth = config.seasonalSlotHalfWidth();
    }

    static RobustBaseline of(RateSeries series, EvaluationWindow window, RobustStats stats, Duration span,
            DetectionConfig config) {
        List<SeasonalSlot> slots = new ArrayList<>(2);
        addIfHistory(slots, DetectionMethod.SEASONAL_DAY, config.daily(), series, window, config);
        addIfHistory(slots, DetectionMethod.SEASONAL_WEEK, config.weekly(), series, window, config);
        Band shortTerm = Band.robust(stats, config.k(), config.marginFraction(), DetectionMethod.ROBUST_MAD);
        List<Band[]> seasonal = slots.stream()
                .map(slot -> slot.bands(series, window, config.k(), config.marginFraction()))
                .toList();
        List<Bounds> bounds = new ArrayList<>(window.to() - window.from());
        for (int judged = 0; judged < window.to() - window.from(); judged++) {
            List<Band> bands = new ArrayList<>(1 + seasonal.size());
            bands.add(shortTerm);
            for (Band[] slotBands : seasonal) {
                bands.add(slotBands[judged]);
            }
            bounds.add(Bounds.union(bands));
        }
        return new RobustBaseline(window.from(), List.copyOf(bounds), List.copyOf(slots), config, span);
    }

    private static void addIfHistory(List<SeasonalSlot> slots, DetectionMethod method, Seasonality seasonality,
            RateSeries series, EvaluationWindow window, DetectionConfig config) {
        if (window.from() >= series.bucketsIn(seasonality.minimumHistory())) {
            slots.add(SeasonalSlot.of(method, seasonality, series, config.seasonalSlotHalfWidth()));
        }
    }

    @Override
    public Bounds boundsAt(int index) {
        return bounds.get(index - firstIndex);
    }

    @Override
    public OptionalDouble pValue(long count) {
        return OptionalDouble.empty();
    }

    @Override
    public String describe(DetectionMethod method) {
        String band = "median ± " + Explanations.number(k) + "·MAD";
        if (method == DetectionMethod.ROBUST_MAD) {
            return band + " over " + Explanations.duration(span);
        }
        SeasonalSlot slot = slots.stream().filter(s -> s.method() == method).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(method + " is not part of this baseline"));
        return String.format(Locale.ROOT, "same slot %s earlier, %s over ±%s", Explanations.duration(slot.lag()),
                band, Explanations.duration(slotHalfWidth));
    }
}
