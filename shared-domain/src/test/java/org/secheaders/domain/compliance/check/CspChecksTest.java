package org.secheaders.domain.compliance.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.secheaders.domain.compliance.check.Checks.assertOutcome;
import static org.secheaders.domain.compliance.check.Checks.headers;
import static org.secheaders.domain.model.CheckResult.FAIL;
import static org.secheaders.domain.model.CheckResult.PASS;
import static org.secheaders.domain.model.CheckResult.WARNING;

import org.junit.jupiter.api.Test;
import org.secheaders.domain.compliance.EvidenceBundle;
import org.secheaders.domain.grading.ResponseEvidence;
import org.secheaders.domain.grading.ResponseHeaders;

/** The CSP checks, each at the boundary between passing and not. */
class CspChecksTest {
    private static final String CSP = "Content-Security-Policy";
    private static final String RO = "Content-Security-Policy-Report-Only";

    @Test
    void presentMeansEnforced() {
        assertOutcome(PASS, "enforced", headers(CspPresentCheck.ID, CSP, "default-src 'self'"));
        assertOutcome(WARNING, "report_only", headers(CspPresentCheck.ID, RO, "default-src 'self'"));
        assertOutcome(FAIL, "unparsable", headers(CspPresentCheck.ID, CSP, " ; ;"));
        assertOutcome(FAIL, "absent", headers(CspPresentCheck.ID));
    }

    @Test
    void unsafeInlineFailsUnlessANonceOrHashNeutralisesIt() {
        assertOutcome(FAIL, "unsafe_inline", headers(CspNoUnsafeInlineCheck.ID, CSP, "script-src 'self' 'unsafe-inline'"));
        assertOutcome(FAIL, "unsafe_inline", headers(CspNoUnsafeInlineCheck.ID, CSP, "default-src 'unsafe-inline'"));
        assertOutcome(PASS, "unsafe_inline_ignored",
                headers(CspNoUnsafeInlineCheck.ID, CSP, "script-src 'nonce-abcdefgh12' 'unsafe-inline'"));
        assertOutcome(PASS, "unsafe_inline_ignored", headers(CspNoUnsafeInlineCheck.ID, CSP,
                "script-src 'sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' 'unsafe-inline'"));
        assertOutcome(PASS, "no_unsafe_inline", headers(CspNoUnsafeInlineCheck.ID, CSP, "script-src 'self'"));
        assertOutcome(FAIL, "scripts_unrestricted", headers(CspNoUnsafeInlineCheck.ID, CSP, "img-src 'self'"));
        assertOutcome(FAIL, "no_policy", headers(CspNoUnsafeInlineCheck.ID));
    }

    @Test
    void aSecondPolicyWithoutTheWeaknessBlocksIt() {
        assertOutcome(PASS, "no_unsafe_inline", headers(CspNoUnsafeInlineCheck.ID,
                CSP, "script-src 'unsafe-inline'", CSP, "script-src 'self'"));
        assertOutcome(PASS, "no_unsafe_eval", headers(CspNoUnsafeEvalCheck.ID,
                CSP, "script-src 'self' 'unsafe-eval'", CSP, "default-src 'self'"));
        assertOutcome(FAIL, "unsafe_eval", headers(CspNoUnsafeEvalCheck.ID, CSP, "default-src 'self' 'unsafe-eval'"));
    }

    @Test
    void objectSrcMustBeNoneDirectlyOrThroughDefaultSrc() {
        assertOutcome(PASS, "object_src_none", headers(CspObjectSrcNoneCheck.ID, CSP, "object-src 'none'"));
        assertOutcome(PASS, "object_src_none", headers(CspObjectSrcNoneCheck.ID, CSP, "default-src 'none'"));
        assertOutcome(FAIL, "object_src_not_none", headers(CspObjectSrcNoneCheck.ID, CSP, "default-src 'self'"));
        assertOutcome(FAIL, "object_src_missing", headers(CspObjectSrcNoneCheck.ID, CSP, "script-src 'self'"));
    }

    @Test
    void baseUriHasNoFallback() {
        assertOutcome(PASS, "base_uri_none_or_self", headers(CspBaseUriCheck.ID, CSP, "base-uri 'none'"));
        assertOutcome(PASS, "base_uri_none_or_self", headers(CspBaseUriCheck.ID, CSP, "base-uri 'self'"));
        assertOutcome(WARNING, "base_uri_allows_hosts", headers(CspBaseUriCheck.ID, CSP, "base-uri https://cdn.example"));
        assertOutcome(FAIL, "base_uri_wildcard", headers(CspBaseUriCheck.ID, CSP, "base-uri *"));
        assertOutcome(FAIL, "base_uri_missing", headers(CspBaseUriCheck.ID, CSP, "default-src 'none'"));
    }

