package org.secheaders.domain.compliance.check;

import java.util.Optional;

import org.secheaders.domain.csp.CspDirective;
import org.secheaders.domain.csp.CspPolicy;

/** {@code csp.frame_ancestors}: a header CSP says who may frame the page (it is ignored in {@code <meta>}). */
final class CspFrameAncestorsCheck implements AtomicCheck {
    static final String ID = "csp.frame_ancestors";
    static final String WILDCARD = "frame_ancestors_wildcard";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String expected() {
        return "frame-ancestors 'none', 'self' or named origins in a CSP header";
    }

    @Override
    public String fix() {
        return "Add frame-ancestors 'none' (or 'self') to the CSP header.";
    }

    @Override
    public AtomicResult evaluate(EvaluationContext context) {
        CspEvidence csp = context.csp();
        Finding finding = Finding.of(this, csp.observed(), csp.lines());
        boolean present = false;
        for (CspPolicy policy : csp.headerPolicies()) {
            Optional<CspDirective> ancestors = policy.directive("frame-ancestors");
            if (CspSources.restrictive(ancestors)) {
                return finding.pass("frame_ancestors", "frame-ancestors limits who may frame the page.");
            }
            present |= ancestors.isPresent();
        }
        return present
                ? finding.fail(WILDCARD, "frame-ancestors allows any site to frame the page.")
                : finding.fail("frame_ancestors_missing",
                        "No frame-ancestors in a CSP header; it does not fall back to default-src.");
    }
}
