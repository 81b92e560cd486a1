package org.secheaders.domain.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secheaders.domain.anomaly.SyntheticSeries.TENANT;
import static org.secheaders.domain.anomaly.SyntheticSeries.at;
import static org.secheaders.domain.anomaly.SyntheticSeries.detectorAt;
import static org.secheaders.domain.anomaly.SyntheticSeries.hours;
import static org.secheaders.domain.anomaly.SyntheticSeries.minutes;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.secheaders.domain.model.SecuritySeverity;

class AnomalyDetectorTest {
    /** The evaluation window of a detector at 25 h is the hour [24 h, 25 h) after a full day of history. */
    private static final Duration NOW = hours(25);
    private static final Duration WINDOW = hours(24);

    private static RateAnomaly only(List<RateAnomaly> anomalies) {
        assertEquals(1, anomalies.size(), () -> "expected one anomaly, got " + anomalies);
        return anomalies.get(0);
    }

    @Nested
    class StepChange {
        private final RateSeries series = SyntheticSeries.lasting(hours(26))
                .noise(100, 10)
                .level(WINDOW.plus(minutes(30)), hours(1), 400)
                .build();

        @Test
        void isQuietForFewerThanNBreaches() {
            assertEquals(List.of(), detectorAt(WINDOW.plus(minutes(32))).detect(series));
        }

        @Test
        void alertsOnTheNthBreachFromTheStepOn() {
            RateAnomaly anomaly = only(detectorAt(WINDOW.plus(minutes(33))).detect(series));

            assertEquals(AnomalyKind.SPIKE, anomaly.kind());
            assertEquals(at(WINDOW.plus(minutes(30))), anomaly.windowStart());
            assertEquals(at(WINDOW.plus(minutes(33))), anomaly.windowEnd());
            assertEquals(400, anomaly.observed());
        }

        @Test
        void becomesASustainedRiseAfterFifteenMinutes() {
            assertEquals(AnomalyKind.SPIKE, only(detectorAt(WINDOW.plus(minutes(44))).detect(series)).kind());
            assertEquals(AnomalyKind.SUSTAINED_RISE, only(detectorAt(WINDOW.plus(minutes(45))).detect(series)).kind());
        }

        @Test
        void judgesOnlyBucketsThatHaveEnded() {
            // At 24h32m30s the third step bucket is still filling.
            AnomalyDetector detector = new AnomalyDetector(DetectionConfig.defaults(),
                    InstantSource.fixed(at(WINDOW.plus(minutes(32)).plusSeconds(30))));

            assertEquals(List.of(), detector.detect(series));
        }
    }

    @Nested
    class Spikes {
        @Test
        void spikeShorterThanNIsIgnored() {
            RateSeries series = SyntheticSeries.lasting(NOW).noise(100, 10)
                    .level(WINDOW.plus(minutes(20)), minutes(2), 5000).build();

            assertEquals(List.of(), detectorAt(NOW).detect(series));
        }

        @Test
        void longSpikeReportsObservedExpectedAndBounds() {
            RateSeries series = SyntheticSeries.lasting(NOW).level(100)
                    .level(WINDOW.plus(minutes(20)), minutes(5), 1240).build();

            RateAnomaly anomaly = only(detectorAt(NOW).detect(series));

            assertEquals(new RateAnomaly(TENANT, AnomalyKind.SPIKE, at(WINDOW.plus(minutes(20))),
                    at(WINDOW.plus(minutes(25))), 1240, 1240, 100, 50, 150, DetectionMethod.ROBUST_MAD,
                    new AnomalyParameters(OptionalDouble.of(3), 3, OptionalDouble.empty()), SecuritySeverity.MEDIUM,
                    "1,240/min vs expected 100 (upper 150, median ± 3·MAD over 24 h) for 5 consecutive minutes"),
                    anomaly);
        }

        @Test
        void noisyBaselineUsesKTimesMadWhenWiderThanTheMargin() {
            // 100 ± 60: MAD ≈ 30, so 3·MAD ≈ 90 exceeds the 50 margin.
            RateSeries series = SyntheticSeries.lasting(NOW).noise(100, 60)
                    .level(WINDOW.plus(minutes(10)), minutes(30), 175).build();
            List<RateAnomaly> anomalies = detectorAt(NOW).detect(series);
            RateSeries higher = SyntheticSeries.lasting(NOW).noise(100, 60)
                    .level(WINDOW.plus(minutes(10)), minutes(30), 210).build();
            RateAnomaly anomaly = only(detectorAt(NOW).detect(higher));

            assertEquals(List.of(), anomalies);
            assertTrue(anomaly.upper() > 180 && anomaly.upper() < 200, () -> "upper " + anomaly.upper());
            assertEquals(AnomalyKind.SUSTAINED_RISE, anomaly.kind());
        }

