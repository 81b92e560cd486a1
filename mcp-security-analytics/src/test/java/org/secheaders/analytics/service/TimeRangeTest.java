package org.secheaders.analytics.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeRangeTest {
    private static final Instant T = Instant.parse("2026-03-10T00:00:00Z");

    @Test
    void splitsIntoConsecutivePiecesAndKnowsThePreviousPeriod() {
        TimeRange day = new TimeRange(T, T.plus(Duration.ofHours(30)));

        assertEquals(List.of(new TimeRange(T, T.plus(Duration.ofHours(12))),
                new TimeRange(T.plus(Duration.ofHours(12)), T.plus(Duration.ofHours(24))),
                new TimeRange(T.plus(Duration.ofHours(24)), T.plus(Duration.ofHours(30)))), day.split(Duration.ofHours(12)));
        // Cut at UTC noon and midnight whatever the start.
        Instant unaligned = T.plus(Duration.ofMinutes(617));
        assertEquals(List.of(new TimeRange(unaligned, T.plus(Duration.ofHours(12))),
                new TimeRange(T.plus(Duration.ofHours(12)), T.plus(Duration.ofHours(24))),
                new TimeRange(T.plus(Duration.ofHours(24)), T.plus(Duration.ofHours(30)))),
                new TimeRange(unaligned, T.plus(Duration.ofHours(30))).split(Duration.ofHours(12)));
        assertEquals(new TimeRange(T.minus(Duration.ofHours(30)), T), day.previous());
        assertEquals(30.0, day.hours());
        assertThrows(IllegalArgumentException.class, () -> new TimeRange(T, T));
    }
}
