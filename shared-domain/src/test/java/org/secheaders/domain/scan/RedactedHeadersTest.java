package org.secheaders.domain.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.secheaders.domain.grading.HeaderField;
import org.secheaders.domain.grading.ResponseHeaders;

class RedactedHeadersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SID=abc123                                 | SID=[redacted]",
        "SID=abc123; Path=/; Secure; HttpOnly       | SID=[redacted]; Path=/; Secure; HttpOnly",
        "__Host-id=\"quoted\"; Secure; SameSite=Lax | __Host-id=[redacted]; Secure; SameSite=Lax",
        "token=a=b=c; Domain=example.com            | token=[redacted]; Domain=example.com",
        "gone=; Max-Age=0                           | gone=; Max-Age=0",
        "valueonly; Secure                          | [redacted]; Secure",
        "SID=[redacted]; Secure                     | SID=[redacted]; Secure",
    })
    void keepsTheCookieNameAndAttributesButNotTheValue(String setCookie, String shown) {
        assertEquals(shown, RedactedHeaders.redact(new HeaderField("Set-Cookie", setCookie)).value());
    }

    @Test
    void leavesOtherHeadersAlone() {
        HeaderField csp = new HeaderField("Content-Security-Policy", "default-src 'none'; report-uri /r?a=b");
        assertEquals(csp, RedactedHeaders.redact(csp));
    }

    @Test
    void redactsEveryCookieLineWhateverTheCaseOfItsName() {
        ResponseHeaders headers = new ResponseHeaders(List.of(new HeaderField("set-cookie", "a=1"),
                new HeaderField("SET-COOKIE", "b=2; Secure"), new HeaderField("Set-Cookie2", "c=3"),
                new HeaderField("X-Frame-Options", "DENY")));

        assertEquals(new ResponseHeaders(List.of(new HeaderField("set-cookie", "a=[redacted]"),
                new HeaderField("SET-COOKIE", "b=[redacted]; Secure"), new HeaderField("Set-Cookie2", "c=[redacted]"),
                new HeaderField("X-Frame-Options", "DENY"))), RedactedHeaders.redact(headers));
    }
}