        @Test
        void rolledUpSeriesAreJudgedPerBucket() {
            RateSeries series = SyntheticSeries.lasting(NOW).noise(100, 10)
                    .level(WINDOW.plus(minutes(20)), minutes(15), 1000).build().rollup(minutes(5));

            RateAnomaly anomaly = only(detectorAt(NOW).detect(series));

            assertEquals(5000, anomaly.observed());
            assertTrue(anomaly.explanation().startsWith("5,000 per 5 min vs expected "), anomaly.explanation());
            assertTrue(anomaly.explanation().endsWith(" for 3 consecutive buckets of 5 min"), anomaly.explanation());
        }
    }

    @Nested
    class Seasonality {
        /** 100 ± 10, with a 1,000 ± 50 peak from 10:00 to 12:00 on day 0 and day 7 (Mondays). */
        private SyntheticSeries weeklyPeaks() {
            return SyntheticSeries.lasting(Duration.ofDays(9)).noise(100, 10)
                    .noise(hours(10), hours(2), 1000, 50)
                    .noise(Duration.ofDays(7).plus(hours(10)), hours(2), 1000, 50);
        }

        @Test
        void regularWeeklyPeakIsExpectedOnceAWeekOfHistoryExists() {
            assertEquals(List.of(), detectorAt(Duration.ofDays(7).plus(hours(11))).detect(weeklyPeaks().build()));
        }

        @Test
        void peakOutsideTheWeeklyPatternAlerts() {
            RateSeries series = weeklyPeaks().noise(Duration.ofDays(8).plus(hours(14)), hours(2), 1000, 50).build();

            RateAnomaly anomaly = only(detectorAt(Duration.ofDays(8).plus(hours(15))).detect(series));

            assertEquals(AnomalyKind.SUSTAINED_RISE, anomaly.kind());
            assertEquals(at(Duration.ofDays(8).plus(hours(14))), anomaly.windowStart());
            assertEquals(SecuritySeverity.HIGH, anomaly.severity());
        }

        @Test
        void weeklyBandNeedsSevenDaysOfHistory() {
            // The evaluation window starts at day 7 10:00; history begins at or just after day 0 10:00.
            Duration now = Duration.ofDays(7).plus(hours(11));
            SyntheticSeries peaks = weeklyPeaks();

            assertEquals(List.of(), detectorAt(now).detect(peaks.startingAt(TENANT, hours(10))));
            RateAnomaly early = only(detectorAt(now).detect(peaks.startingAt(TENANT, hours(10).plus(minutes(1)))));
            assertEquals(at(Duration.ofDays(7).plus(hours(10))), early.windowStart());
        }

        @Test
        void dailyBandNeedsADayOfHistory() {
            SyntheticSeries dailyPeaks = SyntheticSeries.lasting(Duration.ofDays(2)).noise(100, 10)
                    .noise(hours(10), hours(2), 1000, 50)
                    .noise(hours(34), hours(2), 1000, 50);
            Duration now = hours(35);

            RateSeries fullDay = dailyPeaks.startingAt(TENANT, hours(10));
            assertEquals(List.of(), detectorAt(now).detect(fullDay));
            RateAnomaly early = only(detectorAt(now).detect(dailyPeaks.startingAt(TENANT, hours(10).plus(minutes(1)))));
            assertEquals(DetectionMethod.ROBUST_MAD, early.method());
        }

        @Test
        void namesTheSeasonalBandThatDecided() {
            // Yesterday's slot was busy (500) and today is busier still: the daily band sets the bound.
            RateSeries series = SyntheticSeries.lasting(hours(50)).noise(100, 10)
                    .noise(hours(10), hours(2), 500, 10)
                    .level(hours(34).plus(minutes(10)), minutes(5), 2000).build();

            RateAnomaly anomaly = only(detectorAt(hours(35)).detect(series));

            assertEquals(DetectionMethod.SEASONAL_DAY, anomaly.method());
            assertEquals(500, anomaly.expected(), 10);
            assertTrue(anomaly.explanation().contains("same slot 24 h earlier, median ± 3·MAD over ±30 min"),
                    anomaly.explanation());
        }
    }

    @Nested
    class ZeroMad {
        private RateSeries flatWith(long level, Duration length) {
            return SyntheticSeries.lasting(NOW).level(100).level(WINDOW.plus(minutes(10)), length, level).build();
        }

        @Test
        void smallChangesStayInsideTheMarginBand() {
            assertEquals(List.of(), detectorAt(NOW).detect(flatWith(120, minutes(30))));
            assertEquals(List.of(), detectorAt(NOW).detect(flatWith(150, minutes(30))));
        }

        @Test
        void justAboveTheMarginAlerts() {
            RateAnomaly anomaly = only(detectorAt(NOW).detect(flatWith(151, minutes(3))));

            assertEquals(150, anomaly.upper());
            assertEquals(SecuritySeverity.LOW, anomaly.severity());
        }

