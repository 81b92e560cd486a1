package org.secheaders.domain.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SetCookieTest {

    @Test
    void readsFlagsCaseInsensitivelyAndKeepsTheLastValueOfAnAttribute() {
        SetCookie cookie = SetCookie.parse(" id = 1 ; SECURE; httponly; SameSite=strict; SameSite=LAX; "
                + "Domain=.Example.COM; Path=/a; Path=relative").orElseThrow();
        assertEquals(new SetCookie("id", true, true, Optional.of("lax"), Optional.of("example.com"), Optional.empty()),
                cookie);
    }

    @Test
    void anUnknownSameSiteUnsetsIt() {
        assertEquals(Optional.empty(), SetCookie.parse("id=1; SameSite=Lax; SameSite=True").orElseThrow().sameSite());
    }

    @Test
    void aNewlineEndsTheNameValuePair() {
        assertEquals("id", SetCookie.parse("id=1\n\u0001=ignored").orElseThrow().name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "novalue", "=value", "a\u0001=b", "a=b\u0002"})
    void linesWithoutANameOrWithControlCharactersAreDropped(String line) {
        assertTrue(SetCookie.parse(line).isEmpty());
    }
}
