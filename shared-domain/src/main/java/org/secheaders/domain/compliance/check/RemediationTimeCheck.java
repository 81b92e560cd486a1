package org.secheaders.domain.compliance.check;

import java.util.List;
import java.util.Optional;

import org.secheaders.domain.compliance.HistoryEvidence;
import org.secheaders.domain.compliance.HistoryEvidence.PastFailure;
import org.secheaders.domain.compliance.ServiceLevels;

/**
 * {@code history.remediation_time}: failed findings were fixed within the SLA of their severity
 * (SOC 2 CC7.4 PoF 7.4.8). Open findings count from detection to now. Up to twice the SLA is a
 * warning, beyond it a failure.
 */
final class RemediationTimeCheck implements AtomicCheck {
    static final String ID = "history.remediation_time";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String expected() {
        return "failed findings fixed within the remediation SLA of their severity";
    }

    @Override
    public String fix() {
        return "Assign owners and fix failed findings within their severity's SLA.";
    }

    @Override
    public EvidenceNeed need() {
        return EvidenceNeed.HISTORY;
    }

    @Override
    public AtomicResult evaluate(EvaluationContext context) {
        HistoryEvidence history = context.history();
        ServiceLevels levels = context.options().tenant().serviceLevels();
        List<PastFailure> failures = history.failures();
        Finding finding = Finding.of(this, Optional.of(failures.size() + " failed findings, "
                + failures.stream().filter(f -> f.resolvedAt().isEmpty()).count() + " open"), List.of());
        if (failures.isEmpty()) {
            return finding.notApplicable("no_failures", "No failed finding to remediate in the window.");
        }
        List<Sla> measured = failures.stream()
                .map(f -> Sla.measure(f.detectedAt(), f.resolvedAt(), history.asOf(), levels.remediationFor(f.severity())))
                .toList();
        long veryLate = measured.stream().filter(Sla.VERY_LATE::equals).count();
        long late = measured.stream().filter(Sla.LATE::equals).count();
        if (veryLate > 0) {
            return finding.fail("overdue_beyond_twice_sla",
                    veryLate + " findings took (or are taking) more than twice their SLA.");
        }
        return late > 0
                ? finding.warn("overdue", late + " findings exceeded their SLA.")
                : finding.pass("within_sla", "Every finding was fixed, or is still within its SLA.");
    }
}
