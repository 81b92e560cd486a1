package org.secheaders.compliance.report;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Optional;

/** One framework's controls with the evidence behind each, in catalogue order. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FrameworkEvidence(String framework, String status, int score, List<ControlEvidence> controls) {

    public FrameworkEvidence {
        controls = List.copyOf(controls);
    }

    /**
     * @param result      {@code pass}, {@code warning}, {@code fail}, {@code not_applicable} or {@code not_evaluated}
     * @param reason      the rule that decided and the checks behind it
     * @param evidence    raw header lines, cookie values redacted
     * @param remediation present for failures and warnings
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ControlEvidence(String controlId, String name, String requirement, String result, String severity,
                                  String reason, List<CheckLine> checks, List<String> evidence,
                                  Optional<String> remediation, String citation) {
        public ControlEvidence {
            checks = List.copyOf(checks);
            evidence = List.copyOf(evidence);
        }
    }

    /** An atomic check as this control read it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CheckLine(String check, String result, Optional<String> observed, String expected, String rule) {
    }
}
