package org.secheaders.domain.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CookiesCheckTest {
    private static final String HSTS = "max-age=31536000";
    private final CookiesCheck check = new CookiesCheck(new StrictTransportSecurityCheck());

    private TestOutcome grade(String... setCookieLines) {
        List<HeaderField> lines = Stream.of(setCookieLines).map(line -> new HeaderField("Set-Cookie", line)).toList();
        return check.evaluate(ResponseEvidence.ofHeaders(ResponseHeaders.fromFieldLines(lines)).withHostname("mozilla.org"));
    }

    private TestOutcome gradeWithHsts(String setCookieLine) {
        return check.evaluate(ResponseEvidence.ofHeaders(
                ResponseHeaders.of("Set-Cookie", setCookieLine, "Strict-Transport-Security", HSTS)));
    }

    @Test
    void noCookiesPasses() {
        assertEquals(ObservatoryResult.COOKIES_NOT_FOUND, grade().result());
        assertEquals(ObservatoryResult.COOKIES_NOT_FOUND, grade("heroku-session-affinity=x; Path=/", "garbage").result());
    }

    @Test
    void secureHttpOnlySessionsWithSameSiteEarnTheBonus() {
        TestOutcome outcome = grade("SESSIONID=a; Secure; HttpOnly; SameSite=Lax", "prefs=b; Secure; SameSite=Strict");
        assertEquals(ObservatoryResult.COOKIES_SECURE_WITH_HTTPONLY_SESSIONS_AND_SAMESITE, outcome.result());
        assertEquals(5, outcome.scoreModifier());
        assertEquals(List.of("secure", "httponly", "samesite=lax"), outcome.data().get("SESSIONID"));
        assertEquals(ObservatoryResult.COOKIES_SECURE_WITH_HTTPONLY_SESSIONS,
                grade("SESSIONID=a; Secure; HttpOnly; SameSite=Lax", "prefs=b; Secure").result());
    }

    @Test
    void theMostSevereFindingWins() {
        assertEquals(ObservatoryResult.COOKIES_SESSION_WITHOUT_SECURE_FLAG, grade("SESSIONID=a").result());
        assertEquals(ObservatoryResult.COOKIES_SESSION_WITHOUT_HTTPONLY_FLAG, grade("login=a; Secure").result());
        assertEquals(ObservatoryResult.COOKIES_ANTICSRF_WITHOUT_SAMESITE_FLAG, grade("csrftoken=a; Secure").result());
        assertEquals(ObservatoryResult.COOKIES_WITHOUT_SECURE_FLAG, grade("prefs=a; SameSite=Lax").result());
        assertEquals(ObservatoryResult.COOKIES_SAMESITE_FLAG_INVALID, grade("prefs=a; SameSite=None").result());
    }

    @Test
    void anUnknownSameSiteValueIsInvalidAndLeavesTheCookieWithoutSameSite() {
        TestOutcome outcome = grade("SESSIONID=a; Secure; HttpOnly; SameSite=True");
        assertEquals(ObservatoryResult.COOKIES_SAMESITE_FLAG_INVALID, outcome.result());
        assertFalse(outcome.pass());
        assertEquals(ObservatoryResult.COOKIES_SAMESITE_FLAG_INVALID, grade("prefs=a; Secure; SameSite=").result());
    }

    @Test
    void hstsSoftensAMissingSecureFlag() {
        assertEquals(ObservatoryResult.COOKIES_WITHOUT_SECURE_FLAG_BUT_PROTECTED_BY_HSTS,
                gradeWithHsts("prefs=a; SameSite=Lax").result());
        assertEquals(ObservatoryResult.COOKIES_SESSION_WITHOUT_SECURE_FLAG_BUT_PROTECTED_BY_HSTS,
                gradeWithHsts("SESSIONID=a; HttpOnly; SameSite=Lax").result());
    }

    @Test
    void aLaterCookieWithTheSameNameDomainAndPathReplacesTheEarlier() {
        assertTrue(grade("SESSIONID=a", "SESSIONID=b; Secure; HttpOnly; SameSite=Lax").pass());
        assertEquals(ObservatoryResult.COOKIES_SESSION_WITHOUT_SECURE_FLAG,
                grade("SESSIONID=a", "SESSIONID=b; Secure; HttpOnly; SameSite=Lax; Path=/app").result());
        assertTrue(grade("SESSIONID=a", "SESSIONID=b; Secure; HttpOnly; SameSite=Lax; Domain=.Mozilla.org").pass(),
                "a host-only cookie and one for the host's own domain share a key");
    }

    @Test
    void theJarDropsCookiesForOtherDomainsAndThoseBreakingTheirPrefix() {
        assertEquals(ObservatoryResult.COOKIES_NOT_FOUND, grade("SESSIONID=a; Domain=example.com").result());
        assertEquals(ObservatoryResult.COOKIES_NOT_FOUND, grade("__Secure-id=a; HttpOnly").result());
        assertEquals(ObservatoryResult.COOKIES_NOT_FOUND, grade("__Host-id=a; Secure; Domain=mozilla.org").result());
        assertTrue(grade("__Host-id=a; Secure; Path=/; SameSite=Strict").pass());
    }
}
