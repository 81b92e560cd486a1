package org.secheaders.domain.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A {@code Set-Cookie} line as the {@code tough-cookie} package (the Observatory's cookie jar)
 * parses it in strict mode: a name is required, control characters reject the line, the last
 * occurrence of an attribute wins, and a {@code SameSite} value other than Strict, Lax or None
 * leaves the attribute unset.
 *
 * @param sameSite {@code strict}, {@code lax} or {@code none}
 * @param domain   lower case, leading dot removed
 */
record SetCookie(String name, boolean secure, boolean httpOnly, Optional<String> sameSite,
                 Optional<String> domain, Optional<String> path) {

    static Optional<SetCookie> parse(String line) {
        String text = JsText.trim(line);
        int firstSemicolon = text.indexOf(';');
        String pair = cutAtTerminator(firstSemicolon < 0 ? text : text.substring(0, firstSemicolon));
        int firstEquals = pair.indexOf('=');
        if (firstEquals <= 0) {
            return Optional.empty();
        }
        String name = JsText.trim(pair.substring(0, firstEquals));
        String value = JsText.trim(pair.substring(firstEquals + 1));
        if (hasControlCharacter(name) || hasControlCharacter(value)) {
            return Optional.empty();
        }
        SetCookie cookie = new SetCookie(name, false, false, Optional.empty(), Optional.empty(), Optional.empty());
        if (firstSemicolon >= 0) {
            for (String attribute : JsText.split(text.substring(firstSemicolon + 1), ';')) {
                cookie = cookie.withAttribute(JsText.trim(attribute));
            }
        }
        return Optional.of(cookie);
    }

    /** The attributes as {@code secure}, {@code samesite=lax}, ... for reporting. */
    List<String> attributes() {
        List<String> attributes = new ArrayList<>();
        if (secure) {
            attributes.add("secure");
        }
        if (httpOnly) {
            attributes.add("httponly");
        }
        sameSite.ifPresent(v -> attributes.add("samesite=" + v));
        domain.ifPresent(v -> attributes.add("domain=" + v));
        path.ifPresent(v -> attributes.add("path=" + v));
        return attributes;
    }

    private SetCookie withAttribute(String attribute) {
        if (attribute.isEmpty()) {
            return this;
        }
        int separator = attribute.indexOf('=');
        String key = JsText.trim(separator < 0 ? attribute : attribute.substring(0, separator)).toLowerCase(Locale.ROOT);
        String value = separator < 0 ? "" : JsText.trim(attribute.substring(separator + 1));
        return switch (key) {
            case "secure" -> new SetCookie(name, true, httpOnly, sameSite, domain, path);
            case "httponly" -> new SetCookie(name, secure, true, sameSite, domain, path);
            case "samesite" -> new SetCookie(name, secure, httpOnly, sameSiteValue(value), domain, path);
            case "domain" -> value.isEmpty() ? this
                    : new SetCookie(name, secure, httpOnly, sameSite, domainValue(value).or(() -> domain), path);
            case "path" -> new SetCookie(name, secure, httpOnly, sameSite, domain,
                    value.startsWith("/") ? Optional.of(value) : Optional.empty());
            default -> this;
        };
    }

    private static Optional<String> sameSiteValue(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "strict", "lax", "none" -> Optional.of(lower);
            default -> Optional.empty();
        };
    }

    private static Optional<String> domainValue(String value) {
        String domain = value.startsWith(".") ? value.substring(1) : value;
        return domain.isEmpty() ? Optional.empty() : Optional.of(domain.toLowerCase(Locale.ROOT));
    }

    /** Chromium's relaxed rule, which tough-cookie copies: LF, CR and NUL end the name-value pair. */
    private static String cutAtTerminator(String pair) {
        String cut = pair;
        for (char terminator : new char[] {'\n', '\r', '\0'}) {
            int at = cut.indexOf(terminator);
            if (at >= 0) {
                cut = cut.substring(0, at);
            }
        }
        return cut;
    }

    private static boolean hasControlCharacter(String s) {
        return s.chars().anyMatch(c -> c < 0x20);
    }
}
