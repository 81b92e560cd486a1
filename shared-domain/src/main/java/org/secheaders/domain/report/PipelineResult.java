package org.secheaders.domain.report;

import java.util.List;
import java.util.Map;

/**
 * What one request produced.
 *
 * @param violations           to store, one per newly opened dedupe window
 * @param duplicateTallies     counts for windows that closed meanwhile (possibly other requests' windows)
 * @param suppressedDuplicates reports of this request counted into windows opened earlier
 * @param noiseCounts          noise reports of this request by noise rule id (stored or not)
 * @param otherReportCounts    non-CSP reports by type; unrecognized types count as {@code other}
 * @param errors               the body's rejection, or the batch items skipped
 */
public record PipelineResult(
        List<ProcessedViolation> violations,
        List<DuplicateTally> duplicateTallies,
        int suppressedDuplicates,
        Map<String, Integer> noiseCounts,
        Map<String, Integer> otherReportCounts,
        List<ReportError> errors) {

    public PipelineResult {
        violations = List.copyOf(violations);
        duplicateTallies = List.copyOf(duplicateTallies);
        noiseCounts = Map.copyOf(noiseCounts);
        otherReportCounts = Map.copyOf(otherReportCounts);
        errors = List.copyOf(errors);
    }

    /** True when the body was rejected as a whole (answer 400); a batch with some bad items is not. */
    public boolean rejected() {
        return errors.size() == 1 && errors.get(0).item().isEmpty();
    }
}
