package org.secheaders.domain.scan;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.secheaders.domain.grading.HeaderField;
import org.secheaders.domain.grading.ResponseHeaders;

/**
 * Redaction for header lines shown to users or stored in reports: a cookie's value can be a live
 * session token, so {@code Set-Cookie} keeps its name and attributes (what the cookie checks
 * judge) and loses its value. Redacting a redacted line changes nothing.
 */
public final class RedactedHeaders {
    public static final String REDACTED = "[redacted]";
    private static final Set<String> COOKIE_HEADERS = Set.of("set-cookie", "set-cookie2");

    private RedactedHeaders() {
    }

    public static List<HeaderField> redact(List<HeaderField> lines) {
        return lines.stream().map(RedactedHeaders::redact).toList();
    }

    public static ResponseHeaders redact(ResponseHeaders headers) {
        return new ResponseHeaders(redact(headers.fields()));
    }

    public static HeaderField redact(HeaderField line) {
        return COOKIE_HEADERS.contains(line.name().toLowerCase(Locale.ROOT))
                ? new HeaderField(line.name(), redactCookieValue(line.value()))
                : line;
    }

    /**
     * {@code SID=abc; Secure} becomes {@code SID=[redacted]; Secure}. An empty value stays empty,
     * since clearing a cookie is evidence too; a pair without {@code =} is all value (RFC 6265
     * §5.2), so all of it goes.
     */
    static String redactCookieValue(String setCookie) {
        int pairEnd = setCookie.indexOf(';');
        String pair = pairEnd < 0 ? setCookie : setCookie.substring(0, pairEnd);
        String attributes = pairEnd < 0 ? "" : setCookie.substring(pairEnd);
        int equals = pair.indexOf('=');
        if (equals < 0) {
            return (pair.isBlank() ? pair : REDACTED) + attributes;
        }
        String value = pair.substring(equals + 1);
        return pair.substring(0, equals + 1) + (value.isBlank() ? value : REDACTED) + attributes;
    }
}
