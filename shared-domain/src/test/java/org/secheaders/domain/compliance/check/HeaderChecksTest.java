package org.secheaders.domain.compliance.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.secheaders.domain.compliance.check.Checks.assertOutcome;
import static org.secheaders.domain.compliance.check.Checks.headers;
import static org.secheaders.domain.model.CheckResult.FAIL;
import static org.secheaders.domain.model.CheckResult.NOT_APPLICABLE;
import static org.secheaders.domain.model.CheckResult.PASS;
import static org.secheaders.domain.model.CheckResult.WARNING;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.secheaders.domain.compliance.EvaluationOptions;
import org.secheaders.domain.compliance.EvidenceBundle;
import org.secheaders.domain.compliance.ResponseProfile;
import org.secheaders.domain.compliance.TenantExpectations;
import org.secheaders.domain.grading.ResponseEvidence;
import org.secheaders.domain.grading.ResponseHeaders;

/** The single-header checks: framing, nosniff, referrer, permissions, isolation, content type, caching, logout. */
class HeaderChecksTest {

    @Test
    void framingPrefersFrameAncestorsOverXFrameOptions() {
        assertOutcome(PASS, "frame_ancestors", headers(FramingCheck.ID, "Content-Security-Policy", "frame-ancestors 'self'"));
        assertOutcome(WARNING, "x_frame_options_only", headers(FramingCheck.ID, "X-Frame-Options", "DENY"));
        assertOutcome(WARNING, "x_frame_options_only", headers(FramingCheck.ID, "X-Frame-Options", "sameorigin, SAMEORIGIN"));
        assertOutcome(FAIL, "x_frame_options_invalid", headers(FramingCheck.ID, "X-Frame-Options", "DENY, SAMEORIGIN"));
        assertOutcome(FAIL, "x_frame_options_allow_from", headers(FramingCheck.ID, "X-Frame-Options", "ALLOW-FROM https://a.example"));
        assertOutcome(FAIL, "no_framing_protection", headers(FramingCheck.ID));
        assertOutcome(FAIL, "frame_ancestors_allows_any", headers(FramingCheck.ID,
                "Content-Security-Policy", "frame-ancestors *", "X-Frame-Options", "DENY"));
    }

    @Test
    void nosniffFollowsTheFetchStandard() {
        assertOutcome(PASS, "nosniff", headers(NosniffCheck.ID, "X-Content-Type-Options", "NoSniff"));
        assertOutcome(PASS, "nosniff_repeated", headers(NosniffCheck.ID, "X-Content-Type-Options", "nosniff",
                "X-Content-Type-Options", "nosniff"));
        assertOutcome(FAIL, "not_nosniff", headers(NosniffCheck.ID, "X-Content-Type-Options", "sniff"));
        assertOutcome(FAIL, "absent", headers(NosniffCheck.ID));
    }

    @Test
    void referrerPolicyUsesTheLastRecognisedToken() {
        assertOutcome(PASS, "private", headers(ReferrerPolicyCheck.ID, "Referrer-Policy", "unsafe-url, strict-origin, bogus"));
        assertOutcome(FAIL, "full_url_leaks", headers(ReferrerPolicyCheck.ID, "Referrer-Policy", "no-referrer, unsafe-url"));
        assertOutcome(FAIL, "full_url_leaks", headers(ReferrerPolicyCheck.ID, "Referrer-Policy", "no-referrer-when-downgrade"));
        assertOutcome(WARNING, "origin_sent", headers(ReferrerPolicyCheck.ID, "Referrer-Policy", "origin-when-cross-origin"));
        assertOutcome(WARNING, "absent", headers(ReferrerPolicyCheck.ID));
        assertOutcome(WARNING, "unrecognised", headers(ReferrerPolicyCheck.ID, "Referrer-Policy", "bogus"));
        ResponseEvidence meta = ResponseEvidence.ofHeaders(ResponseHeaders.of("Referrer-Policy", "unsafe-url"))
                .withHttpEquiv(ResponseHeaders.of("Referrer-Policy", "no-referrer"));
        assertOutcome(PASS, "private", Checks.run(ReferrerPolicyCheck.ID, EvidenceBundle.observed(meta)));
    }

