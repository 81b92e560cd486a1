package org.secheaders.domain.compliance.check;

import java.util.Optional;

import org.secheaders.domain.csp.CspDirective;
import org.secheaders.domain.csp.CspPolicy;

/**
 * {@code csp.object_src_none}: plugins are off ({@code object-src 'none'}, directly or through
 * {@code default-src}), as ASVS 5.0 3.4.3 requires.
 */
final class CspObjectSrcNoneCheck implements AtomicCheck {
    static final String ID = "csp.object_src_none";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String expected() {
        return "object-src 'none' (or default-src 'none' without object-src)";
    }

    @Override
    public String fix() {
        return "Add object-src 'none' to the CSP.";
    }

    @Override
    public AtomicResult evaluate(EvaluationContext context) {
        CspEvidence csp = context.csp();
        Finding finding = Finding.of(this, csp.observed(), csp.lines());
        if (!csp.hasEnforced()) {
            return finding.fail("no_policy", "No enforced CSP, so plugins may load from anywhere.");
        }
        boolean restricted = false;
        for (CspPolicy policy : csp.enforced()) {
            Optional<CspDirective> objectSrc = CspEvidence.governing(policy, "object-src");
            if (objectSrc.filter(CspSources::allowsNothing).isPresent()) {
                return finding.pass("object_src_none", "Plugins (<object>, <embed>) are blocked.");
            }
            restricted |= objectSrc.isPresent();
        }
        return restricted
                ? finding.fail("object_src_not_none", "object-src allows some plugin sources; it should be 'none'.")
                : finding.fail("object_src_missing", "Neither object-src nor default-src restricts plugins.");
    }
}
