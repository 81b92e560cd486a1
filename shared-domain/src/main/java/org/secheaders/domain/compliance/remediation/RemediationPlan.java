package org.secheaders.domain.compliance.remediation;

import java.util.List;
import java.util.Objects;

import org.secheaders.domain.compliance.ComplianceEvaluation;
import org.secheaders.domain.compliance.EvidenceBundle;

/**
 * What to change, most valuable first.
 *
 * @param before      the evaluation the plan starts from
 * @param suggestions validated header changes, by priority (own impact plus joint impact), then Observatory gain, then target
 * @param manual      failing checks left to people, most important first
 * @param rejected    proposals that failed validation
 * @param combined    the outcome of applying every suggestion
 */
public record RemediationPlan(ComplianceEvaluation before, List<RemediationSuggestion> suggestions,
                              List<ManualAction> manual, List<RejectedSuggestion> rejected, CombinedOutcome combined) {
    public RemediationPlan {
        Objects.requireNonNull(before, "before");
        suggestions = List.copyOf(suggestions);
        manual = List.copyOf(manual);
        rejected = List.copyOf(rejected);
        Objects.requireNonNull(combined, "combined");
    }

    /** The bundle with every suggestion applied, in order. */
    public EvidenceBundle applyTo(EvidenceBundle bundle) {
        return applyAll(bundle, suggestions);
    }

    static EvidenceBundle applyAll(EvidenceBundle bundle, List<RemediationSuggestion> suggestions) {
        EvidenceBundle patched = bundle;
        for (RemediationSuggestion suggestion : suggestions) {
            for (HeaderPatch patch : suggestion.patches()) {
                patched = patched.mapHeaders(patch::apply);
            }
        }
        return patched;
    }
}
