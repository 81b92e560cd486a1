package org.secheaders.domain.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExplanationsTest {

    @Test
    void numbersAreShortAndGrouped() {
        assertEquals("1,240", Explanations.number(1240));
        assertEquals("12", Explanations.number(12));
        assertEquals("12.5", Explanations.number(12.46));
        assertEquals("187", Explanations.number(186.6));
        assertEquals("0.14", Explanations.number(1.0 / 7));
        assertEquals("0.0021", Explanations.number(3.0 / 1440));
        assertEquals("0", Explanations.number(0));
    }

    @Test
    void durationsUseTheLargestWholeUnit() {
        assertEquals("7 d", Explanations.duration(Duration.ofDays(7)));
        assertEquals("24 h", Explanations.duration(Duration.ofDays(1)));
        assertEquals("2 d", Explanations.duration(Duration.ofDays(2)));
        assertEquals("90 min", Explanations.duration(Duration.ofMinutes(90)));
        assertEquals("60 min", Explanations.duration(Duration.ofHours(1)));
        assertEquals("1 min", Explanations.duration(Duration.ofMinutes(1)));
        assertEquals("PT30S", Explanations.duration(Duration.ofSeconds(30)));
    }

    @Test
    void rateLineNamesUnitBoundAndRun() {
        assertEquals("1,240/min vs expected 12 (upper 31, median ± 3·MAD over 24 h) for 5 consecutive minutes",
                Explanations.rate(true, 1240, 12, 31, "median ± 3·MAD over 24 h", 5, Duration.ofMinutes(1)));
        assertEquals("0 per 5 min vs expected 400 (lower 200, x) for 1 bucket of 5 min",
                Explanations.rate(false, 0, 400, 200, "x", 1, Duration.ofMinutes(5)));
    }
}
