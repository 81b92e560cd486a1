package org.secheaders.domain.compliance.remediation;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.secheaders.domain.compliance.check.CspEvidence;

/**
 * Sets one directive of an existing CSP header to a fixed value ({@code object-src 'none'},
 * {@code base-uri 'self'}, {@code form-action 'self'}, {@code frame-ancestors 'none'}); these
 * directives restrict and never widen, so setting them is always safe for the policy.
 */
final class DirectiveRemedy implements Remedy {
    private final Set<String> checks;
    private final String directive;
    private final Function<RemedyInput, List<String>> tokens;
    private final String rationale;

    DirectiveRemedy(Set<String> checks, String directive, Function<RemedyInput, List<String>> tokens, String rationale) {
        this.checks = Set.copyOf(checks);
        this.directive = directive;
        this.tokens = tokens;
        this.rationale = rationale;
    }

    static DirectiveRemedy fixed(String check, String directive, String token, String rationale) {
        return new DirectiveRemedy(Set.of(check), directive, input -> List.of(token), rationale);
    }

    /** {@code frame-ancestors}: keep what X-Frame-Options: SAMEORIGIN allowed, else nobody. */
    static DirectiveRemedy frameAncestors() {
        return new DirectiveRemedy(Set.of("csp.frame_ancestors", "framing.xfo_or_frame_ancestors"), "frame-ancestors",
                input -> input.headers().first("X-Frame-Options").filter(v -> v.trim().equalsIgnoreCase("sameorigin"))
                        .map(v -> List.of("'self'")).orElse(List.of("'none'")),
                "frame-ancestors stops other sites from framing the page (clickjacking); it supersedes X-Frame-Options.");
    }

    @Override
    public Set<String> addresses() {
        return checks;
    }

    @Override
    public List<Proposal> propose(RemedyInput input) {
        if (input.csp().headerPolicies().isEmpty() || !input.anyFailing(checks)) {
            return List.of();
        }
        DirectiveEdit edit = new DirectiveEdit.Replace(directive, tokens.apply(input));
        return List.of(new Proposal(CspEvidence.HEADER + " " + directive, checks,
                List.of(Candidate.of(new HeaderPatch.EditCsp(List.of(edit)), rationale))));
    }
}
