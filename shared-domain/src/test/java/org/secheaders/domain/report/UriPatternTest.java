package org.secheaders.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UriPatternTest {

    private static boolean matches(String pattern, String uri) {
        return UriPattern.parse(pattern).matches(UriSanitizer.sanitize(uri));
    }

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource(delimiter = '|', value = {
        "chrome-extension:        | chrome-extension://abc/x.js       | true",
        "chrome-extension:        | https://chrome-extension.com/     | false",
        "https:                   | https://a.example/                | true",
        "*.example.com            | https://example.com/              | true",
        "*.example.com            | https://a.b.example.com/x         | true",
        "*.example.com            | https://badexample.com/           | false",
        "example.com              | https://example.com/x             | true",
        "example.com              | https://www.example.com/          | false",
        "EXAMPLE.com              | https://Example.COM/              | true",
        "https://cdn.example.com  | http://cdn.example.com/           | false",
        "https://cdn.example.com  | https://cdn.example.com/          | true",
        "cdn.example.com:8443     | https://cdn.example.com:8443/     | true",
        "cdn.example.com:8443     | https://cdn.example.com/          | false",
        "cdn.example.com:443      | https://cdn.example.com/          | true",
        "cdn.example.com:*        | https://cdn.example.com:1/        | true",
        "cdn.example.com/widgets/ | https://cdn.example.com/widgets/a | true",
        "cdn.example.com/widgets/ | https://cdn.example.com/other     | false",
        "*                        | https://anything.example/         | true",
        "*                        | data:                             | false",
        "[::1]                    | http://[::1]:3000/                | true",
        "10.0.0.1                 | http://10.0.0.1:15871/            | true",
    })
    void matchesWithSentrySemantics(String pattern, String uri, boolean expected) {
        assertEquals(expected, matches(pattern, uri));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "''                       | it is empty",
        "a b.com                  | whitespace",
        "example.com/?x           | '?' and '#'",
        "example.com#x            | '?' and '#'",
        "a.*.example.com          | only allowed as the whole host",
        "*example.com             | only allowed as the whole host",
        "example.com:0            | port '0'",
        "example.com:70000        | port '70000'",
        "example.com:http         | port 'http'",
        "1x://example.com         | not a valid scheme",
        "exa_mple..com            | invalid label ''",
        "-bad.example.com         | invalid label '-bad'",
        "https://                 | host is missing",
    })
    void rejectsInvalidPatternsNamingTheProblem(String pattern, String reason) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> UriPattern.parse(pattern));

        assertTrue(error.getMessage().contains(reason), error.getMessage());
        assertTrue(error.getMessage().startsWith("invalid pattern '"), error.getMessage());
    }

    @Test
    void setReportsEveryInvalidPatternWithItsPosition() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> UriPatternSet.of(List.of("ok.example.com", "bad pattern", "x?y")));

        assertTrue(error.getMessage().contains("[1] invalid pattern 'bad pattern'"), error.getMessage());
        assertTrue(error.getMessage().contains("[2] invalid pattern 'x?y'"), error.getMessage());
    }

    @Test
    void setPrefersTheMostSpecificMatch() {
        UriPatternSet set = UriPatternSet.of(List.of("*", "*.example.com", "*.cdn.example.com", "a.cdn.example.com",
                "https:"));
        SanitizedUri http = UriSanitizer.sanitize("http://a.cdn.example.com/x");

        assertEquals("a.cdn.example.com", set.match(http).orElseThrow().text());
        assertEquals("*.cdn.example.com", set.match(UriSanitizer.sanitize("http://b.cdn.example.com/")).orElseThrow().text());
        assertEquals("*.example.com", set.match(UriSanitizer.sanitize("http://example.com/")).orElseThrow().text());
        assertEquals("*", set.match(UriSanitizer.sanitize("http://other.org/")).orElseThrow().text());
        assertEquals("https:", set.match(UriSanitizer.sanitize("https://a.cdn.example.com/")).orElseThrow().text());
        assertEquals(Optional.empty(), set.match(UriSanitizer.sanitize("data:")));
    }

    @Test
    void setChecksPortAndPathOfIndexedPatterns() {
        UriPatternSet set = UriPatternSet.of(List.of("cdn.example.com/a/", "*.example.com:8443"));

        assertTrue(set.match(UriSanitizer.sanitize("https://cdn.example.com/a/x")).isPresent());
        assertFalse(set.match(UriSanitizer.sanitize("https://cdn.example.com/b/x")).isPresent());
        assertTrue(set.match(UriSanitizer.sanitize("https://x.example.com:8443/")).isPresent());
        assertFalse(set.match(UriSanitizer.sanitize("https://x.example.com/")).isPresent());
    }

    @Test
    void setKeepsDuplicatesOnce() {
        assertEquals(1, UriPatternSet.of(List.of("a.example", "A.example ")).patterns().size());
        assertTrue(UriPatternSet.of(List.of()).isEmpty());
    }
}
