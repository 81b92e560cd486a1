package org.secheaders.domain.grading;

import static org.secheaders.domain.grading.ObservatoryResult.COOKIES_ANTICSRF_WITHOUT_SAMESITE_FLAG;
import static org.secheaders.domain.grading.ObservatoryResult.COOKIES_NOT_FOUND;
import static org.secheaders.domain.grading.ObservatoryResult.COOKIES_SAMESITE_FLAG_INVALID;
import static org.secheaders.domain.grading.ObservatoryResult.COOKIES_SECURE_WITH_HTTPONLY_SESSIONS;
import static org.secheaders.domain.grading.ObservatoryResult.COOKIES_SECURE_WITH_HTTPONLY_SESSIONS_AND_SAMESITE;
import static org.secheaders.domain.grading.ObservatoryResult.COOKIES_SESSION_WITHOUT_HTTPONLY_FLAG;
import static org.secheaders.domain.grading.ObservatoryResult.COOKIES_SESSION_WITHOUT_SECURE_FLAG;
import static org.secheaders.domain.grading.ObservatoryResult.COOKIES_SESSION_WITHOUT_SECURE_FLAG_BUT_PROTECTED_BY_HSTS;
import static org.secheaders.domain.grading.ObservatoryResult.COOKIES_WITHOUT_SECURE_FLAG;
import static org.secheaders.domain.grading.ObservatoryResult.COOKIES_WITHOUT_SECURE_FLAG_BUT_PROTECTED_BY_HSTS;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code cookies}, from the {@code Set-Cookie} lines of the final response, stored the way the
 * Observatory's cookie jar stores them: a later cookie with the same name, domain and path
 * replaces an earlier one, and {@code __Secure-}/{@code __Host-} cookies that break their prefix
 * rules are dropped. Session cookies are those whose name contains {@code login} or
 * {@code sess}; anti-CSRF cookies contain {@code csrf}.
 *
 * <p>With the evidence's host name, a cookie whose {@code Domain} does not domain-match the host is
 * dropped, as the jar drops it. Without one that check is skipped; the jar's public-suffix check
 * (no cookies for {@code com}) always is, for want of the public suffix list.
 */
public final class CookiesCheck implements ObservatoryCheck {
    private static final String HEADER = "set-cookie";
    /** Heroku's load-balancer cookie cannot be made secure by the site, so it is not held against it. */
    private static final Set<String> IGNORED = Set.of("heroku-session-affinity");
    /** The Observatory's order from least to most severe; the most severe finding is the result. */
    private static final List<ObservatoryResult> SEVERITY = List.of(
            COOKIES_WITHOUT_SECURE_FLAG_BUT_PROTECTED_BY_HSTS,
            COOKIES_WITHOUT_SECURE_FLAG,
            COOKIES_SESSION_WITHOUT_SECURE_FLAG_BUT_PROTECTED_BY_HSTS,
            COOKIES_SAMESITE_FLAG_INVALID,
            COOKIES_ANTICSRF_WITHOUT_SAMESITE_FLAG,
            COOKIES_SESSION_WITHOUT_HTTPONLY_FLAG,
            COOKIES_SESSION_WITHOUT_SECURE_FLAG);

    private final StrictTransportSecurityCheck hsts;

    public CookiesCheck(StrictTransportSecurityCheck hsts) {
        this.hsts = hsts;
    }

    @Override
    public ObservatoryTestName name() {
        return ObservatoryTestName.COOKIES;
    }

    @Override
    public TestOutcome evaluate(ResponseEvidence evidence) {
        List<String> lines = evidence.headers().values(HEADER);
        List<SetCookie> cookies = jar(lines, evidence.hostname());
        if (cookies.isEmpty()) {
            return TestOutcome.of(COOKIES_NOT_FOUND);
        }
        boolean protectedByHsts = hsts.evaluate(evidence).pass();
        List<ObservatoryResult> findings = new ArrayList<>();
        if (lines.stream().anyMatch(CookiesCheck::hasInvalidSameSite)) {
            findings.add(COOKIES_SAMESITE_FLAG_INVALID);
        }
        boolean everyCookieHasSameSite = true;
        Map<String, List<String>> data = new LinkedHashMap<>();
        for (SetCookie cookie : cookies) {
            findings.addAll(findings(cookie, protectedByHsts));
            everyCookieHasSameSite &= cookie.sameSite().isPresent();
            data.put(cookie.name(), cookie.attributes());
        }
        Optional<ObservatoryResult> worst = findings.stream().max(Comparator.comparingInt(SEVERITY::indexOf));
        return TestOutcome.of(worst.orElse(everyCookieHasSameSite
                ? COOKIES_SECURE_WITH_HTTPONLY_SESSIONS_AND_SAMESITE
                : COOKIES_SECURE_WITH_HTTPONLY_SESSIONS), data);
    }

