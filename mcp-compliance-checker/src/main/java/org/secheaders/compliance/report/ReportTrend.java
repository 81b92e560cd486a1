package org.secheaders.compliance.report;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * A tenant's results against the previous compliance report of the same scope (tenant or platform,
 * and target), for the frameworks both reports cover.
 *
 * @param changedControls controls whose result differs, in framework then id order
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReportTrend(long previousReportId, Instant previousGeneratedAt, List<ScoreChange> scores,
                          List<ControlChange> changedControls) {

    public ReportTrend {
        scores = List.copyOf(scores);
        changedControls = List.copyOf(changedControls);
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ScoreChange(String framework, int previous, int current, int change, String previousStatus,
                              String currentStatus) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ControlChange(String framework, String controlId, String before, String after, boolean regression) {
    }
}
