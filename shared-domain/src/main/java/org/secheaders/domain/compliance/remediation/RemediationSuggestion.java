package org.secheaders.domain.compliance.remediation;

import java.util.List;
import java.util.Objects;

/**
 * A validated change: applied to the evidence and evaluated again, it fixed or improved the
 * listed controls, lowered no control, atomic check or Observatory score, and added no HIGH or
 * syntax finding to the CSP.
 *
 * @param target            the header or cookie it changes
 * @param patches           what to apply, in order
 * @param changes           header values before and after
 * @param addresses         the failing atomic checks it was proposed for
 * @param checksImproved    atomic checks whose result got better
 * @param controlsFixed     controls that now pass
 * @param controlsImproved  controls that got better without passing yet (fail → warning)
 * @param impact            severity-weighted gain of this change alone: each control counts its weight
 *                          (low 1 … critical 8) per step up (fail → warning → pass), as in the framework score
 * @param controlsCompleted controls that pass with the whole plan but not without this change: what it
 *                          contributes when a control needs several changes together
 * @param jointImpact       the severity-weighted gain lost if this change is left out of the plan
 * @param observatoryBefore Observatory score before
 * @param observatoryAfter  Observatory score after re-grading the patched headers
 * @param scores            every framework's score before and after
 * @param rationale         why this change, in a sentence
 * @param repairs           earlier candidates for the same target that validation rejected, with why
 */
public record RemediationSuggestion(
        String target,
        List<HeaderPatch> patches,
        List<ValueChange> changes,
        List<String> addresses,
        List<String> checksImproved,
        List<String> controlsFixed,
        List<String> controlsImproved,
        int impact,
        List<String> controlsCompleted,
        int jointImpact,
        int observatoryBefore,
        int observatoryAfter,
        List<ScoreChange> scores,
        String rationale,
        List<String> repairs) {

    public RemediationSuggestion {
        Objects.requireNonNull(target, "target");
        patches = List.copyOf(patches);
        changes = List.copyOf(changes);
        addresses = List.copyOf(addresses);
        checksImproved = List.copyOf(checksImproved);
        controlsFixed = List.copyOf(controlsFixed);
        controlsImproved = List.copyOf(controlsImproved);
        controlsCompleted = List.copyOf(controlsCompleted);
        scores = List.copyOf(scores);
        Objects.requireNonNull(rationale, "rationale");
        repairs = List.copyOf(repairs);
    }

    /** This change with what leaving it out of the plan would cost. */
    RemediationSuggestion withJointEffect(List<String> completed, int joint) {
        return new RemediationSuggestion(target, patches, changes, addresses, checksImproved, controlsFixed,
                controlsImproved, impact, completed, joint, observatoryBefore, observatoryAfter, scores, rationale, repairs);
    }

    /** The ordering key: the change's own gain plus what the plan loses without it. */
    public int priority() {
        return impact + jointImpact;
    }

    public int observatoryDelta() {
        return observatoryAfter - observatoryBefore;
    }
}
