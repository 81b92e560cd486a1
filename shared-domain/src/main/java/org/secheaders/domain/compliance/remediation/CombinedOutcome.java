package org.secheaders.domain.compliance.remediation;

import java.util.List;

/**
 * Every suggestion applied together, in the plan's order, and evaluated once more.
 *
 * @param headers the resulting header lines, cookie values redacted
 */
public record CombinedOutcome(List<String> headers, List<ScoreChange> scores, int observatoryBefore,
                              int observatoryAfter) {
    public CombinedOutcome {
        headers = List.copyOf(headers);
        scores = List.copyOf(scores);
    }
}
