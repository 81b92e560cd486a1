package org.secheaders.domain.compliance.check;

import java.util.List;
import java.util.Optional;

import org.secheaders.domain.compliance.HistoryEvidence;
import org.secheaders.domain.compliance.HistoryEvidence.ConfigChange;

/**
 * {@code history.change_authored}: every configuration change in the window has an author in the
 * audit log (else it is untracked: fail) and an approver (else: warning), SOC 2 CC8.1.
 */
final class ChangeAuthoredCheck implements AtomicCheck {
    static final String ID = "history.change_authored";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String expected() {
        return "an author and an approver for every configuration change";
    }

    @Override
    public String fix() {
        return "Make every configuration change through the platform, with an author and an approver.";
    }

    @Override
    public EvidenceNeed need() {
        return EvidenceNeed.HISTORY;
    }

    @Override
    public AtomicResult evaluate(EvaluationContext context) {
        HistoryEvidence history = context.history();
        List<ConfigChange> changes = history.changes().stream()
                .filter(c -> !c.at().isBefore(history.windowStart()) && !c.at().isAfter(history.asOf())).toList();
        Finding finding = Finding.of(this, Optional.of(changes.size() + " changes in the window"), List.of());
        if (changes.isEmpty()) {
            return finding.notApplicable("no_changes", "No configuration change in the window.");
        }
        long untracked = changes.stream().filter(c -> c.author().isEmpty()).count();
        long unapproved = changes.stream().filter(c -> c.approver().isEmpty()).count();
        if (untracked > 0) {
            return finding.fail("untracked_change", untracked + " of " + changes.size() + " changes have no author.");
        }
        return unapproved > 0
                ? finding.warn("unapproved_change", unapproved + " of " + changes.size() + " changes have no approver.")
                : finding.pass("authored_and_approved", "Every change has an author and an approver.");
    }
}
