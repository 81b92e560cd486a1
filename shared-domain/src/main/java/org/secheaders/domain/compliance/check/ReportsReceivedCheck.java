package org.secheaders.domain.compliance.check;

import java.util.List;

import org.secheaders.domain.compliance.HistoryEvidence;

/**
 * {@code history.reports_received}: the CSP report collector has received reports for the tenant,
 * which shows the reporting pipeline works end to end (SOC 2 CC7.2 "configured and receiving").
 * None yet is a warning: a perfect policy on a quiet site also produces none.
 */
final class ReportsReceivedCheck implements AtomicCheck {
    static final String ID = "history.reports_received";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String expected() {
        return "violation reports received by the collector";
    }

    @Override
    public String fix() {
        return "Check that the report-to endpoint reaches the collector (send a test report).";
    }

    @Override
    public EvidenceNeed need() {
        return EvidenceNeed.HISTORY;
    }

    @Override
    public AtomicResult evaluate(EvaluationContext context) {
        HistoryEvidence history = context.history();
        Finding finding = Finding.of(this, history.lastViolationReportAt().map(at -> "last report " + at), List.of());
        return history.lastViolationReportAt().isPresent()
                ? finding.pass("reports_received", "The collector last received a report at "
                        + history.lastViolationReportAt().get() + ".")
                : finding.warn("no_reports_received", "The collector has received no report for this tenant.");
    }
}
