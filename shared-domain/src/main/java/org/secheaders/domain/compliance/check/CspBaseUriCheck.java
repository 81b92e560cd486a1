package org.secheaders.domain.compliance.check;

import java.util.Optional;
import java.util.Set;

import org.secheaders.domain.csp.CspDirective;
import org.secheaders.domain.csp.CspKeyword;
import org.secheaders.domain.csp.CspPolicy;
import org.secheaders.domain.csp.SourceExpression;

/**
 * {@code csp.base_uri}: an injected {@code <base>} cannot redirect the page's relative URLs.
 * {@code base-uri} has no fallback to {@code default-src}, so it must be set explicitly.
 */
final class CspBaseUriCheck implements AtomicCheck {
    static final String ID = "csp.base_uri";
    private static final Set<SourceExpression> NONE_OR_SELF = Set.of(
            new SourceExpression.Keyword(CspKeyword.NONE), new SourceExpression.Keyword(CspKeyword.SELF));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String expected() {
        return "base-uri 'none' or 'self'";
    }

    @Override
    public String fix() {
        return "Add base-uri 'none' (or 'self' if the page uses <base>) to the CSP.";
    }

    @Override
    public AtomicResult evaluate(EvaluationContext context) {
        CspEvidence csp = context.csp();
        Finding finding = Finding.of(this, csp.observed(), csp.lines());
        if (!csp.hasEnforced()) {
            return finding.fail("no_policy", "No enforced CSP, so <base> is not restricted.");
        }
        boolean hostsOnly = false;
        boolean present = false;
        for (CspPolicy policy : csp.enforced()) {
            Optional<CspDirective> baseUri = policy.directive("base-uri");
            if (baseUri.isEmpty()) {
                continue;
            }
            present = true;
            if (NONE_OR_SELF.containsAll(baseUri.get().sources())) {
                return finding.pass("base_uri_none_or_self", "base-uri limits <base> to 'none' or 'self'.");
            }
            hostsOnly |= CspSources.restrictive(baseUri);
        }
        if (hostsOnly) {
            return finding.warn("base_uri_allows_hosts",
                    "base-uri allows other hosts; 'none' or 'self' is enough for almost every page.");
        }
        return present
                ? finding.fail("base_uri_wildcard", "base-uri allows any host or scheme.")
                : finding.fail("base_uri_missing", "No base-uri; it does not fall back to default-src.");
    }
}
