package org.secheaders.domain.compliance.remediation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.secheaders.domain.compliance.check.CspEvidence;
import org.secheaders.domain.csp.CspPolicy;

/**
 * A whole policy where no CSP header is sent. Candidates in order: the report-only trial made
 * enforcing (the tenant's own tested policy); a nonce-based strict policy when strict CSP is
 * required; the OSHP baseline (or our equivalent when the reference is not loaded).
 */
final class CspBaselineRemedy implements Remedy {
    /** The page's scripts get this nonce from the header-enforcement filter, a fresh one per response. */
    static final String NONCE = "'nonce-REPLACED-PER-RESPONSE'";
    static final String REPORT_GROUP = "csp-endpoint";
    private static final String BUILT_IN = "default-src 'self'; object-src 'none'; base-uri 'self'; "
            + "frame-ancestors 'none'; form-action 'self'; upgrade-insecure-requests";
    private static final String STRICT = "default-src 'self'; script-src " + NONCE + " 'strict-dynamic'; "
            + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
    private static final Set<String> CHECKS = Set.of("csp.present", "csp.no_unsafe_inline", "csp.no_unsafe_eval",
            "csp.object_src_none", "csp.base_uri", "csp.frame_ancestors", "csp.strict", "csp.no_broad_sources",
            "csp.form_action", "csp.reporting", "framing.xfo_or_frame_ancestors");

    @Override
    public Set<String> addresses() {
        return CHECKS;
    }

    @Override
    public List<Proposal> propose(RemedyInput input) {
        if (!input.csp().headerPolicies().isEmpty() || !input.anyFailing(CHECKS)) {
            return List.of();
        }
        List<Candidate> candidates = new ArrayList<>();
        if (!input.csp().reportOnly().isEmpty()) {
            String trial = input.csp().reportOnly().stream().map(CspPolicy::serialize).collect(Collectors.joining(", "));
            candidates.add(withReporting(input, trial,
                    "Enforce the report-only trial: it is the policy already tested against the site."));
        }
        if (input.failing("csp.strict")) {
            candidates.add(withReporting(input, STRICT, "A strict policy: scripts run only with the per-response nonce "
                    + "(the header-enforcement filter replaces REPLACED-PER-RESPONSE and tags the page's scripts)."));
        }
        candidates.add(withReporting(input, input.recommended(CspEvidence.HEADER, BUILT_IN),
                "The OWASP Secure Headers Project's baseline policy: same-origin resources, no plugins, no framing."));
        return List.of(new Proposal(CspEvidence.HEADER, CHECKS, candidates));
    }

    /** Adds report-to and its Reporting-Endpoints group when the tenant has a collector and reporting fails. */
    private static Candidate withReporting(RemedyInput input, String policy, String rationale) {
        if (!input.failing("csp.reporting") || input.options().tenant().reportingEndpoint().isEmpty()) {
            return Candidate.of(new HeaderPatch.SetHeader(CspEvidence.HEADER, policy), rationale);
        }
        return new Candidate(List.of(new HeaderPatch.SetHeader(CspEvidence.HEADER, policy + "; report-to " + REPORT_GROUP),
                ReportingRemedy.endpoints(input)), rationale + " Violations are reported to the tenant's collector.");
    }
}
