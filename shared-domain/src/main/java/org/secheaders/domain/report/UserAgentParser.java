package org.secheaders.domain.report;

import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * A small user-agent reducer: browser family + major version + OS family, by ordered token search.
 * Order matters because UAs claim each other: Edge, Opera and Samsung say {@code Chrome/}; every Chromium
 * and iOS browser says {@code Safari/}; iOS says {@code like Mac OS X}; Android says {@code Linux}.
 */
public final class UserAgentParser {
    private static final int MAX_SCAN_CHARS = 512;
    private static final int MAX_VERSION_DIGITS = 5;

    private static final List<String> BOT_MARKERS = List.of(
            "bot/", "bot;", "bot-", "crawler", "spider", "slurp", "headlesschrome", "lighthouse",
            "facebookexternalhit", "python-requests", "curl/", "wget/", "go-http-client", "+http");

    private record Token(String text, BrowserFamily family) {
    }

    private static final List<Token> BROWSER_TOKENS = List.of(
            new Token("SamsungBrowser/", BrowserFamily.SAMSUNG_INTERNET),
            new Token("OPR/", BrowserFamily.OPERA),
            new Token("OPT/", BrowserFamily.OPERA),
            new Token("OPiOS/", BrowserFamily.OPERA),
            new Token("EdgA/", BrowserFamily.EDGE),
            new Token("EdgiOS/", BrowserFamily.EDGE),
            new Token("Edg/", BrowserFamily.EDGE),
            new Token("Edge/", BrowserFamily.EDGE),
            new Token("FxiOS/", BrowserFamily.FIREFOX),
            new Token("Firefox/", BrowserFamily.FIREFOX),
            new Token("CriOS/", BrowserFamily.CHROME),
            new Token("Chromium/", BrowserFamily.CHROMIUM),
            new Token("Chrome/", BrowserFamily.CHROME));

    public ReducedUserAgent parse(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return ReducedUserAgent.UNKNOWN;
        }
        String ua = userAgent.length() > MAX_SCAN_CHARS ? userAgent.substring(0, MAX_SCAN_CHARS) : userAgent;
        OsFamily os = os(ua);
        String lower = ua.toLowerCase(Locale.ROOT);
        for (String marker : BOT_MARKERS) {
            if (lower.contains(marker)) {
                return new ReducedUserAgent(BrowserFamily.BOT, OptionalInt.empty(), os);
            }
        }
        for (Token token : BROWSER_TOKENS) {
            int at = ua.indexOf(token.text());
            if (at >= 0) {
                return new ReducedUserAgent(token.family(), major(ua, at + token.text().length()), os);
            }
        }
        int version = ua.indexOf("Version/");
        if (version >= 0 && ua.contains("Safari/")) {
            return new ReducedUserAgent(BrowserFamily.SAFARI, major(ua, version + "Version/".length()), os);
        }
        return new ReducedUserAgent(BrowserFamily.OTHER, OptionalInt.empty(), os);
    }

    private static OsFamily os(String ua) {
        if (ua.contains("Windows")) {
            return OsFamily.WINDOWS;
        }
        if (ua.contains("iPhone") || ua.contains("iPad") || ua.contains("iPod")) {
            return OsFamily.IOS;
        }
        if (ua.contains("Android")) {
            return OsFamily.ANDROID;
        }
        if (ua.contains("CrOS")) {
            return OsFamily.CHROME_OS;
        }
        if (ua.contains("Macintosh") || ua.contains("Mac OS X")) {
            return OsFamily.MACOS;
        }
        if (ua.contains("Linux") || ua.contains("X11")) {
            return OsFamily.LINUX;
        }
        return OsFamily.OTHER;
    }

    private static OptionalInt major(String ua, int start) {
        int end = start;
        while (end < ua.length() && end - start < MAX_VERSION_DIGITS
                && ua.charAt(end) >= '0' && ua.charAt(end) <= '9') {
            end++;
        }
        return end == start ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(ua.substring(start, end)));
    }
}
