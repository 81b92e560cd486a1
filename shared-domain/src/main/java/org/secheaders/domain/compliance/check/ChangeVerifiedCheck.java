package org.secheaders.domain.compliance.check;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.secheaders.domain.compliance.HistoryEvidence;
import org.secheaders.domain.compliance.HistoryEvidence.ConfigChange;

/**
 * {@code history.change_verified}: every header-configuration change was followed by a scan that
 * checked it (SOC 2 CC7.1 "scans after changes", CC8.1 "test changes"). A scan within the verify
 * window passes, within the scan cadence warns, later or never fails. Changes too recent to have
 * been due are skipped.
 */
final class ChangeVerifiedCheck implements AtomicCheck {
    static final String ID = "history.change_verified";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String expected() {
        return "a scan soon after every configuration change";
    }

    @Override
    public String fix() {
        return "Scan within a day of every configuration change.";
    }

    @Override
    public EvidenceNeed need() {
        return EvidenceNeed.HISTORY;
    }

    @Override
    public AtomicResult evaluate(EvaluationContext context) {
        HistoryEvidence history = context.history();
        Duration within = context.options().tenant().serviceLevels().verifyChangeWithin();
        Duration cadence = context.options().tenant().serviceLevels().scanCadence();
        List<ConfigChange> due = history.changes().stream()
                .filter(c -> !c.at().isBefore(history.windowStart()))
                .filter(c -> !c.at().plus(within).isAfter(history.asOf()))
                .toList();
        Finding finding = Finding.of(this, Optional.of(due.size() + " changes due for verification"), List.of());
        if (due.isEmpty()) {
            return finding.notApplicable("no_changes", "No configuration change in the window was due for a scan.");
        }
        int late = 0;
        int unverified = 0;
        for (ConfigChange change : due) {
            Optional<Instant> scan = history.scans().stream().filter(s -> !s.isBefore(change.at())).findFirst();
            Duration delay = Duration.between(change.at(), scan.orElse(history.asOf()));
            if (scan.isEmpty() || delay.compareTo(cadence) > 0) {
                unverified++;
            } else if (delay.compareTo(within) > 0) {
                late++;
            }
        }
        if (unverified > 0) {
            return finding.fail("change_not_verified", unverified + " of " + due.size()
                    + " changes had no scan within the cadence of " + cadence + ".");
        }
        return late > 0
                ? finding.warn("verified_late", late + " of " + due.size() + " changes were scanned later than " + within + ".")
                : finding.pass("verified", "Every change was scanned within " + within + ".");
    }
}
