package org.secheaders.domain.compliance.remediation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.secheaders.domain.compliance.check.CspEvidence;

/**
 * Script rules of an existing CSP header: remove {@code 'unsafe-inline'}, {@code 'unsafe-eval'} and
 * sources that admit any site, and allow the page's scripts by per-response nonce with
 * {@code 'strict-dynamic'} instead. The repair candidate adds {@code base-uri 'self'}: once scripts
 * rely on a nonce, an injected {@code <base>} could redirect them, and the CSP validator flags that.
 */
final class ScriptSrcRemedy implements Remedy {
    private static final String SCRIPT_SRC = "script-src";
    private static final Set<String> CHECKS = Set.of("csp.no_unsafe_inline", "csp.no_unsafe_eval",
            "csp.no_broad_sources", "csp.strict");

    @Override
    public Set<String> addresses() {
        return CHECKS;
    }

    @Override
    public List<Proposal> propose(RemedyInput input) {
        if (input.csp().headerPolicies().isEmpty() || !input.anyFailing(CHECKS)) {
            return List.of();
        }
        List<String> remove = new ArrayList<>();
        List<String> add = new ArrayList<>();
        if (input.failing("csp.no_unsafe_inline")) {
            remove.add("'unsafe-inline'");
        }
        if (input.failing("csp.no_unsafe_eval")) {
            remove.add("'unsafe-eval'");
        }
        if (input.failing("csp.no_broad_sources")) {
            remove.addAll(List.of("*", "http:", "https:", "data:"));
        }
        if (input.failing("csp.no_unsafe_inline") || input.failing("csp.no_broad_sources") || input.failing("csp.strict")) {
            add.addAll(List.of(CspBaselineRemedy.NONCE, "'strict-dynamic'"));
        }
        DirectiveEdit script = new DirectiveEdit.Amend(SCRIPT_SRC, add, remove);
        String rationale = "Scripts run only when they carry the per-response nonce (the header-enforcement filter "
                + "replaces REPLACED-PER-RESPONSE); scripts they load are trusted through 'strict-dynamic'.";
        List<Candidate> candidates = List.of(
                Candidate.of(new HeaderPatch.EditCsp(List.of(script)), rationale),
                Candidate.of(new HeaderPatch.EditCsp(List.of(script, new DirectiveEdit.Replace("base-uri", List.of("'self'")))),
                        rationale + " base-uri 'self' is added because nonce-based scripts need it."));
        return List.of(new Proposal(CspEvidence.HEADER + " script-src", CHECKS, candidates));
    }
}