    private static List<ObservatoryResult> findings(SetCookie cookie, boolean protectedByHsts) {
        String name = cookie.name().toLowerCase(Locale.ROOT);
        boolean session = name.contains("login") || name.contains("sess");
        List<ObservatoryResult> findings = new ArrayList<>();
        if (!cookie.secure()) {
            if (cookie.sameSite().filter("none"::equals).isPresent()) {
                findings.add(COOKIES_SAMESITE_FLAG_INVALID);
            }
            findings.add(protectedByHsts ? COOKIES_WITHOUT_SECURE_FLAG_BUT_PROTECTED_BY_HSTS : COOKIES_WITHOUT_SECURE_FLAG);
            if (session) {
                findings.add(protectedByHsts ? COOKIES_SESSION_WITHOUT_SECURE_FLAG_BUT_PROTECTED_BY_HSTS
                        : COOKIES_SESSION_WITHOUT_SECURE_FLAG);
            }
        }
        if (name.contains("csrf") && cookie.sameSite().isEmpty()) {
            findings.add(COOKIES_ANTICSRF_WITHOUT_SAMESITE_FLAG);
        }
        if (session && !cookie.httpOnly()) {
            findings.add(COOKIES_SESSION_WITHOUT_HTTPONLY_FLAG);
        }
        return findings;
    }

    /** The jar's contents after storing every line in order; a cookie is keyed by domain, path and name. */
    private static List<SetCookie> jar(List<String> lines, Optional<String> host) {
        Map<List<String>, SetCookie> stored = new LinkedHashMap<>();
        for (String line : lines) {
            SetCookie.parse(line)
                    .filter(cookie -> cookie.domain().isEmpty() || host.isEmpty()
                            || domainMatches(host.get(), cookie.domain().get()))
                    .filter(CookiesCheck::meetsPrefixRules)
                    .ifPresent(cookie -> stored.put(List.of(cookie.domain().or(() -> host).orElse(""),
                            cookie.path().orElse("/"), cookie.name()), cookie));
        }
        return stored.values().stream()
                .filter(cookie -> !cookie.name().isEmpty() && !IGNORED.contains(cookie.name()))
                .toList();
    }

    /** RFC 6265 domain-match: the host itself, or a subdomain of it unless the host is an IP address. */
    private static boolean domainMatches(String host, String domain) {
        if (host.equals(domain)) {
            return true;
        }
        boolean ipAddress = host.contains(":") || host.matches("[0-9.]+");
        return !ipAddress && host.endsWith("." + domain);
    }

    /** {@code __Secure-} needs Secure; {@code __Host-} also needs no Domain and path {@code /}. */
    private static boolean meetsPrefixRules(SetCookie cookie) {
        if (cookie.name().startsWith("__Secure-")) {
            return cookie.secure();
        }
        if (cookie.name().startsWith("__Host-")) {
            return cookie.secure() && cookie.domain().isEmpty() && cookie.path().orElse("/").equals("/");
        }
        return true;
    }

    /** Read from the raw line: a SameSite attribute whose value is missing or unknown. */
    private static boolean hasInvalidSameSite(String line) {
        for (String part : JsText.split(JsText.trim(line), ';')) {
            List<String> keyAndValue = JsText.split(JsText.trim(part), '=');
            if (JsText.trim(keyAndValue.get(0)).toLowerCase(Locale.ROOT).equals("samesite")) {
                String value = keyAndValue.size() > 1 ? keyAndValue.get(1) : "";
                if (!Set.of("lax", "strict", "none").contains(JsText.trim(value).toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
        }
        return false;
    }
}
