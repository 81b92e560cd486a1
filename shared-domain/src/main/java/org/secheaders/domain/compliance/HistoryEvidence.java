package org.secheaders.domain.compliance;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.secheaders.domain.model.SecuritySeverity;

/**
 * What the database knows about a tenant over an observation window, as plain values the caller
 * fills in: SOC 2 CC7.x/CC8.1 are tested over a period, so one scan cannot answer them. No clock is
 * read anywhere; {@code asOf} is the evaluation time. Lists are sorted here, so the order the caller
 * read them in does not change any result.
 *
 * @param windowStart            start of the observation (audit) window
 * @param asOf                   the evaluation time, end of the window
 * @param scans                  completed scans of the tenant's URLs
 * @param failures               failed findings detected in the window, with their follow-up
 * @param changes                header-configuration changes from the audit log
 * @param lastViolationReportAt  when the CSP report collector last received a report for the tenant
 */
public record HistoryEvidence(
        Instant windowStart,
        Instant asOf,
        List<Instant> scans,
        List<PastFailure> failures,
        List<ConfigChange> changes,
        Optional<Instant> lastViolationReportAt) {

    public HistoryEvidence {
        Objects.requireNonNull(windowStart, "windowStart");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(lastViolationReportAt, "lastViolationReportAt");
        if (windowStart.isAfter(asOf)) {
            throw new IllegalArgumentException("windowStart " + windowStart + " is after asOf " + asOf);
        }
        scans = scans.stream().sorted().toList();
        failures = failures.stream().sorted(Comparator.comparing(PastFailure::detectedAt)
                .thenComparing(PastFailure::checkId)).toList();
        changes = changes.stream().sorted(Comparator.comparing(ConfigChange::at)
                .thenComparing(c -> c.author().orElse(""))).toList();
    }

    /**
     * A failed finding and what happened to it.
     *
     * @param checkId        the atomic check or control that failed
     * @param acknowledgedAt when someone triaged it
     * @param resolvedAt     when a scan first saw it fixed
     */
    public record PastFailure(String checkId, SecuritySeverity severity, Instant detectedAt,
                              Optional<Instant> acknowledgedAt, Optional<Instant> resolvedAt) {
        public PastFailure {
            Objects.requireNonNull(checkId, "checkId");
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(detectedAt, "detectedAt");
            Objects.requireNonNull(acknowledgedAt, "acknowledgedAt");
            Objects.requireNonNull(resolvedAt, "resolvedAt");
        }
    }

    /**
     * One change to the tenant's header configuration, from the audit log.
     *
     * @param author   who made it; empty when the audit log does not say (an untracked change)
     * @param approver who approved it, when the change went through approval
     */
    public record ConfigChange(Instant at, Optional<String> author, Optional<String> approver) {
        public ConfigChange {
            Objects.requireNonNull(at, "at");
            author = author.filter(a -> !a.isBlank());
            approver = approver.filter(a -> !a.isBlank());
        }
    }
}
