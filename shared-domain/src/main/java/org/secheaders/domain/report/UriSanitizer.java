package org.secheaders.domain.report;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reduces a reported URI to a {@link SanitizedUri}. Hand-written rather than {@code java.net.URI}:
 * report values are attacker-controlled and often not RFC 3986-valid, and this must never throw.
 */
final class UriSanitizer {
    static final int MAX_URI_CHARS = 2048;
    static final int MAX_OPAQUE_CHARS = 256;
    private static final int MAX_SCHEME_CHARS = 32;
    private static final Set<String> WEB_SCHEMES = Set.of("http", "https", "ws", "wss");

    private UriSanitizer() {
    }

    static SanitizedUri sanitize(String raw) {
        // Cutting at the first '?' or '#' before anything else guarantees no query or fragment survives.
        String cut = Text.clean(beforeQueryOrFragment(raw).trim(), MAX_URI_CHARS);
        int colon = schemeEnd(cut);
        if (colon < 0) {
            return opaque(cut);
        }
        String scheme = cut.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = cut.substring(colon + 1);
        if (WEB_SCHEMES.contains(scheme)) {
            return web(scheme, rest).orElseGet(() -> opaque(cut));
        }
        if (scheme.equals("about")) {
            return new SanitizedUri.SchemeOnly(scheme, aboutPage(rest));
        }
        return new SanitizedUri.SchemeOnly(scheme, "");
    }

    /** True for a bare scheme name with an optional colon, e.g. {@code data} or {@code data:}. */
    static boolean isBareScheme(String value) {
        int end = value.endsWith(":") ? value.length() - 1 : value.length();
        return end > 0 && schemeEnd(value.substring(0, end) + ":") == end;
    }

    private static String beforeQueryOrFragment(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '?' || c == '#') {
                return raw.substring(0, i);
            }
        }
        return raw;
    }

    /** Index of the colon ending a valid scheme, or -1. */
    private static int schemeEnd(String s) {
        if (s.isEmpty() || !isAsciiLetter(s.charAt(0))) {
            return -1;
        }
        for (int i = 1; i < s.length() && i <= MAX_SCHEME_CHARS; i++) {
            char c = s.charAt(i);
            if (c == ':') {
                return i;
            }
            if (!isAsciiLetter(c) && !isAsciiDigit(c) && c != '+' && c != '.' && c != '-') {
                return -1;
            }
        }
        return -1;
    }

    private static Optional<SanitizedUri> web(String scheme, String rest) {
        if (!rest.startsWith("//")) {
            return Optional.empty();
        }
        int pathStart = rest.length();
        for (int i = 2; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '/' || c == '\\') {
                pathStart = i;
                break;
            }
        }
        String authority = rest.substring(2, pathStart);
        // Credentials are dropped (CSP3 strips them too; older browsers did not).
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        int portColon = authority.startsWith("[") ? authority.indexOf(':', authority.indexOf(']') + 1)
                : authority.lastIndexOf(':');
        String host = portColon < 0 ? authority : authority.substring(0, portColon);
        Optional<String> validHost = host(host);
        if (validHost.isEmpty()) {
            return Optional.empty();
        }
        OptionalInt port = OptionalInt.empty();
        if (portColon >= 0) {
            OptionalInt parsed = port(authority.substring(portColon + 1));
            if (parsed.isEmpty() && portColon + 1 < authority.length()) {
                return Optional.empty();
            }
            if (parsed.isPresent() && parsed.getAsInt() != SanitizedUri.Web.defaultPort(scheme)) {
                port = parsed;
            }
        }
        String path = rest.substring(pathStart);
        return Optional.of(new SanitizedUri.Web(scheme, validHost.get(), port, path));
    }

    private static Optional<String> host(String raw) {
        String host = raw.endsWith(".") ? raw.substring(0, raw.length() - 1) : raw;
        if (host.isEmpty()) {
            return Optional.empty();
        }
        if (host.startsWith("[")) {
            return isIpv6Literal(host) ? Optional.of(host.toLowerCase(Locale.ROOT)) : Optional.empty();
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            boolean allowed = isAsciiLetter(c) || isAsciiDigit(c) || c == '-' || c == '.' || c == '_'
                    || (c >= 0x80 && Character.isLetterOrDigit(c));
            if (!allowed) {
                return Optional.empty();
            }
        }
        return Optional.of(host.toLowerCase(Locale.ROOT));
    }

    private static boolean isIpv6Literal(String host) {
        if (host.length() < 3 || !host.endsWith("]")) {
            return false;
        }
        for (int i = 1; i < host.length() - 1; i++) {
            char c = host.charAt(i);
            if (Character.digit(c, 16) < 0 && c != ':' && c != '.') {
                return false;
            }
        }
        return true;
    }

    private static OptionalInt port(String digits) {
        if (digits.isEmpty() || digits.length() > 5) {
            return OptionalInt.empty();
        }
        int value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (!isAsciiDigit(c)) {
                return OptionalInt.empty();
            }
            value = value * 10 + (c - '0');
        }
        return value <= 65_535 ? OptionalInt.of(value) : OptionalInt.empty();
    }

    /** {@code about:blank} and {@code about:srcdoc} are meaningful; anything else keeps the scheme only. */
    private static String aboutPage(String rest) {
        if (rest.isEmpty() || rest.length() > 32) {
            return "";
        }
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (!(c >= 'a' && c <= 'z') && c != '-') {
                return "";
            }
        }
        return rest;
    }

    private static SanitizedUri opaque(String text) {
        return new SanitizedUri.Opaque(Text.clean(text, MAX_OPAQUE_CHARS));
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
