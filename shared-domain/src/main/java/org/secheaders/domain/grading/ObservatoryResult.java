package org.secheaders.domain.grading;

import static org.secheaders.domain.grading.ObservatoryTestName.CONTENT_SECURITY_POLICY;
import static org.secheaders.domain.grading.ObservatoryTestName.COOKIES;
import static org.secheaders.domain.grading.ObservatoryTestName.CROSS_ORIGIN_EMBEDDER_POLICY;
import static org.secheaders.domain.grading.ObservatoryTestName.CROSS_ORIGIN_OPENER_POLICY;
import static org.secheaders.domain.grading.ObservatoryTestName.CROSS_ORIGIN_RESOURCE_POLICY;
import static org.secheaders.domain.grading.ObservatoryTestName.CROSS_ORIGIN_RESOURCE_SHARING;
import static org.secheaders.domain.grading.ObservatoryTestName.REDIRECTION;
import static org.secheaders.domain.grading.ObservatoryTestName.REFERRER_POLICY;
import static org.secheaders.domain.grading.ObservatoryTestName.STRICT_TRANSPORT_SECURITY;
import static org.secheaders.domain.grading.ObservatoryTestName.SUBRESOURCE_INTEGRITY;
import static org.secheaders.domain.grading.ObservatoryTestName.X_CONTENT_TYPE_OPTIONS;
import static org.secheaders.domain.grading.ObservatoryTestName.X_FRAME_OPTIONS;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every result code of the Observatory (algorithm version 6) with its score modifier and whether
 * the test passes with it. Whether a test passes depends on its result code alone, so it lives
 * here rather than in each test. Descriptions and recommendations are this project's wording.
 *
 * <p>The set is complete so that any Observatory result can be read with {@link #fromCode}; this
 * grader never gives {@code hsts-preloaded}, {@code redirection-all-redirects-preloaded} (no
 * preload list), {@code html-not-parseable} or the SRI codes that need the page's scripts.
 */
public enum ObservatoryResult {
    // Content Security Policy
    CSP_IMPLEMENTED_WITH_NO_UNSAFE_DEFAULT_SRC_NONE("csp-implemented-with-no-unsafe-default-src-none",
            CONTENT_SECURITY_POLICY, 10, Verdict.PASS,
            "CSP implemented with default-src 'none' and nothing unsafe.", "None."),
    CSP_IMPLEMENTED_WITH_NO_UNSAFE("csp-implemented-with-no-unsafe",
            CONTENT_SECURITY_POLICY, 5, Verdict.PASS,
            "CSP implemented without 'unsafe-inline', 'unsafe-eval' or overly broad sources.",
            "Consider default-src 'none' and allowing each resource type explicitly."),
    CSP_IMPLEMENTED_WITH_UNSAFE_INLINE_IN_STYLE_SRC_ONLY("csp-implemented-with-unsafe-inline-in-style-src-only",
            CONTENT_SECURITY_POLICY, 0, Verdict.PASS,
            "CSP implemented, but style-src allows 'unsafe-inline', data: or overly broad sources.",
            "Move inline styles to files, or allow them with nonces or hashes."),
    CSP_IMPLEMENTED_BUT_DUPLICATE_DIRECTIVES("csp-implemented-but-duplicate-directives",
            CONTENT_SECURITY_POLICY, 0, Verdict.PASS,
            "CSP implemented, but report-uri or report-to appears more than once; browsers use the first.",
            "Keep a single report-uri and a single report-to directive."),
    CSP_IMPLEMENTED_WITH_INSECURE_SCHEME_IN_PASSIVE_CONTENT_ONLY(
            "csp-implemented-with-insecure-scheme-in-passive-content-only",
            CONTENT_SECURITY_POLICY, -10, Verdict.PASS,
            "CSP allows images or media over http: or ftp:.",
            "Load images and media over https: only."),
    CSP_IMPLEMENTED_WITH_UNSAFE_EVAL("csp-implemented-with-unsafe-eval",
            CONTENT_SECURITY_POLICY, -10, Verdict.FAIL,
            "CSP allows 'unsafe-eval' in script-src or style-src.",
            "Remove 'unsafe-eval'; replace eval() and new Function() with safer code."),
    CSP_IMPLEMENTED_WITH_UNSAFE_INLINE("csp-implemented-with-unsafe-inline",
            CONTENT_SECURITY_POLICY, -20, Verdict.FAIL,
            "CSP allows inline script or overly broad sources in script-src or object-src "
                    + "(including by falling back to default-src or to no restriction).",
            "Remove 'unsafe-inline', data: and wildcard or scheme-only sources from script-src and "
                    + "object-src; use nonces or hashes with 'strict-dynamic'."),
    CSP_IMPLEMENTED_WITH_INSECURE_SCHEME("csp-implemented-with-insecure-scheme",
            CONTENT_SECURITY_POLICY, -20, Verdict.FAIL,
            "CSP allows active content over http: or ftp:.",
            "Load every script, style, frame and connection over https:."),
    CSP_HEADER_INVALID("csp-header-invalid",
            CONTENT_SECURITY_POLICY, -25, Verdict.FAIL,
            "CSP cannot be parsed: empty, too short, a repeated directive, or 'strict-dynamic' "
                    + "without a nonce or hash.",
            "Send one well-formed policy; give 'strict-dynamic' a nonce or hash to trust."),
    CSP_NOT_IMPLEMENTED("csp-not-implemented",
            CONTENT_SECURITY_POLICY, -25, Verdict.FAIL,
            "No Content-Security-Policy header or meta policy.",
            "Add a Content-Security-Policy, starting from default-src 'none'."),
    CSP_NOT_IMPLEMENTED_BUT_REPORTING_ENABLED("csp-not-implemented-but-reporting-enabled",
            CONTENT_SECURITY_POLICY, -25, Verdict.FAIL,
            "Only Content-Security-Policy-Report-Only is set: violations are reported, not blocked.",
            "Promote the report-only policy to an enforced Content-Security-Policy."),

    // Cookies
    COOKIES_SECURE_WITH_HTTPONLY_SESSIONS_AND_SAMESITE("cookies-secure-with-httponly-sessions-and-samesite",
            COOKIES, 5, Verdict.PASS,
            "All cookies are Secure and set SameSite; session cookies are HttpOnly.", "None."),
    COOKIES_SECURE_WITH_HTTPONLY_SESSIONS("cookies-secure-with-httponly-sessions",
            COOKIES, 0, Verdict.PASS,
            "All cookies are Secure; session cookies are HttpOnly.",
            "Set SameSite on every cookie."),
    COOKIES_NOT_FOUND("cookies-not-found",
            COOKIES, 0, Verdict.PASS,
            "No cookies are set.", "None."),
    COOKIES_WITHOUT_SECURE_FLAG_BUT_PROTECTED_BY_HSTS("cookies-without-secure-flag-but-protected-by-hsts",
            COOKIES, -5, Verdict.FAIL,
            "Cookies without Secure, though HSTS keeps them on HTTPS.",
            "Set Secure on every cookie."),
    COOKIES_SESSION_WITHOUT_SECURE_FLAG_BUT_PROTECTED_BY_HSTS(
            "cookies-session-without-secure-flag-but-protected-by-hsts",
            COOKIES, -10, Verdict.FAIL,
            "Session cookies without Secure, though HSTS keeps them on HTTPS.",
            "Set Secure on every session cookie."),
    COOKIES_WITHOUT_SECURE_FLAG("cookies-without-secure-flag",
            COOKIES, -20, Verdict.FAIL,
            "Cookies without Secure can leak over plain HTTP.",
            "Set Secure on every cookie."),
    COOKIES_SAMESITE_FLAG_INVALID("cookies-samesite-flag-invalid",
            COOKIES, -20, Verdict.FAIL,
            "A SameSite attribute is not Strict, Lax or None, or SameSite=None is set without Secure.",
            "Use SameSite=Strict or Lax; SameSite=None only together with Secure."),
    COOKIES_ANTICSRF_WITHOUT_SAMESITE_FLAG("cookies-anticsrf-without-samesite-flag",
            COOKIES, -20, Verdict.FAIL,
            "An anti-CSRF cookie has no SameSite attribute.",
            "Set SameSite=Strict or Lax on anti-CSRF cookies."),
    COOKIES_SESSION_WITHOUT_HTTPONLY_FLAG("cookies-session-without-httponly-flag",
            COOKIES, -30, Verdict.FAIL,
            "Session cookies without HttpOnly are readable by scripts.",
            "Set HttpOnly on every session cookie."),
    COOKIES_SESSION_WITHOUT_SECURE_FLAG("cookies-session-without-secure-flag",
            COOKIES, -40, Verdict.FAIL,
            "Session cookies without Secure can leak over plain HTTP.",
            "Set Secure on every session cookie."),

    // Cross-Origin-Embedder-Policy
    COEP_IMPLEMENTED_WITH_REQUIRE_CORP("coep-implemented-with-require-corp",
            CROSS_ORIGIN_EMBEDDER_POLICY, 10, Verdict.PASS,
            "Cross-Origin-Embedder-Policy is require-corp.", "None."),
    COEP_IMPLEMENTED_WITH_CREDENTIALLESS("coep-implemented-with-credentialless",
            CROSS_ORIGIN_EMBEDDER_POLICY, 10, Verdict.PASS,
            "Cross-Origin-Embedder-Policy is credentialless.", "None."),
    COEP_IMPLEMENTED_WITH_UNSAFE_NONE("coep-implemented-with-unsafe-none",
            CROSS_ORIGIN_EMBEDDER_POLICY, 0, Verdict.PASS,
            "Cross-Origin-Embedder-Policy is unsafe-none, the default.",
            "Use require-corp or credentialless."),
    COEP_NOT_IMPLEMENTED("coep-not-implemented",
            CROSS_ORIGIN_EMBEDDER_POLICY, 0, Verdict.PASS,
            "No Cross-Origin-Embedder-Policy header.",
            "Use require-corp or credentialless."),
    COEP_HEADER_INVALID("coep-header-invalid",
            CROSS_ORIGIN_EMBEDDER_POLICY, -5, Verdict.FAIL,
            "Cross-Origin-Embedder-Policy is not one lower-case token (parameters allowed).",
            "Send one header: require-corp, credentialless or unsafe-none."),

    // Cross-Origin-Opener-Policy
    COOP_IMPLEMENTED_WITH_SAME_ORIGIN("coop-implemented-with-same-origin",
            CROSS_ORIGIN_OPENER_POLICY, 10, Verdict.PASS,
            "Cross-Origin-Opener-Policy is same-origin.", "None."),
    COOP_IMPLEMENTED_WITH_SAME_ORIGIN_ALLOW_POPUPS("coop-implemented-with-same-origin-allow-popups",
            CROSS_ORIGIN_OPENER_POLICY, 10, Verdict.PASS,
            "Cross-Origin-Opener-Policy is same-origin-allow-popups.", "None."),
    COOP_IMPLEMENTED_WITH_NOOPENER_ALLOW_POPUPS("coop-implemented-with-noopener-allow-popups",
            CROSS_ORIGIN_OPENER_POLICY, 10, Verdict.PASS,
            "Cross-Origin-Opener-Policy is noopener-allow-popups.", "None."),
    COOP_IMPLEMENTED_WITH_UNSAFE_NONE("coop-implemented-with-unsafe-none",
            CROSS_ORIGIN_OPENER_POLICY, 0, Verdict.PASS,
            "Cross-Origin-Opener-Policy is unsafe-none, the default.",
            "Use same-origin, same-origin-allow-popups or noopener-allow-popups."),
    COOP_NOT_IMPLEMENTED("coop-not-implemented",
            CROSS_ORIGIN_OPENER_POLICY, 0, Verdict.PASS,
            "No Cross-Origin-Opener-Policy header.",
            "Use same-origin, same-origin-allow-popups or noopener-allow-popups."),
    COOP_HEADER_INVALID("coop-header-invalid",
            CROSS_ORIGIN_OPENER_POLICY, -5, Verdict.FAIL,
            "Cross-Origin-Opener-Policy is not one lower-case token (parameters allowed).",
            "Send one header: same-origin, same-origin-allow-popups, noopener-allow-popups or unsafe-none."),

    // Cross-Origin Resource Sharing
    CROSS_ORIGIN_RESOURCE_SHARING_NOT_IMPLEMENTED("cross-origin-resource-sharing-not-implemented",
            CROSS_ORIGIN_RESOURCE_SHARING, 0, Verdict.PASS,
            "Content is not visible to other origins.", "None."),
    CROSS_ORIGIN_RESOURCE_SHARING_IMPLEMENTED_WITH_PUBLIC_ACCESS(
            "cross-origin-resource-sharing-implemented-with-public-access",
            CROSS_ORIGIN_RESOURCE_SHARING, 0, Verdict.PASS,
            "Access-Control-Allow-Origin: * makes public content readable by any origin, without credentials.",
            "Make sure nothing private is served with Access-Control-Allow-Origin: *."),
    CROSS_ORIGIN_RESOURCE_SHARING_IMPLEMENTED_WITH_RESTRICTED_ACCESS(
            "cross-origin-resource-sharing-implemented-with-restricted-access",
            CROSS_ORIGIN_RESOURCE_SHARING, 0, Verdict.PASS,
            "Content is readable by a restricted set of origins.", "None."),
    CROSS_ORIGIN_RESOURCE_SHARING_IMPLEMENTED_WITH_UNIVERSAL_ACCESS(
            "cross-origin-resource-sharing-implemented-with-universal-access",
            CROSS_ORIGIN_RESOURCE_SHARING, -50, Verdict.FAIL,
            "Any origin is echoed back with credentials allowed: every site can read private content.",
            "Allow credentials only for a fixed list of trusted origins."),

    // Redirection
    REDIRECTION_ALL_REDIRECTS_PRELOADED("redirection-all-redirects-preloaded",
            REDIRECTION, 0, Verdict.PASS,
            "Every host on the redirect route is on the HSTS preload list.", "None."),
    REDIRECTION_TO_HTTPS("redirection-to-https",
            REDIRECTION, 0, Verdict.PASS,
            "http:// redirects to https:// on the same host first.", "None."),
    REDIRECTION_NOT_NEEDED_NO_HTTP("redirection-not-needed-no-http",
            REDIRECTION, 0, Verdict.PASS,
            "The site is not served over plain HTTP.", "None."),
    REDIRECTION_OFF_HOST_FROM_HTTP("redirection-off-host-from-http",
            REDIRECTION, -5, Verdict.FAIL,
            "http:// redirects straight to another host, so HSTS is never set for this one.",
            "Redirect to https:// on the same host first, then elsewhere."),
    REDIRECTION_NOT_TO_HTTPS_ON_INITIAL_REDIRECTION("redirection-not-to-https-on-initial-redirection",
            REDIRECTION, -10, Verdict.FAIL,
            "The first redirect from http:// goes to another http:// URL.",
            "Make the first redirect go to https:// on the same host."),
    REDIRECTION_NOT_TO_HTTPS("redirection-not-to-https",
            REDIRECTION, -20, Verdict.FAIL,
            "http:// redirects, but not to https://.",
            "Redirect http:// to https:// on the same host."),
    REDIRECTION_MISSING("redirection-missing",
            REDIRECTION, -20, Verdict.FAIL,
            "http:// does not redirect.",
            "Redirect http:// to https:// on the same host."),
    REDIRECTION_INVALID_CERT("redirection-invalid-cert",
            REDIRECTION, -20, Verdict.FAIL,
            "A certificate on the redirect route did not verify.",
            "Install a certificate that chains to a trusted root."),

    // Referrer-Policy
    REFERRER_POLICY_PRIVATE("referrer-policy-private",
            REFERRER_POLICY, 5, Verdict.PASS,
            "Referrer-Policy is no-referrer, same-origin, strict-origin or strict-origin-when-cross-origin.",
            "None."),
    REFERRER_POLICY_NOT_IMPLEMENTED("referrer-policy-not-implemented",
            REFERRER_POLICY, 0, Verdict.PASS,
            "No Referrer-Policy; browsers default to strict-origin-when-cross-origin.",
            "Set strict-origin-when-cross-origin or stricter."),
    REFERRER_POLICY_UNSAFE("referrer-policy-unsafe",
            REFERRER_POLICY, -5, Verdict.FAIL,
            "Referrer-Policy is origin, origin-when-cross-origin, unsafe-url or no-referrer-when-downgrade.",
            "Set strict-origin-when-cross-origin or stricter."),
    REFERRER_POLICY_HEADER_INVALID("referrer-policy-header-invalid",
            REFERRER_POLICY, -5, Verdict.FAIL,
            "Referrer-Policy has no recognised value.",
            "Set strict-origin-when-cross-origin or stricter."),

    // Strict-Transport-Security
    HSTS_PRELOADED("hsts-preloaded",
            STRICT_TRANSPORT_SECURITY, 5, Verdict.PASS,
            "The host is on the HSTS preload list.", "None."),
    HSTS_IMPLEMENTED_MAX_AGE_AT_LEAST_SIX_MONTHS("hsts-implemented-max-age-at-least-six-months",
            STRICT_TRANSPORT_SECURITY, 0, Verdict.PASS,
            "Strict-Transport-Security max-age is at least 15552000 seconds (180 days).",
            "Consider preloading: max-age of at least 31536000, includeSubDomains and preload."),
    HSTS_IMPLEMENTED_MAX_AGE_LESS_THAN_SIX_MONTHS("hsts-implemented-max-age-less-than-six-months",
            STRICT_TRANSPORT_SECURITY, -10, Verdict.FAIL,
            "Strict-Transport-Security max-age is under 15552000 seconds (180 days).",
            "Raise max-age to at least 15552000, ideally 31536000."),
    HSTS_NOT_IMPLEMENTED("hsts-not-implemented",
            STRICT_TRANSPORT_SECURITY, -20, Verdict.FAIL,
            "No Strict-Transport-Security header on the HTTPS response.",
            "Add Strict-Transport-Security, rolling out with a short max-age first."),
    HSTS_HEADER_INVALID("hsts-header-invalid",
            STRICT_TRANSPORT_SECURITY, -20, Verdict.FAIL,
            "Strict-Transport-Security has no max-age, or is sent more than once.",
            "Send one header with max-age=<seconds>."),
    HSTS_NOT_IMPLEMENTED_NO_HTTPS("hsts-not-implemented-no-https",
            STRICT_TRANSPORT_SECURITY, -20, Verdict.FAIL,
            "The site does not answer over HTTPS, so HSTS cannot be set.",
            "Serve the site over HTTPS."),
    HSTS_INVALID_CERT("hsts-invalid-cert",
            STRICT_TRANSPORT_SECURITY, -20, Verdict.FAIL,
            "The HTTPS certificate did not verify, so HSTS cannot work.",
            "Install a certificate that chains to a trusted root."),

    // Subresource Integrity
    SRI_IMPLEMENTED_AND_ALL_SCRIPTS_LOADED_SECURELY("sri-implemented-and-all-scripts-loaded-securely",
            SUBRESOURCE_INTEGRITY, 5, Verdict.PASS,
            "Scripts carry integrity hashes and load from this site over HTTPS.", "None."),
    SRI_IMPLEMENTED_AND_EXTERNAL_SCRIPTS_LOADED_SECURELY("sri-implemented-and-external-scripts-loaded-securely",
            SUBRESOURCE_INTEGRITY, 5, Verdict.PASS,
            "External scripts carry integrity hashes and load over HTTPS.", "None."),
    SRI_NOT_IMPLEMENTED_RESPONSE_NOT_HTML("sri-not-implemented-response-not-html",
            SUBRESOURCE_INTEGRITY, 0, Verdict.PASS,
            "The response is not HTML, so it loads no scripts.", "None."),
    SRI_NOT_IMPLEMENTED_BUT_NO_SCRIPTS_LOADED("sri-not-implemented-but-no-scripts-loaded",
            SUBRESOURCE_INTEGRITY, 0, Verdict.PASS,
            "The page loads no scripts.", "None."),
    SRI_NOT_IMPLEMENTED_BUT_ALL_SCRIPTS_LOADED_FROM_SECURE_ORIGIN(
            "sri-not-implemented-but-all-scripts-loaded-from-secure-origin",
            SUBRESOURCE_INTEGRITY, 0, Verdict.PASS,
            "Scripts load from this site only, without integrity hashes.",
            "Add integrity hashes for the bonus."),
    SRI_NOT_IMPLEMENTED_BUT_EXTERNAL_SCRIPTS_LOADED_SECURELY(
            "sri-not-implemented-but-external-scripts-loaded-securely",
            SUBRESOURCE_INTEGRITY, -5, Verdict.FAIL,
            "External scripts load over HTTPS without integrity hashes.",
            "Add integrity hashes to external scripts."),
    SRI_IMPLEMENTED_BUT_EXTERNAL_SCRIPTS_NOT_LOADED_SECURELY(
            "sri-implemented-but-external-scripts-not-loaded-securely",
            SUBRESOURCE_INTEGRITY, -20, Verdict.FAIL,
            "External scripts carry integrity hashes but load over HTTP or a protocol-relative URL.",
            "Load external scripts over https://."),
    SRI_NOT_IMPLEMENTED_AND_EXTERNAL_SCRIPTS_NOT_LOADED_SECURELY(
            "sri-not-implemented-and-external-scripts-not-loaded-securely",
            SUBRESOURCE_INTEGRITY, -50, Verdict.FAIL,
            "External scripts load over HTTP or a protocol-relative URL without integrity hashes.",
            "Load external scripts over https:// and add integrity hashes."),
    HTML_NOT_PARSEABLE("html-not-parseable",
            SUBRESOURCE_INTEGRITY, -20, Verdict.FAIL,
            "The response claims to be HTML but cannot be parsed.",
            "Serve well-formed HTML."),

    // X-Content-Type-Options
    X_CONTENT_TYPE_OPTIONS_NOSNIFF("x-content-type-options-nosniff",
            X_CONTENT_TYPE_OPTIONS, 0, Verdict.PASS,
            "X-Content-Type-Options is nosniff.", "None."),
    X_CONTENT_TYPE_OPTIONS_NOT_IMPLEMENTED("x-content-type-options-not-implemented",
            X_CONTENT_TYPE_OPTIONS, -5, Verdict.FAIL,
            "No X-Content-Type-Options header.", "Set X-Content-Type-Options: nosniff."),
    X_CONTENT_TYPE_OPTIONS_HEADER_INVALID("x-content-type-options-header-invalid",
            X_CONTENT_TYPE_OPTIONS, -5, Verdict.FAIL,
            "X-Content-Type-Options is not exactly nosniff (sent twice reads as \"nosniff, nosniff\").",
            "Send one X-Content-Type-Options: nosniff."),

    // X-Frame-Options
    X_FRAME_OPTIONS_IMPLEMENTED_VIA_CSP("x-frame-options-implemented-via-csp",
            X_FRAME_OPTIONS, 5, Verdict.PASS,
            "Framing is controlled by the CSP frame-ancestors directive.", "None."),
    X_FRAME_OPTIONS_SAMEORIGIN_OR_DENY("x-frame-options-sameorigin-or-deny",
            X_FRAME_OPTIONS, 5, Verdict.PASS,
            "X-Frame-Options is SAMEORIGIN or DENY.",
            "Consider CSP frame-ancestors, which supersedes X-Frame-Options."),
    X_FRAME_OPTIONS_ALLOW_FROM_ORIGIN("x-frame-options-allow-from-origin",
            X_FRAME_OPTIONS, 0, Verdict.PASS,
            "X-Frame-Options uses ALLOW-FROM, which current browsers ignore.",
            "Use CSP frame-ancestors instead."),
    X_FRAME_OPTIONS_NOT_IMPLEMENTED("x-frame-options-not-implemented",
            X_FRAME_OPTIONS, -20, Verdict.FAIL,
            "Neither X-Frame-Options nor CSP frame-ancestors is set.",
            "Add CSP frame-ancestors (or X-Frame-Options: DENY)."),
    X_FRAME_OPTIONS_HEADER_INVALID("x-frame-options-header-invalid",
            X_FRAME_OPTIONS, -20, Verdict.FAIL,
            "X-Frame-Options is not DENY, SAMEORIGIN or ALLOW-FROM (sent twice reads as two values).",
            "Add CSP frame-ancestors, or send one X-Frame-Options: DENY."),

    // Cross-Origin-Resource-Policy
    CORP_IMPLEMENTED_WITH_SAME_ORIGIN("corp-implemented-with-same-origin",
            CROSS_ORIGIN_RESOURCE_POLICY, 10, Verdict.PASS,
            "Cross-Origin-Resource-Policy is same-origin.", "None."),
    CORP_IMPLEMENTED_WITH_SAME_SITE("corp-implemented-with-same-site",
            CROSS_ORIGIN_RESOURCE_POLICY, 10, Verdict.PASS,
            "Cross-Origin-Resource-Policy is same-site.", "None."),
    CORP_IMPLEMENTED_WITH_CROSS_ORIGIN("corp-implemented-with-cross-origin",
            CROSS_ORIGIN_RESOURCE_POLICY, 0, Verdict.PASS,
            "Cross-Origin-Resource-Policy is cross-origin: any site may embed the resource.",
            "Use same-origin or same-site unless the resource is meant to be embedded anywhere."),
    CORP_NOT_IMPLEMENTED("corp-not-implemented",
            CROSS_ORIGIN_RESOURCE_POLICY, 0, Verdict.PASS,
            "No Cross-Origin-Resource-Policy; resources default to cross-origin.",
            "Set same-origin or same-site."),
    CORP_HEADER_INVALID("corp-header-invalid",
            CROSS_ORIGIN_RESOURCE_POLICY, -5, Verdict.FAIL,
            "Cross-Origin-Resource-Policy is not same-origin, same-site or cross-origin.",
            "Send one header: same-origin, same-site or cross-origin.");

    private enum Verdict { PASS, FAIL }

    private final String code;
    private final ObservatoryTestName test;
    private final int modifier;
    private final boolean pass;
    private final String description;
    private final String recommendation;

    ObservatoryResult(String code, ObservatoryTestName test, int modifier, Verdict verdict,
                      String description, String recommendation) {
        this.code = code;
        this.test = test;
        this.modifier = modifier;
        this.pass = verdict == Verdict.PASS;
        this.description = description;
        this.recommendation = recommendation;
    }

    /** The Observatory's result code, e.g. {@code csp-implemented-with-unsafe-inline}. */
    public String code() {
        return code;
    }

    public ObservatoryTestName test() {
        return test;
    }

    /** Points added to (or, when negative, taken from) the score of 100. */
    public int modifier() {
        return modifier;
    }

    public boolean pass() {
        return pass;
    }

    public String description() {
        return description;
    }

    public String recommendation() {
        return recommendation;
    }

    public static Optional<ObservatoryResult> fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}
