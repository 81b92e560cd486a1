package org.secheaders.domain.compliance.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.secheaders.domain.compliance.TenantExpectations;
import org.secheaders.domain.grading.ResponseHeaders;

/** Cookie flags and prefixes, one attribute at a time; cookie values never reach a result. */
class CookieChecksTest {
    private static final String SET_COOKIE = "Set-Cookie";

    @Test
    void secureOnEveryCookie() {
        assertOutcome(PASS, "all_secure", headers(CookieSecureCheck.ID, SET_COOKIE, "a=1; secure"));
        AtomicResult insecure = headers(CookieSecureCheck.ID, SET_COOKIE, "a=1; Secure", SET_COOKIE, "prefs=dark");
        assertOutcome(FAIL, "missing_secure", insecure);
        assertEquals("Without Secure: prefs.", insecure.message());
        assertOutcome(NOT_APPLICABLE, "no_cookies", headers(CookieSecureCheck.ID));
        assertOutcome(NOT_APPLICABLE, "no_cookies", headers(CookieSecureCheck.ID, SET_COOKIE, "=novalue; Secure"));
    }

    @Test
    void httpOnlyOnSessionCookies() {
        assertOutcome(FAIL, "missing_httponly", headers(CookieHttpOnlyCheck.ID, SET_COOKIE, "JSESSIONID=1; Secure"));
        assertOutcome(PASS, "all_httponly", headers(CookieHttpOnlyCheck.ID, SET_COOKIE, "auth_token=1; HttpOnly",
                SET_COOKIE, "theme=dark"));
        assertOutcome(NOT_APPLICABLE, "no_session_cookies", headers(CookieHttpOnlyCheck.ID, SET_COOKIE, "theme=dark"));
        EvaluationOptions declared = EvaluationOptions.defaults().withTenant(
                TenantExpectations.none().withSessionCookieNames(Set.of("id")));
        assertOutcome(FAIL, "missing_httponly", Checks.run(CookieHttpOnlyCheck.ID,
                EvidenceBundle.supplied(ResponseHeaders.of(SET_COOKIE, "id=1", SET_COOKIE, "session_hint=1; HttpOnly")), declared));
    }

    @Test
    void sameSiteBoundaries() {
        assertOutcome(PASS, "lax_or_strict", headers(CookieSameSiteCheck.ID, SET_COOKIE, "a=1; SameSite=lax",
                SET_COOKIE, "b=1; SameSite=Strict"));
        assertOutcome(WARNING, "cross_site_cookies", headers(CookieSameSiteCheck.ID, SET_COOKIE, "a=1; Secure; SameSite=None"));
        assertOutcome(WARNING, "cross_site_cookies", headers(CookieSameSiteCheck.ID, SET_COOKIE, "a=1; Secure"));
        assertOutcome(FAIL, "invalid_samesite", headers(CookieSameSiteCheck.ID, SET_COOKIE, "a=1; SameSite=None"));
        assertOutcome(FAIL, "invalid_samesite", headers(CookieSameSiteCheck.ID, SET_COOKIE, "a=1; Secure; SameSite=Sometimes"));
    }

    @Test
    void prefixesAndTheirRules() {
        assertOutcome(PASS, "prefixed", headers(CookiePrefixCheck.ID, SET_COOKIE, "__Host-s=1; Secure; Path=/",
                SET_COOKIE, "__Secure-t=1; Secure; Domain=example.com"));
        assertOutcome(WARNING, "unprefixed", headers(CookiePrefixCheck.ID, SET_COOKIE, "s=1; Secure"));
        assertOutcome(FAIL, "prefix_rules_broken", headers(CookiePrefixCheck.ID, SET_COOKIE, "__Host-s=1; Secure; Path=/; Domain=a.example"));
        assertOutcome(FAIL, "prefix_rules_broken", headers(CookiePrefixCheck.ID, SET_COOKIE, "__Host-s=1; Secure"));
        assertOutcome(FAIL, "prefix_rules_broken", headers(CookiePrefixCheck.ID, SET_COOKIE, "__Secure-s=1"));
    }

    @Test
    void valuesAreRedactedInEvidenceAndObservedValues() {
        AtomicResult result = headers(CookieSecureCheck.ID, SET_COOKIE, "sid=s3cr3t-v4lue; Path=/; HttpOnly");
        assertEquals("Set-Cookie: sid=<redacted>; Path=/; HttpOnly", result.evidence().get(0));
        assertFalse(result.observed().orElseThrow().contains("s3cr3t"));
        assertFalse(result.message().contains("s3cr3t"));
    }
}