        @Test
        void realSpikeAlerts() {
            RateAnomaly anomaly = only(detectorAt(NOW).detect(flatWith(5000, minutes(5))));

            assertEquals(SecuritySeverity.HIGH, anomaly.severity());
        }
    }

    @Nested
    class LowCounts {
        /** A report every 7th minute: mean 1/7, median 0. */
        private SyntheticSeries sparse() {
            SyntheticSeries series = SyntheticSeries.lasting(NOW);
            for (int minute = 0; minute < NOW.toMinutes(); minute += 7) {
                series.counts(minutes(minute), 1);
            }
            return series;
        }

        @Test
        void occasionalReportsDoNotAlert() {
            RateSeries series = sparse().counts(WINDOW.plus(minutes(20)), 0, 0, 1, 0, 1, 1, 1, 0).build();

            assertEquals(List.of(), detectorAt(NOW).detect(series));
        }

        @Test
        void jumpFromSeveralClientsAlertsByPoissonTail() {
            RateSeries series = sparse().level(WINDOW.plus(minutes(20)), minutes(5), 15)
                    .clients(WINDOW.plus(minutes(20)), minutes(5), 6).build();

            RateAnomaly anomaly = only(detectorAt(NOW).detect(series));

            assertEquals(DetectionMethod.POISSON_TAIL, anomaly.method());
            assertEquals(OptionalDouble.empty(), anomaly.parameters().k());
            assertTrue(anomaly.parameters().pValue().orElseThrow() < 1e-4, anomaly::toString);
            assertEquals(1.0 / 7, anomaly.expected(), 0.01);
            assertEquals(3, anomaly.upper());
            assertTrue(anomaly.explanation().startsWith("15/min vs expected 0.14 (upper 3, Poisson tail p < 1.0e-04,"
                    + " λ = mean over 24 h, p ≤ "), anomaly.explanation());
        }

        @Test
        void jumpFromOneClientBelowTheFloorDoesNotAlert() {
            RateSeries series = sparse().level(WINDOW.plus(minutes(20)), minutes(5), 15)
                    .clients(WINDOW.plus(minutes(20)), minutes(5), 1).build();

            assertEquals(List.of(), detectorAt(NOW).detect(series));
        }

        @Test
        void silentBaselineStillHasARate() {
            RateSeries series = SyntheticSeries.lasting(NOW).level(WINDOW.plus(minutes(20)), minutes(3), 25).build();

            RateAnomaly anomaly = only(detectorAt(NOW).detect(series));

            assertEquals(3.0 / 1440, anomaly.expected(), 1e-12);
        }
    }

    @Nested
    class Floors {
        /** 8 ± 2 per minute: median 8, band 4..12 from the margin. */
        private SyntheticSeries quiet() {
            return SyntheticSeries.lasting(NOW).noise(8, 2).level(WINDOW.plus(minutes(20)), minutes(10), 15);
        }

        @Test
        void breachesUnderTheFloorAlertWithEnoughDistinctClients() {
            RateSeries series = quiet().clients(WINDOW.plus(minutes(20)), minutes(10), 5).build();

            RateAnomaly anomaly = only(detectorAt(NOW).detect(series));

            assertEquals(15, anomaly.observed());
            assertEquals(12, anomaly.upper());
        }

        @Test
        void breachesUnderTheFloorFromFewClientsAreIgnored() {
            assertEquals(List.of(), detectorAt(NOW).detect(quiet().clients(WINDOW, hours(1), 4).build()));
            assertEquals(List.of(), detectorAt(NOW).detect(quiet().build()));
        }

        @Test
        void breachesAtTheFloorAlertWithoutClients() {
            RateSeries series = quiet().level(WINDOW.plus(minutes(20)), minutes(10), 20).build();

            assertEquals(20, only(detectorAt(NOW).detect(series)).observed());
        }
    }

    @Nested
    class Drops {
        @Test
        void busySeriesFallingToZeroIsAMediumDrop() {
            RateSeries series = SyntheticSeries.lasting(NOW).noise(200, 20).level(WINDOW.plus(minutes(30)), minutes(30), 0)
                    .build();

            RateAnomaly anomaly = only(detectorAt(NOW).detect(series));

            assertEquals(AnomalyKind.DROP, anomaly.kind());
            assertEquals(SecuritySeverity.MEDIUM, anomaly.severity());
            assertEquals(100, anomaly.lower(), 5);
            assertEquals(0, anomaly.peak());
            assertTrue(anomaly.explanation().startsWith("0/min vs expected 200 (lower "), anomaly.explanation());
        }

        @Test
        void partialDropIsLow() {
            RateSeries series = SyntheticSeries.lasting(NOW).noise(200, 20).level(WINDOW.plus(minutes(30)), minutes(5), 80)
                    .build();

            assertEquals(SecuritySeverity.LOW, only(detectorAt(NOW).detect(series)).severity());
        }

