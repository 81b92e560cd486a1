package org.secheaders.domain.compliance.check;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.secheaders.domain.compliance.HistoryEvidence;

/**
 * {@code history.scan_cadence}: the tenant's URLs were scanned at the promised cadence over the
 * window (SOC 2 CC7.1 PoF 7.1.5, GDPR Art. 32(1)(d)). A window shorter than one period cannot show a
 * cadence yet: not evaluated. One gap of up to twice the cadence is a warning.
 */
final class ScanCadenceCheck implements AtomicCheck {
    static final String ID = "history.scan_cadence";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String expected() {
        return "a scan at least once per cadence period across the window";
    }

    @Override
    public String fix() {
        return "Schedule scans at the tenant's cadence.";
    }

    @Override
    public EvidenceNeed need() {
        return EvidenceNeed.HISTORY;
    }

    @Override
    public AtomicResult evaluate(EvaluationContext context) {
        HistoryEvidence history = context.history();
        Duration cadence = context.options().tenant().serviceLevels().scanCadence();
        List<Instant> scans = history.scans().stream()
                .filter(s -> !s.isBefore(history.windowStart()) && !s.isAfter(history.asOf())).toList();
        Finding finding = Finding.of(this, Optional.of(scans.size() + " scans between " + history.windowStart()
                + " and " + history.asOf()), List.of());
        if (Duration.between(history.windowStart(), history.asOf()).compareTo(cadence) < 0) {
            return finding.notEvaluated("the window is shorter than one scan period (" + cadence + ")");
        }
        if (scans.isEmpty()) {
            return finding.fail("no_scans", "No scan in the window.");
        }
        List<Duration> overruns = new ArrayList<>();
        List<Instant> points = new ArrayList<>();
        points.add(history.windowStart());
        points.addAll(scans);
        points.add(history.asOf());
        for (int i = 1; i < points.size(); i++) {
            Duration gap = Duration.between(points.get(i - 1), points.get(i));
            if (gap.compareTo(cadence) > 0) {
                overruns.add(gap);
            }
        }
        if (overruns.isEmpty()) {
            return finding.pass("on_cadence", "Scanned at least every " + cadence + ".");
        }
        if (overruns.size() == 1 && overruns.get(0).compareTo(cadence.multipliedBy(2)) <= 0) {
            return finding.warn("cadence_missed_once",
                    "One gap of " + overruns.get(0) + " exceeded the cadence of " + cadence + ".");
        }
        return finding.fail("cadence_missed", overruns.size() + " gaps exceeded the cadence of " + cadence
                + ", the longest " + overruns.stream().max(Duration::compareTo).orElseThrow() + ".");
    }
}
