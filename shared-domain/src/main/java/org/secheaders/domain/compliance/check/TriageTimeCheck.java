package org.secheaders.domain.compliance.check;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.secheaders.domain.compliance.HistoryEvidence;

/**
 * {@code history.triage_time}: new failed findings were acknowledged within the triage SLA (SOC 2
 * CC7.3: events are evaluated). Up to twice the SLA is a warning.
 */
final class TriageTimeCheck implements AtomicCheck {
    static final String ID = "history.triage_time";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String expected() {
        return "failed findings acknowledged within the triage SLA";
    }

    @Override
    public String fix() {
        return "Acknowledge new failed findings within the triage SLA.";
    }

    @Override
    public EvidenceNeed need() {
        return EvidenceNeed.HISTORY;
    }

    @Override
    public AtomicResult evaluate(EvaluationContext context) {
        HistoryEvidence history = context.history();
        Duration triage = context.options().tenant().serviceLevels().triage();
        Finding finding = Finding.of(this, Optional.of(history.failures().size() + " failed findings, "
                + history.failures().stream().filter(f -> f.acknowledgedAt().isEmpty()).count() + " unacknowledged"),
                List.of());
        if (history.failures().isEmpty()) {
            return finding.notApplicable("no_failures", "No failed finding to triage in the window.");
        }
        List<Sla> measured = history.failures().stream()
                .map(f -> Sla.measure(f.detectedAt(), f.acknowledgedAt(), history.asOf(), triage)).toList();
        if (measured.contains(Sla.VERY_LATE)) {
            return finding.fail("triage_overdue_beyond_twice_sla",
                    "Findings waited more than twice the triage SLA of " + triage + ".");
        }
        return measured.contains(Sla.LATE)
                ? finding.warn("triage_overdue", "Findings waited longer than the triage SLA of " + triage + ".")
                : finding.pass("triaged_in_time", "Every finding was acknowledged within " + triage + ".");
    }
}
