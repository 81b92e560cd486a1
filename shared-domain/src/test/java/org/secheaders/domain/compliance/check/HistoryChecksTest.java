package org.secheaders.domain.compliance.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.secheaders.domain.compliance.check.Checks.assertNotEvaluated;
import static org.secheaders.domain.compliance.check.Checks.assertOutcome;
import static org.secheaders.domain.model.CheckResult.FAIL;
import static org.secheaders.domain.model.CheckResult.NOT_APPLICABLE;
import static org.secheaders.domain.model.CheckResult.PASS;
import static org.secheaders.domain.model.CheckResult.WARNING;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.secheaders.domain.compliance.EvidenceBundle;
import org.secheaders.domain.compliance.HistoryEvidence;
import org.secheaders.domain.compliance.HistoryEvidence.ConfigChange;
import org.secheaders.domain.compliance.HistoryEvidence.PastFailure;
import org.secheaders.domain.grading.ResponseHeaders;
import org.secheaders.domain.model.SecuritySeverity;

/** The period-based checks, measured against the default service levels (weekly scans, 2-day triage, 30 days for high). */
class HistoryChecksTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant AS_OF = START.plus(Duration.ofDays(28));

    @Test
    void scanCadence() {
        assertOutcome(PASS, "on_cadence", run(ScanCadenceCheck.ID, history(days(7, 14, 21, 28), List.of(), List.of())));
        assertOutcome(WARNING, "cadence_missed_once", run(ScanCadenceCheck.ID, history(days(7, 21, 28), List.of(), List.of())));
        assertOutcome(FAIL, "cadence_missed", run(ScanCadenceCheck.ID, history(days(7, 27), List.of(), List.of())));
        assertOutcome(FAIL, "no_scans", run(ScanCadenceCheck.ID, history(List.of(), List.of(), List.of())));
        HistoryEvidence tooShort = new HistoryEvidence(AS_OF.minus(Duration.ofDays(3)), AS_OF, List.of(AS_OF), List.of(),
                List.of(), Optional.empty());
        assertNotEvaluated(run(ScanCadenceCheck.ID, tooShort));
    }

    @Test
    void theOrderHistoryIsGivenInDoesNotMatter() {
        List<Instant> scans = new ArrayList<>(days(7, 14, 21, 28));
        Collections.reverse(scans);
        assertEquals(run(ScanCadenceCheck.ID, history(days(7, 14, 21, 28), List.of(), List.of())),
                run(ScanCadenceCheck.ID, history(scans, List.of(), List.of())));
    }

    @Test
    void changesNeedAnAuthorAnApproverAndAScan() {
        ConfigChange approved = new ConfigChange(day(10), Optional.of("ana"), Optional.of("bo"));
        ConfigChange unapproved = new ConfigChange(day(11), Optional.of("ana"), Optional.empty());
        ConfigChange untracked = new ConfigChange(day(12), Optional.empty(), Optional.empty());
        assertOutcome(PASS, "authored_and_approved", run(ChangeAuthoredCheck.ID, history(List.of(), List.of(), List.of(approved))));
        assertOutcome(WARNING, "unapproved_change", run(ChangeAuthoredCheck.ID, history(List.of(), List.of(), List.of(approved, unapproved))));
        assertOutcome(FAIL, "untracked_change", run(ChangeAuthoredCheck.ID, history(List.of(), List.of(), List.of(unapproved, untracked))));
        assertOutcome(NOT_APPLICABLE, "no_changes", run(ChangeAuthoredCheck.ID, history(List.of(), List.of(), List.of())));

        List<Instant> scans = List.of(day(10).plus(Duration.ofHours(2)), day(13));
        assertOutcome(PASS, "verified", run(ChangeVerifiedCheck.ID, history(scans, List.of(), List.of(approved))));
        assertOutcome(WARNING, "verified_late", run(ChangeVerifiedCheck.ID, history(scans, List.of(), List.of(unapproved))));
        assertOutcome(FAIL, "change_not_verified", run(ChangeVerifiedCheck.ID,
                history(List.of(day(2)), List.of(), List.of(approved))));
        ConfigChange tooRecent = new ConfigChange(AS_OF.minus(Duration.ofHours(1)), Optional.of("ana"), Optional.of("bo"));
        assertOutcome(NOT_APPLICABLE, "no_changes", run(ChangeVerifiedCheck.ID, history(List.of(), List.of(), List.of(tooRecent))));
    }

    @Test
    void remediationWithinSlaBoundaries() {
        PastFailure inTime = failure(SecuritySeverity.HIGH, 0, Optional.of(1), Optional.of(30));
        PastFailure openInTime = failure(SecuritySeverity.HIGH, 0, Optional.of(1), Optional.empty());
        PastFailure veryLate = failure(SecuritySeverity.CRITICAL, 0, Optional.of(1), Optional.of(15));
        assertOutcome(PASS, "within_sla", run(RemediationTimeCheck.ID, history(List.of(), List.of(inTime), List.of())));
        assertOutcome(WARNING, "overdue", run(RemediationTimeCheck.ID,
                history(List.of(), List.of(failure(SecuritySeverity.HIGH, 0, Optional.of(1), Optional.of(31))), List.of())));
        assertOutcome(PASS, "within_sla", run(RemediationTimeCheck.ID, history(List.of(), List.of(openInTime), List.of())));
        assertOutcome(FAIL, "overdue_beyond_twice_sla", run(RemediationTimeCheck.ID, history(List.of(), List.of(veryLate), List.of())));
        assertOutcome(NOT_APPLICABLE, "no_failures", run(RemediationTimeCheck.ID, history(List.of(), List.of(), List.of())));
    }

    @Test
    void triageWithinSla() {
        assertOutcome(PASS, "triaged_in_time", run(TriageTimeCheck.ID,
                history(List.of(), List.of(failure(SecuritySeverity.LOW, 0, Optional.of(2), Optional.empty())), List.of())));
        assertOutcome(WARNING, "triage_overdue", run(TriageTimeCheck.ID,
                history(List.of(), List.of(failure(SecuritySeverity.LOW, 0, Optional.of(4), Optional.empty())), List.of())));
        assertOutcome(FAIL, "triage_overdue_beyond_twice_sla", run(TriageTimeCheck.ID,
                history(List.of(), List.of(failure(SecuritySeverity.LOW, 0, Optional.empty(), Optional.empty())), List.of())));
    }

    @Test
    void reportsReceivedAndMissingHistory() {
        HistoryEvidence reported = new HistoryEvidence(START, AS_OF, List.of(), List.of(), List.of(), Optional.of(day(3)));
        assertOutcome(PASS, "reports_received", run(ReportsReceivedCheck.ID, reported));
        assertOutcome(WARNING, "no_reports_received", run(ReportsReceivedCheck.ID, history(List.of(), List.of(), List.of())));
        AtomicResult none = Checks.run(ReportsReceivedCheck.ID, EvidenceBundle.supplied(ResponseHeaders.empty()));
        assertNotEvaluated(none);
        assertEquals("no scan or change history was supplied", none.message());
    }

    private static AtomicResult run(String id, HistoryEvidence history) {
        return Checks.run(id, EvidenceBundle.supplied(ResponseHeaders.empty()).withHistory(history));
    }

    private static HistoryEvidence history(List<Instant> scans, List<PastFailure> failures, List<ConfigChange> changes) {
        return new HistoryEvidence(START, AS_OF, scans, failures, changes, Optional.empty());
    }

    private static PastFailure failure(SecuritySeverity severity, int detected, Optional<Integer> acknowledged,
                                       Optional<Integer> resolved) {
        return new PastFailure("hsts.present", severity, day(detected), acknowledged.map(HistoryChecksTest::day),
                resolved.map(HistoryChecksTest::day));
    }

    private static Instant day(int n) {
        return START.plus(Duration.ofDays(n));
    }

    private static List<Instant> days(int... n) {
        List<Instant> instants = new ArrayList<>();
        for (int d : n) {
            instants.add(day(d));
        }
        return instants;
    }
}