        @Test
        void quietSeriesFallingToZeroIsNotAnAnomaly() {
            RateSeries series = SyntheticSeries.lasting(NOW).noise(10, 2).level(WINDOW.plus(minutes(30)), minutes(30), 0)
                    .build();

            assertEquals(List.of(), detectorAt(NOW).detect(series));
        }
    }

    @Nested
    class Boundaries {
        private RateSeries spikeOf(int minutes) {
            return SyntheticSeries.lasting(NOW).noise(100, 10).level(WINDOW.plus(minutes(20)), minutes(minutes), 1000)
                    .build();
        }

        @Test
        void configuredNIsRequiredExactly() {
            DetectionConfig five = DetectionConfig.builder().consecutiveBreaches(5).build();

            assertEquals(List.of(), detectorAt(five, NOW).detect(spikeOf(4)));
            assertEquals(5, only(detectorAt(five, NOW).detect(spikeOf(5))).parameters().consecutiveBreaches());
        }

        @Test
        void nOfOneAlertsOnASingleBucket() {
            DetectionConfig one = DetectionConfig.builder().consecutiveBreaches(1).build();

            assertEquals(at(WINDOW.plus(minutes(20))), only(detectorAt(one, NOW).detect(spikeOf(1))).windowStart());
        }

        @Test
        void needsTheMinimumBaselineOfHistory() {
            SyntheticSeries series = SyntheticSeries.lasting(NOW).noise(100, 10)
                    .level(WINDOW.plus(minutes(20)), minutes(5), 1000);
            Duration historyStart = WINDOW.minus(hours(1));

            assertEquals(1, detectorAt(NOW).detect(series.startingAt(TENANT, historyStart)).size());
            assertEquals(List.of(), detectorAt(NOW).detect(series.startingAt(TENANT, historyStart.plus(minutes(1)))));
        }

        @Test
        void seriesEndingBeforeNowIsJudgedUpToItsEnd() {
            RateSeries series = SyntheticSeries.lasting(NOW).noise(100, 10).level(NOW.minus(minutes(3)), minutes(3), 1000)
                    .build();

            assertEquals(at(NOW), only(detectorAt(NOW.plus(hours(3))).detect(series)).windowEnd());
        }

        @Test
        void nothingToJudgeBeforeTheSeriesStarts() {
            assertEquals(List.of(), detectorAt(Duration.ZERO).detect(spikeOf(5)));
        }
    }

    @Nested
    class ManySeries {
        private final SeriesKey script = SeriesKey.group(42, "script-src", "evil.example");
        private final SeriesKey known = SeriesKey.group(42, "img-src", "cdn.example");
        private final SeriesKey other = SeriesKey.tenant(7);

        private List<RateSeries> series() {
            return List.of(
                    SyntheticSeries.lasting(NOW).level(WINDOW.plus(minutes(40)), minutes(3), 2).build(script),
                    SyntheticSeries.lasting(NOW).noise(100, 10).level(WINDOW.plus(minutes(5)), minutes(5), 900)
                            .build(other),
                    SyntheticSeries.lasting(NOW).noise(100, 10).level(WINDOW.plus(minutes(30)), minutes(5), 900)
                            .level(WINDOW.plus(minutes(10)), minutes(5), 900).build(TENANT),
                    SyntheticSeries.lasting(NOW).level(WINDOW.plus(minutes(50)), minutes(3), 30).build(known));
        }

        @Test
        void resultsAreOrderedByKeyThenWindowThenKind() {
            List<Anomaly> anomalies = detectorAt(NOW).detect(series(), Set.of(known));

            assertEquals(List.of(other, TENANT, TENANT, known, script), anomalies.stream().map(Anomaly::key).toList());
            assertEquals(List.of(AnomalyKind.SPIKE, AnomalyKind.SPIKE, AnomalyKind.SPIKE, AnomalyKind.SPIKE,
                    AnomalyKind.FIRST_SIGHTING), anomalies.stream().map(Anomaly::kind).toList());
            assertTrue(anomalies.get(1).windowStart().isBefore(anomalies.get(2).windowStart()));
        }

        @Test
        void inputOrderDoesNotMatter() {
            List<RateSeries> forwards = series();
            List<RateSeries> backwards = new ArrayList<>(forwards);
            Collections.reverse(backwards);

            assertEquals(detectorAt(NOW).detect(forwards, Set.of(known)), detectorAt(NOW).detect(backwards, Set.of(known)));
        }

        @Test
        void duplicateKeysAreRejected() {
            RateSeries one = series().get(1);

            assertThrows(IllegalArgumentException.class, () -> detectorAt(NOW).detect(List.of(one, one), Set.of()));
        }
    }
}
