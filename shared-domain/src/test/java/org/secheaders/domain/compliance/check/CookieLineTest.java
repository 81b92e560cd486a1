package org.secheaders.domain.compliance.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CookieLineTest {

    @Test
    void lastAttributeWinsAndNamesKeepTheirCase() {
        CookieLine cookie = CookieLine.parse(" __Host-ID = v=1 ; SameSite=None; samesite=LAX ;secure").orElseThrow();
        assertEquals("__Host-ID", cookie.name());
        assertEquals(Optional.of("lax"), cookie.sameSite());
        assertTrue(cookie.secure());
    }

    @Test
    void addingAnAttributeKeepsTheValueAndReplacesTheOldOne() {
        CookieLine cookie = CookieLine.parse("sid=abc; SameSite=Bogus").orElseThrow()
                .with("SameSite", Optional.of("Lax")).with("Secure", Optional.empty());
        assertEquals("sid=abc; SameSite=Lax; Secure", cookie.serialize());
        assertEquals("sid=<redacted>; SameSite=Lax; Secure", cookie.redacted());
    }

    @Test
    void sessionCookiesAreDeclaredOrGuessed() {
        CookieLine cookie = CookieLine.parse("PHPSESSID=1").orElseThrow();
        assertTrue(cookie.isSession(Set.of()));
        assertTrue(!cookie.isSession(Set.of("auth")));
        assertTrue(CookieLine.parse("no-pair").isEmpty());
    }
}
