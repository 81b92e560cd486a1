package org.secheaders.compliance.service;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code suggest_remediation} returns: validated changes most valuable first, each with the
 * policy rows that make it and what the policy engine said; what was rejected and why; what only
 * people can do; and the draft policy when one was saved.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RemediationResult(
        String tenant,
        long tenantId,
        List<String> frameworks,
        CheckReport.Target target,
        CheckReport.Asvs asvs,
        List<Score> before,
        Optional<String> observatoryGradeBefore,
        List<Suggestion> suggestions,
        List<Rejected> rejected,
        List<Manual> manual,
        Combined combined,
        Optional<Draft> draft) {

    public record Score(String framework, String status, int score) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ScoreChange(String framework, int before, int after) {
    }

    public record Change(String header, Optional<String> before, Optional<String> after) {
    }

    /**
     * @param policy      the rows that make the change (inheritance mode and {@code policy_config}); empty when
     *                    only the application can make it
     * @param application header changes the platform does not manage, for the application or server
     * @param validation  the policy engine's decisions on the rows (applied, tightened, ...)
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Suggestion(int rank, String target, List<Change> changes, List<PolicyRow> policy,
                             List<String> application, List<String> addresses, List<String> controlsFixed,
                             List<String> controlsImproved, List<String> controlsCompleted, int impact, int jointImpact,
                             int observatoryBefore, int observatoryAfter, List<ScoreChange> scores, String rationale,
                             List<String> validation) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record PolicyRow(String inheritanceMode, Map<String, Object> policyConfig,
                            Optional<List<String>> overrideDirectives) {
    }

    /** @param stage {@code evaluation} (the change lowered a result) or {@code policy_engine} (the engine refused or altered it) */
    public record Rejected(String target, String stage, List<String> addresses, List<String> reasons) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Manual(String checkId, String fix, List<String> controls, String reason) {
    }

    /**
     * Every accepted suggestion together.
     *
     * @param headers  the judged headers with every change applied, cookie values redacted
     * @param policy   the rows of the whole remediation, validated together
     * @param problems why the rows together are not valid (then no draft is saved)
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Combined(List<String> headers, List<ScoreChange> scores, int observatoryBefore, int observatoryAfter,
                           List<PolicyRow> policy, List<String> problems) {
    }

    /** @param policyIds the inactive draft rows saved; a tenant admin activates them to apply the remediation */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Draft(List<Long> policyIds, boolean active, String activation) {
    }
}
