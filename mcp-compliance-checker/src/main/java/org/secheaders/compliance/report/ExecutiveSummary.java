package org.secheaders.compliance.report;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Optional;

/**
 * What a reader needs first about one tenant.
 *
 * @param frameworks   status, score and control counts per framework
 * @param topFailures  at most {@value ReportAssembler#TOP_FAILURES} high or critical root causes, each with its fix
 * @param drift        configured vs observed, when the evidence had both
 * @param trend        against the previous report of the same scope, when there is one
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ExecutiveSummary(
        List<FrameworkLine> frameworks,
        List<FailureLine> topFailures,
        Drift drift,
        Optional<ReportTrend> trend) {

    public ExecutiveSummary {
        frameworks = List.copyOf(frameworks);
        topFailures = List.copyOf(topFailures);
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record FrameworkLine(String framework, String status, int score, Counts counts, String statusReason) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Counts(int passed, int warnings, int failed, int notApplicable, int notEvaluated) {
    }

    /**
     * A root cause failing high-severity controls.
     *
     * @param fix the check's one-line fix
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record FailureLine(String check, String severity, List<String> controls, String message, String fix) {
        public FailureLine {
            controls = List.copyOf(controls);
        }
    }

    /**
     * @param available whether configured and observed headers were both known
     * @param status    {@code none}, {@code drift}, {@code critical} or {@code not_available}
     * @param note      one sentence for readers
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Drift(boolean available, String status, String note, List<DriftLine> differences) {
        public Drift {
            differences = List.copyOf(differences);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record DriftLine(String header, String kind, Optional<String> configured, Optional<String> observed,
                            boolean critical) {
    }
}
