package org.secheaders.analytics.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.secheaders.analytics.service.AnomalyService.AnomalyFinding;
import org.secheaders.analytics.service.AnomalyService.FirstSightingFinding;
import org.secheaders.analytics.service.AnomalyService.Parameters;
import org.secheaders.analytics.service.CorrelationService.RelatedChange;
import org.secheaders.analytics.service.HeaderTimingService.TimingRegression;
import org.secheaders.domain.policy.CspSourceChange;

class LikelyCauseTest {
    private static final Instant T = Instant.parse("2026-03-10T11:23:00Z");

    private static final AnomalyFinding SPIKE = new AnomalyFinding("acme", 1, Optional.of("script-src-elem"),
            Optional.of("cdn.example.com"), "spike", T, T.plusSeconds(300), 50, 55, 2, 0, 6, "poisson_tail",
            new Parameters(Optional.empty(), 3, Optional.of(1e-9)), "high", "50/min vs expected 2 for 5 consecutive minutes");
    private static final AnomalyFinding DROP = new AnomalyFinding("acme", 1, Optional.of("script-src-elem"),
            Optional.of("cdn.example.com"), "drop", T.minusSeconds(600), T.minusSeconds(300), 0, 0, 40, 20, 60,
            "robust_mad", new Parameters(Optional.of(3.0), 3, Optional.empty()), "medium", "reports stopped");
    private static final FirstSightingFinding FIRST = new FirstSightingFinding("acme", 1, "script-src-elem",
            "cdn.example.com", T, T.plusSeconds(3600), 250, 55, "medium", "first reports");
    private static final TimingRegression SLOW = new TimingRegression("acme", 1, "header_processing_time_p99",
            T.plusSeconds(60), T.plusSeconds(600), 80.0, 420.0, 5.25);

    private static RelatedChange change(List<String> removed) {
        return new RelatedChange(new PolicyChange(12, "acme", 1, "policy.update", "7", Optional.of("main"),
                Optional.of(41L), "alice", T.minusSeconds(180), removed,
                new CspSourceChange(new CspSourceChange.SourceDelta(Map.of(), Map.of()),
                        new CspSourceChange.SourceDelta(Map.of(), Map.of()))), 3, removed);
    }

    private static LikelyCause.Evidence evidence(Map<String, Long> classes, List<AnomalyFinding> anomalies,
            Optional<FirstSightingFinding> first, List<RelatedChange> changes, List<TimingRegression> timing) {
        return new LikelyCause.Evidence("script-src-elem", "cdn.example.com", 250, classes, anomalies, first, changes, timing);
    }

    @Test
    void aChangeThatRemovedTheSourceComesFirst() {
        assertEquals("spike of script-src-elem → cdn.example.com began 3 minutes after policy change #12 by alice "
                + "(removed script-src https://cdn.example.com)", LikelyCause.of(evidence(Map.of("malicious", 250L),
                List.of(DROP, SPIKE), Optional.of(FIRST), List.of(change(List.of("script-src https://cdn.example.com"))),
                List.of(SLOW))), "a rise names the event, even after an earlier drop");
        assertEquals("spike of script-src-elem → cdn.example.com began 3 minutes after policy change #12 by alice "
                + "(policy.update of 'main', version 41)", LikelyCause.of(evidence(Map.of(), List.of(SPIKE),
                Optional.empty(), List.of(change(List.of())), List.of())));
    }

    @Test
    void withoutAChangeTheClassificationTimingOrNoveltyExplains() {
        assertEquals("first reports of script-src-elem → cdn.example.com: 200 of 250 reports classified malicious, "
                + "likely an attack from a host never reported before", LikelyCause.of(evidence(
                Map.of("malicious", 200L, "unknown", 50L), List.of(), Optional.of(FIRST), List.of(), List.of())));
        assertEquals("reports of script-src-elem → cdn.example.com: 250 of 250 reports are noise (browser extensions, "
                + "injected scripts, local addresses), not a policy problem", LikelyCause.of(evidence(
                Map.of("false_positive", 250L), List.of(), Optional.empty(), List.of(), List.of())));
        assertEquals("spike of script-src-elem → cdn.example.com coincides with header_processing p99 rising from "
                + "80.0 µs to 420.0 µs at 2026-03-10T11:24:00Z", LikelyCause.of(evidence(Map.of("suspicious", 250L),
                List.of(SPIKE), Optional.empty(), List.of(), List.of(SLOW))));
        assertEquals("first reports of script-src-elem → cdn.example.com: a blocked host this tenant never reported "
                + "before, with no policy change before it", LikelyCause.of(evidence(Map.of("suspicious", 250L),
                List.of(), Optional.of(FIRST), List.of(), List.of())));
        assertEquals("spike of script-src-elem → cdn.example.com (50/min vs expected 2 for 5 consecutive minutes) with "
                + "no policy change before it", LikelyCause.of(evidence(Map.of("unknown", 250L), List.of(SPIKE),
                Optional.empty(), List.of(), List.of())));
        assertEquals("reports of script-src-elem → cdn.example.com at a steady rate: no anomaly, policy change or timing "
                + "regression in the window", LikelyCause.of(evidence(Map.of("unknown", 250L), List.of(),
                Optional.empty(), List.of(), List.of())));
    }
}