    @Test
    void permissionsPolicyPresence() {
        assertOutcome(PASS, "present", headers(PermissionsPolicyPresentCheck.ID, "Permissions-Policy", "camera=()"));
        assertOutcome(FAIL, "invalid", headers(PermissionsPolicyPresentCheck.ID, "Permissions-Policy", "camera 'none'"));
        assertOutcome(WARNING, "feature_policy_only", headers(PermissionsPolicyPresentCheck.ID, "Feature-Policy", "camera 'none'"));
        assertOutcome(FAIL, "absent", headers(PermissionsPolicyPresentCheck.ID));
    }

    @Test
    void privacySensitiveFeaturesMustBeOffUnlessDeclared() {
        String allOff = String.join(", ", PermissionsPolicyMembers.PRIVACY_SENSITIVE.stream().map(f -> f + "=()").toList());
        assertOutcome(PASS, "restrictive", headers(PermissionsPolicyRestrictiveCheck.ID, "Permissions-Policy", allOff));
        String cameraOpen = allOff.replace("camera=()", "camera=*");
        assertOutcome(FAIL, "undeclared_features_allowed", headers(PermissionsPolicyRestrictiveCheck.ID, "Permissions-Policy", cameraOpen));
        String cameraForPartner = allOff.replace("camera=()", "camera=(self \"https://video.example\")");
        assertOutcome(FAIL, "undeclared_features_allowed",
                headers(PermissionsPolicyRestrictiveCheck.ID, "Permissions-Policy", cameraForPartner));
        EvaluationOptions cameraDeclared = EvaluationOptions.defaults().withTenant(
                TenantExpectations.none().withDeclaredFeatures(Set.of("Camera")));
        assertOutcome(PASS, "restrictive", Checks.run(PermissionsPolicyRestrictiveCheck.ID,
                EvidenceBundle.supplied(ResponseHeaders.of("Permissions-Policy", cameraForPartner)), cameraDeclared));
        assertOutcome(WARNING, "features_not_named", headers(PermissionsPolicyRestrictiveCheck.ID, "Permissions-Policy", "camera=(self)"));
        assertOutcome(WARNING, "not_restricted", headers(PermissionsPolicyRestrictiveCheck.ID));
    }

    @Test
    void isolationHeadersAreCaseSensitiveSingleTokens() {
        assertOutcome(PASS, "isolating", headers(CoopCheck.ID, "Cross-Origin-Opener-Policy", "same-origin; report-to=\"c\""));
        assertOutcome(PASS, "isolating", headers(CoopCheck.ID, "Cross-Origin-Opener-Policy", "same-origin-allow-popups"));
        assertOutcome(FAIL, "not_isolating", headers(CoopCheck.ID, "Cross-Origin-Opener-Policy", "Same-Origin"));
        assertOutcome(FAIL, "not_isolating", headers(CoopCheck.ID, "Cross-Origin-Opener-Policy", "unsafe-none"));
        assertOutcome(FAIL, "not_isolating", headers(CoopCheck.ID, "Cross-Origin-Opener-Policy", "same-origin",
                "Cross-Origin-Opener-Policy", "same-origin"));
        assertOutcome(NOT_APPLICABLE, "not_a_document", headers(CoopCheck.ID, "Content-Type", "application/json"));
        assertOutcome(PASS, "requiring", headers(CoepCheck.ID, "Cross-Origin-Embedder-Policy", "credentialless"));
        assertOutcome(FAIL, "absent", headers(CoepCheck.ID, "Content-Type", "text/html; charset=utf-8"));
        assertOutcome(PASS, "restricting", headers(CorpCheck.ID, "Cross-Origin-Resource-Policy", "same-site"));
        assertOutcome(WARNING, "cross_origin", headers(CorpCheck.ID, "Cross-Origin-Resource-Policy", "cross-origin"));
        assertOutcome(FAIL, "invalid", headers(CorpCheck.ID, "Cross-Origin-Resource-Policy", "whimsy"));
    }

