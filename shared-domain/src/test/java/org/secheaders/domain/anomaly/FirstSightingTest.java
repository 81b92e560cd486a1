package org.secheaders.domain.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.secheaders.domain.anomaly.SyntheticSeries.at;
import static org.secheaders.domain.anomaly.SyntheticSeries.detectorAt;
import static org.secheaders.domain.anomaly.SyntheticSeries.hours;
import static org.secheaders.domain.anomaly.SyntheticSeries.minutes;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.secheaders.domain.model.SecuritySeverity;

class FirstSightingTest {
    private static final Duration NOW = hours(25);
    private static final Duration WINDOW = hours(24);
    private static final SeriesKey NEW_QUIET = SeriesKey.group(42, "script-src", "evil.example");
    private static final SeriesKey NEW_BUSY = SeriesKey.group(42, "connect-src", "exfil.example");
    private static final SeriesKey KNOWN = SeriesKey.group(42, "img-src", "cdn.example");
    private static final SeriesKey SEEN_IN_HISTORY = SeriesKey.group(42, "font-src", "fonts.example");
    private static final SeriesKey SILENT = SeriesKey.group(42, "frame-src", "ads.example");

    private static List<Anomaly> detect() {
        List<RateSeries> series = List.of(
                SyntheticSeries.lasting(NOW).counts(WINDOW.plus(minutes(4)), 2, 0, 1).build(NEW_QUIET),
                SyntheticSeries.lasting(NOW).level(WINDOW.plus(minutes(50)), minutes(2), 6)
                        .clients(WINDOW.plus(minutes(50)), minutes(2), 6).build(NEW_BUSY),
                SyntheticSeries.lasting(NOW).counts(WINDOW.plus(minutes(1)), 1).build(KNOWN),
                SyntheticSeries.lasting(NOW).counts(hours(3), 1).counts(WINDOW.plus(minutes(1)), 1)
                        .build(SEEN_IN_HISTORY),
                SyntheticSeries.lasting(NOW).build(SILENT),
                SyntheticSeries.lasting(NOW).counts(WINDOW.plus(minutes(1)), 1).build(SeriesKey.tenant(42)));
        return detectorAt(NOW).detect(series, Set.of(KNOWN));
    }

    @Test
    void reportsOnlyGroupsWithoutEarlierReports() {
        assertEquals(List.of(NEW_BUSY, NEW_QUIET), detect().stream().map(Anomaly::key).toList());
    }

    @Test
    void describesTheFirstReports() {
        FirstSighting quiet = (FirstSighting) detect().get(1);

        assertEquals(new FirstSighting(NEW_QUIET, at(WINDOW.plus(minutes(4))), at(NOW), 3, 2, OptionalLong.empty(),
                SecuritySeverity.LOW, "first reports for script-src evil.example since 2025-03-04T00:04:00Z:"
                        + " 3 in 60 min, peak 2/min"), quiet);
    }

    @Test
    void volumeFromDistinctClientsRaisesSeverity() {
        FirstSighting busy = (FirstSighting) detect().get(0);

        assertEquals(SecuritySeverity.MEDIUM, busy.severity());
        assertEquals(OptionalLong.of(6), busy.distinctClients());
        assertEquals(AnomalyKind.FIRST_SIGHTING, busy.kind());
    }

    @Test
    void needsAGroupKey() {
        assertThrows(IllegalArgumentException.class, () -> new FirstSighting(SeriesKey.tenant(1), at(NOW), at(NOW), 1,
                1, OptionalLong.empty(), SecuritySeverity.LOW, "x"));
    }
}
