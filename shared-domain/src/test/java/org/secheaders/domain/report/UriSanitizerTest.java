package org.secheaders.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class UriSanitizerTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "https://shop.example.com/checkout?session=s3cr3t#pay | https://shop.example.com/checkout",
        "HTTPS://User:Pass@Shop.Example.COM:443/A/B?x        | https://shop.example.com/A/B",
        "http://example.com:80/                              | http://example.com/",
        "http://example.com:8080                             | http://example.com:8080",
        "https://cdn.thirdparty.example                      | https://cdn.thirdparty.example",
        "wss://socket.example.com/feed?token=t               | wss://socket.example.com/feed",
        "https://example.com./x                              | https://example.com/x",
        "https://[::1]:8443/x                                | https://[::1]:8443/x",
        "https://127.0.0.1:8443/page?x=1                     | https://127.0.0.1:8443/page",
        "https://a.example#frag?not-query                    | https://a.example",
        "chrome-extension://abcdefghijklmnop/inject.js       | chrome-extension:",
        "blob:https://app.example.com/4b1f-uuid              | blob:",
        "data:text/html;base64,PHNjcmlwdD4=                  | data:",
        "file:///Users/alice/secret.html                     | file:",
        "about:blank                                         | about:blank",
        "about:srcdoc                                        | about:srcdoc",
        "about:Weird?x                                       | about:",
        "view-source:https://a.example/                      | view-source:",
    })
    void keepsOnlyWhatIsSafeAndUseful(String raw, String expected) {
        assertEquals(expected, UriSanitizer.sanitize(raw).value());
    }

    @Test
    void webUrlsKeepHostAndPathSeparately() {
        SanitizedUri.Web web = assertInstanceOf(SanitizedUri.Web.class,
                UriSanitizer.sanitize("https://CDN.example.com:8443/js/app.js?v=1"));

        assertEquals("https", web.scheme());
        assertEquals("cdn.example.com", web.hostName());
        assertEquals(8443, web.effectivePort());
        assertEquals("/js/app.js", web.path());
        assertEquals(443, ((SanitizedUri.Web) UriSanitizer.sanitize("https://a.example/")).effectivePort());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "not a url?with=query      | not a url",
        "https://exa mple.com/x    | https://exa mple.com/x",
        "https:///no-host          | https:///no-host",
        "https://host:99999/x      | https://host:99999/x",
        "//cdn.example.com/x.js?q  | //cdn.example.com/x.js",
    })
    void keepsNonUrlsOpaqueButStillWithoutQueryOrFragment(String raw, String expected) {
        SanitizedUri uri = UriSanitizer.sanitize(raw);

        assertInstanceOf(SanitizedUri.Opaque.class, uri);
        assertEquals(expected, uri.value());
        assertEquals(Optional.empty(), uri.host());
    }

    @Test
    void capsLengthsAndDropsControlCharacters() {
        SanitizedUri longUrl = UriSanitizer.sanitize("https://a.example/" + "p".repeat(10_000));
        assertTrue(longUrl.value().length() <= UriSanitizer.MAX_URI_CHARS);

        SanitizedUri opaque = UriSanitizer.sanitize("x".repeat(1000));
        assertEquals(UriSanitizer.MAX_OPAQUE_CHARS, opaque.value().length());

        String cleaned = UriSanitizer.sanitize("https://a.example/\u0000x\u202e\ny").value();
        assertEquals("https://a.example/x y", cleaned);
    }

    @Test
    void recognizesBareSchemes() {
        assertTrue(UriSanitizer.isBareScheme("data"));
        assertTrue(UriSanitizer.isBareScheme("data:"));
        assertTrue(UriSanitizer.isBareScheme("moz-extension"));
        assertFalse(UriSanitizer.isBareScheme("data:text/html"));
        assertFalse(UriSanitizer.isBareScheme(":"));
        assertFalse(UriSanitizer.isBareScheme(""));
        assertFalse(UriSanitizer.isBareScheme("1abc"));
    }
}