    @Test
    void frameAncestorsCountsOnlyInHeaders() {
        assertOutcome(PASS, "frame_ancestors", headers(CspFrameAncestorsCheck.ID, CSP, "frame-ancestors 'none'"));
        assertOutcome(PASS, "frame_ancestors", headers(CspFrameAncestorsCheck.ID, CSP, "frame-ancestors https://partner.example"));
        assertOutcome(FAIL, CspFrameAncestorsCheck.WILDCARD, headers(CspFrameAncestorsCheck.ID, CSP, "frame-ancestors *"));
        assertOutcome(FAIL, CspFrameAncestorsCheck.WILDCARD, headers(CspFrameAncestorsCheck.ID, CSP, "frame-ancestors https:"));
        ResponseEvidence meta = ResponseEvidence.ofHeaders(ResponseHeaders.empty())
                .withHttpEquiv(ResponseHeaders.of(CSP, "frame-ancestors 'none'"));
        assertOutcome(FAIL, "frame_ancestors_missing", Checks.run(CspFrameAncestorsCheck.ID, EvidenceBundle.observed(meta)));
    }

    @Test
    void strictMeansNonceOrHash() {
        assertOutcome(PASS, "nonce_or_hash", headers(CspStrictCheck.ID, CSP, "script-src 'nonce-abcdefgh12' 'strict-dynamic'"));
        assertOutcome(FAIL, "strict_dynamic_without_nonce_or_hash", headers(CspStrictCheck.ID, CSP, "script-src 'strict-dynamic'"));
        assertOutcome(FAIL, "allowlist_only", headers(CspStrictCheck.ID, CSP, "script-src 'self' https://cdn.example"));
        assertOutcome(FAIL, "scripts_unrestricted", headers(CspStrictCheck.ID, CSP, "img-src 'self'"));
    }

    @Test
    void broadScriptSourcesFailAndBypassHostsWarn() {
        assertOutcome(FAIL, "broad_sources", headers(CspNoBroadSourcesCheck.ID, CSP, "script-src https:"));
        assertOutcome(FAIL, "broad_sources", headers(CspNoBroadSourcesCheck.ID, CSP, "default-src *"));
        assertOutcome(FAIL, "broad_sources", headers(CspNoBroadSourcesCheck.ID, CSP, "script-src 'self'; object-src data:"));
        assertOutcome(WARNING, "allowlist_bypass", headers(CspNoBroadSourcesCheck.ID, CSP, "script-src https://www.google.com"));
        assertOutcome(PASS, "no_broad_sources", headers(CspNoBroadSourcesCheck.ID, CSP, "script-src 'self' https://cdn.example"));
        // With a nonce and 'strict-dynamic', CSP3 browsers ignore https: (a fallback for old ones).
        assertOutcome(PASS, "no_broad_sources", headers(CspNoBroadSourcesCheck.ID, CSP,
                "script-src 'nonce-abcdefgh12' 'strict-dynamic' https:; object-src 'none'; base-uri 'none'"));
    }

    @Test
    void formActionHasNoFallback() {
        assertOutcome(PASS, "form_action", headers(CspFormActionCheck.ID, CSP, "form-action 'self'"));
        assertOutcome(FAIL, "form_action_wildcard", headers(CspFormActionCheck.ID, CSP, "form-action *"));
        assertOutcome(FAIL, "form_action_missing", headers(CspFormActionCheck.ID, CSP, "default-src 'self'"));
    }

    @Test
    void reportingNeedsADefinedGroup() {
        assertOutcome(PASS, "report_to", headers(CspReportingCheck.ID, CSP, "default-src 'self'; report-to csp",
                "Reporting-Endpoints", "csp=\"https://r.example/c\""));
        assertOutcome(PASS, "report_to", headers(CspReportingCheck.ID, RO, "default-src 'self'; report-to g",
                "Report-To", "{\"group\":\"g\",\"max_age\":1,\"endpoints\":[{\"url\":\"https://r.example\"}]}"));
        assertOutcome(WARNING, "report_to_group_undefined", headers(CspReportingCheck.ID, CSP, "default-src 'self'; report-to csp"));
        assertOutcome(WARNING, "report_uri_only", headers(CspReportingCheck.ID, CSP, "default-src 'self'; report-uri /csp"));
        assertOutcome(FAIL, "no_reporting", headers(CspReportingCheck.ID, CSP, "default-src 'self'"));
    }

    @Test
    void evidenceListsBothCspHeaders() {
        AtomicResult result = headers(CspPresentCheck.ID, CSP, "default-src 'self'", RO, "default-src 'none'");
        assertEquals(2, result.evidence().size());
        assertEquals("default-src 'self'", result.observed().orElseThrow());
    }
}