    @Test
    void contentTypeNeedsACharsetForTextAndIsJudgedOnLiveResponsesOnly() {
        assertOutcome(PASS, "charset", headers(ContentTypeCharsetCheck.ID, "Content-Type", "text/html; Charset=UTF-8"));
        assertOutcome(WARNING, "charset_missing", headers(ContentTypeCharsetCheck.ID, "Content-Type", "text/html"));
        assertOutcome(WARNING, "charset_missing", headers(ContentTypeCharsetCheck.ID, "Content-Type", "image/svg+xml"));
        assertOutcome(PASS, "typed", headers(ContentTypeCharsetCheck.ID, "Content-Type", "application/json"));
        assertOutcome(NOT_APPLICABLE, "not_live_evidence", headers(ContentTypeCharsetCheck.ID));
        assertOutcome(FAIL, "absent", Checks.run(ContentTypeCharsetCheck.ID,
                EvidenceBundle.observed(ResponseEvidence.ofHeaders(ResponseHeaders.empty()))));
    }

    @Test
    void cachingMattersOnSensitiveResponsesOnly() {
        assertOutcome(NOT_APPLICABLE, "not_sensitive", headers(CacheControlCheck.ID, "Cache-Control", "public, max-age=600"));
        assertOutcome(PASS, "no_store", sensitive(CacheControlCheck.ID, "Cache-Control", "private, NO-STORE"));
        assertOutcome(WARNING, "stored_but_revalidated", sensitive(CacheControlCheck.ID, "Cache-Control", "private, max-age=0"));
        assertOutcome(FAIL, "cacheable", sensitive(CacheControlCheck.ID, "Cache-Control", "private, max-age=600"));
        assertOutcome(FAIL, "cacheable", sensitive(CacheControlCheck.ID, "Cache-Control", "public, no-cache"));
        assertOutcome(FAIL, "absent", sensitive(CacheControlCheck.ID));
    }

    @Test
    void clearSiteDataMattersOnLogoutOnly() {
        assertOutcome(NOT_APPLICABLE, "not_logout", headers(ClearSiteDataCheck.ID));
        assertOutcome(PASS, "cleared", logout("Clear-Site-Data", "\"cache\", \"cookies\", \"storage\""));
        assertOutcome(PASS, "cleared", logout("Clear-Site-Data", "\"*\""));
        assertOutcome(WARNING, "partial", logout("Clear-Site-Data", "\"cache\""));
        assertOutcome(FAIL, "absent", logout());
    }

    @Test
    void deprecatedHeadersOnlyWarn() {
        assertOutcome(PASS, "none", headers(DeprecatedHeadersCheck.ID, "X-XSS-Protection", "0"));
        assertOutcome(WARNING, "deprecated_present", headers(DeprecatedHeadersCheck.ID, "X-XSS-Protection", "1; mode=block"));
        assertOutcome(WARNING, "deprecated_present", headers(DeprecatedHeadersCheck.ID, "Expect-CT", "max-age=0"));
        AtomicResult directive = headers(DeprecatedHeadersCheck.ID, "Content-Security-Policy", "default-src 'self'; block-all-mixed-content");
        assertOutcome(WARNING, "deprecated_present", directive);
        assertEquals("Deprecated: CSP directives block-all-mixed-content.", directive.message());
    }

    private static AtomicResult sensitive(String id, String... namesAndValues) {
        return Checks.run(id, EvidenceBundle.supplied(ResponseHeaders.of(namesAndValues))
                .withProfile(new ResponseProfile(true, false, false)));
    }

    private static AtomicResult logout(String... namesAndValues) {
        return Checks.run(ClearSiteDataCheck.ID, EvidenceBundle.supplied(ResponseHeaders.of(namesAndValues))
                .withProfile(new ResponseProfile(false, false, true)));
    }
}
