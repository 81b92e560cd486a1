package org.secheaders.domain.compliance.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.secheaders.domain.compliance.check.Checks.assertNotEvaluated;
import static org.secheaders.domain.compliance.check.Checks.assertOutcome;
import static org.secheaders.domain.model.CheckResult.PASS;
import static org.secheaders.domain.model.CheckResult.WARNING;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.secheaders.domain.compliance.EvaluationOptions;
import org.secheaders.domain.compliance.EvidenceBundle;
import org.secheaders.domain.compliance.TenantExpectations;
import org.secheaders.domain.grading.ResponseEvidence;
import org.secheaders.domain.grading.ResponseHeaders;

/** Third parties the CSP lets a page load from, against the tenant's own hosts and declared processors. */
class CspThirdPartyOriginsCheckTest {
    private static final String CSP = "Content-Security-Policy";
    private static final String POLICY = "default-src 'self'; font-src https://fonts.gstatic.com; script-src 'self' https://cdn.shop.example";

    @Test
    void undeclaredThirdPartiesWarn() {
        AtomicResult result = run(POLICY, TenantExpectations.none());
        assertOutcome(WARNING, "undeclared_third_parties", result);
        assertEquals("Undeclared third-party hosts: fonts.gstatic.com. Declare them as processors or self-host the resources.",
                result.message());
    }

    @Test
    void declaredProcessorsAndFirstPartyHostsPass() {
        assertOutcome(PASS, "declared_only", run(POLICY, TenantExpectations.none().withHosts(Set.of(), Set.of("*.gstatic.com"))));
        AtomicResult noHostname = Checks.run(CspThirdPartyOriginsCheck.ID,
                EvidenceBundle.supplied(ResponseHeaders.of(CSP, POLICY)), EvaluationOptions.defaults().withTenant(
                        TenantExpectations.none().withHosts(Set.of("*.shop.example"), Set.of("fonts.gstatic.com"))));
        assertOutcome(PASS, "declared_only", noHostname);
    }

    @Test
    void wildcardsAndMissingDefaultSrcAllowAnyOrigin() {
        assertOutcome(WARNING, "any_origin", run("default-src 'self'; img-src *", TenantExpectations.none()));
        assertOutcome(WARNING, "any_origin", run("default-src 'self'; connect-src https:", TenantExpectations.none()));
        assertOutcome(WARNING, "any_origin", run("script-src 'self'", TenantExpectations.none()));
    }

    @Test
    void aHostCountsOnlyWhenEveryPolicyAllowsIt() {
        assertOutcome(PASS, "declared_only", Checks.run(CspThirdPartyOriginsCheck.ID, EvidenceBundle.supplied(ResponseHeaders.of(
                CSP, "default-src 'self' https://tracker.example", CSP, "default-src 'self'"))));
    }

    @Test
    void withoutACspTheHostsCannotBeEnumerated() {
        assertNotEvaluated(Checks.run(CspThirdPartyOriginsCheck.ID, EvidenceBundle.supplied(ResponseHeaders.empty())));
    }

    private static AtomicResult run(String policy, TenantExpectations tenant) {
        ResponseEvidence evidence = ResponseEvidence.ofHeaders(ResponseHeaders.of(CSP, policy)).withHostname("shop.example");
        return Checks.run(CspThirdPartyOriginsCheck.ID, EvidenceBundle.observed(evidence),
                EvaluationOptions.defaults().withTenant(tenant));
    }
}
