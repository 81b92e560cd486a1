package org.secheaders.domain.anomaly;

import static org.secheaders.domain.anomaly.Seasonality.requirePositive;

import java.time.Duration;
import java.util.Objects;

/**
 * Parameters of the {@link AnomalyDetector}, validated when built. Durations are converted to whole
 * buckets of each series' width (rounded down), so the same configuration serves 1-minute series and
 * their 5-minute rollups.
 *
 * @param k                     band half-width in raw MADs (3 for counts; Grafana's robust rule uses 2)
 * @param marginFraction        minimum band half-width as a fraction of the median (Grafana's margin band);
 *                              keeps a zero-MAD series from alerting on tiny changes
 * @param absoluteFloorPerMinute a rise only counts in buckets with at least this many reports per minute...
 * @param distinctClientFloor   ...or at least this many distinct clients (Sqreen's rule)
 * @param consecutiveBreaches   N: buckets in a row that must breach before an anomaly is reported
 * @param poissonPValue         upper-tail probability below which a low-count bucket breaches
 * @param lowCountMedian        baselines with a median below this use the Poisson test instead of the MAD band
 * @param baselineWindow        short-term baseline length, ending where the evaluation window starts
 * @param minimumBaseline       no rate detection for a series with less history than this
 * @param daily                 same-slot comparison one day back
 * @param weekly                same-slot comparison one week back
 * @param seasonalSlotHalfWidth a seasonal band uses the buckets within this distance of the lagged slot
 * @param evaluationWindow      the most recent complete buckets that are judged
 * @param sustainedAfter        a rise lasting at least this long is a {@link AnomalyKind#SUSTAINED_RISE}
 */
public record DetectionConfig(
        double k,
        double marginFraction,
        long absoluteFloorPerMinute,
        long distinctClientFloor,
        int consecutiveBreaches,
        double poissonPValue,
        double lowCountMedian,
        Duration baselineWindow,
        Duration minimumBaseline,
        Seasonality daily,
        Seasonality weekly,
        Duration seasonalSlotHalfWidth,
        Duration evaluationWindow,
        Duration sustainedAfter) {

    public DetectionConfig {
        if (!(k > 0) || Double.isInfinite(k)) {
            throw new IllegalArgumentException("k must be positive and finite, was " + k);
        }
        if (!(marginFraction >= 0) || Double.isInfinite(marginFraction)) {
            throw new IllegalArgumentException("marginFraction must be zero or positive, was " + marginFraction);
        }
        requireNotNegative(absoluteFloorPerMinute, "absoluteFloorPerMinute");
        requireNotNegative(distinctClientFloor, "distinctClientFloor");
        if (consecutiveBreaches < 1) {
            throw new IllegalArgumentException("consecutiveBreaches must be at least 1, was " + consecutiveBreaches);
        }
        if (!(poissonPValue > 0 && poissonPValue < 1)) {
            throw new IllegalArgumentException("poissonPValue must be between 0 and 1, was " + poissonPValue);
        }
        if (!(lowCountMedian >= 0) || Double.isInfinite(lowCountMedian)) {
            throw new IllegalArgumentException("lowCountMedian must be zero or positive, was " + lowCountMedian);
        }
        requirePositive(baselineWindow, "baselineWindow");
        requirePositive(minimumBaseline, "minimumBaseline");
        if (minimumBaseline.compareTo(baselineWindow) > 0) {
            throw new IllegalArgumentException(
                    "minimumBaseline " + minimumBaseline + " is longer than baselineWindow " + baselineWindow);
        }
        Objects.requireNonNull(daily, "daily");
        Objects.requireNonNull(weekly, "weekly");
        if (weekly.lag().compareTo(daily.lag()) <= 0) {
            throw new IllegalArgumentException(
                    "weekly lag " + weekly.lag() + " must be longer than daily lag " + daily.lag());
        }
        Objects.requireNonNull(seasonalSlotHalfWidth, "seasonalSlotHalfWidth");
        if (seasonalSlotHalfWidth.isNegative()) {
            throw new IllegalArgumentException("seasonalSlotHalfWidth must not be negative, was " + seasonalSlotHalfWidth);
        }
        requirePositive(evaluationWindow, "evaluationWindow");
        requirePositive(sustainedAfter, "sustainedAfter");
        // A seasonal slot that reached into the evaluation window would let an anomaly raise its own band.
        if (daily.lag().minus(seasonalSlotHalfWidth).compareTo(evaluationWindow) < 0) {
            throw new IllegalArgumentException("daily lag " + daily.lag() + " minus seasonalSlotHalfWidth "
                    + seasonalSlotHalfWidth + " must be at least evaluationWindow " + evaluationWindow);
        }
    }

    /** The defaults recommended in the design notes (§4). */
    public static DetectionConfig defaults() {
        return builder().build();
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    private static void requireNotNegative(long value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative, was " + value);
        }
    }

    /** Collects overrides of the defaults; {@link #build()} validates them together. */
    public static final class Builder {
        private double k = 3;
        private double marginFraction = 0.5;
        private long absoluteFloorPerMinute = 20;
        private long distinctClientFloor = 5;
        private int consecutiveBreaches = 3;
        private double poissonPValue = 1e-4;
        private double lowCountMedian = 5;
        private Duration baselineWindow = Duration.ofHours(24);
        private Duration minimumBaseline = Duration.ofHours(1);
        private Seasonality daily = Seasonality.of(Duration.ofDays(1));
        private Seasonality weekly = Seasonality.of(Duration.ofDays(7));
        private Duration seasonalSlotHalfWidth = Duration.ofMinutes(30);
        private Duration evaluationWindow = Duration.ofMinutes(60);
        private Duration sustainedAfter = Duration.ofMinutes(15);

        private Builder() {
        }

        public Builder k(double value) {
            k = value;
            return this;
        }

        public Builder marginFraction(double value) {
            marginFraction = value;
            return this;
        }

        public Builder absoluteFloorPerMinute(long value) {
            absoluteFloorPerMinute = value;
            return this;
        }

        public Builder distinctClientFloor(long value) {
            distinctClientFloor = value;
            return this;
        }

        public Builder consecutiveBreaches(int value) {
            consecutiveBreaches = value;
            return this;
        }

        public Builder poissonPValue(double value) {
            poissonPValue = value;
            return this;
        }

        public Builder lowCountMedian(double value) {
            lowCountMedian = value;
            return this;
        }

        public Builder baselineWindow(Duration value) {
            baselineWindow = value;
            return this;
        }

        public Builder minimumBaseline(Duration value) {
            minimumBaseline = value;
            return this;
        }

        public Builder daily(Seasonality value) {
            daily = value;
            return this;
        }

        public Builder weekly(Seasonality value) {
            weekly = value;
            return this;
        }

        public Builder seasonalSlotHalfWidth(Duration value) {
            seasonalSlotHalfWidth = value;
            return this;
        }

        public Builder evaluationWindow(Duration value) {
            evaluationWindow = value;
            return this;
        }

        public Builder sustainedAfter(Duration value) {
            sustainedAfter = value;
            return this;
        }

        public DetectionConfig build() {
            return new DetectionConfig(k, marginFraction, absoluteFloorPerMinute, distinctClientFloor,
                    consecutiveBreaches, poissonPValue, lowCountMedian, baselineWindow, minimumBaseline,
                    daily, weekly, seasonalSlotHalfWidth, evaluationWindow, sustainedAfter);
        }
    }
}
