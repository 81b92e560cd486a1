package org.secheaders.domain.compliance.check;

import java.util.List;

/**
 * {@code cookies.prefix}: cookies use {@code __Host-} (or {@code __Secure-}), so a subdomain or a
 * plain-HTTP page cannot overwrite them (ASVS 5.0 3.3.1). A prefix whose rules are broken fails,
 * since browsers then reject the cookie outright.
 */
final class CookiePrefixCheck implements AtomicCheck {
    static final String ID = "cookies.prefix";
    private static final String HOST = "__Host-";
    private static final String SECURE = "__Secure-";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String expected() {
        return "__Host- prefix (Secure, Path=/, no Domain), or __Secure- prefix (Secure)";
    }

    @Override
    public String fix() {
        return "Rename cookies to __Host-… (Secure, Path=/, no Domain), or __Secure-… when shared with subdomains.";
    }

    @Override
    public AtomicResult evaluate(EvaluationContext context) {
        List<CookieLine> cookies = context.cookies();
        Finding finding = CookieChecks.finding(this, context, cookies);
        if (cookies.isEmpty()) {
            return finding.notApplicable("no_cookies", "The response sets no cookies.");
        }
        List<CookieLine> broken = cookies.stream().filter(c -> !meetsPrefixRules(c)).toList();
        if (!broken.isEmpty()) {
            return finding.fail("prefix_rules_broken", "Browsers reject these prefixed cookies: "
                    + CookieChecks.names(broken) + " (__Host- needs Secure, Path=/ and no Domain; __Secure- needs Secure).");
        }
        List<CookieLine> unprefixed = cookies.stream()
                .filter(c -> !c.name().startsWith(HOST) && !c.name().startsWith(SECURE)).toList();
        return unprefixed.isEmpty()
                ? finding.pass("prefixed", "Every cookie carries a __Host- or __Secure- prefix.")
                : finding.warn("unprefixed", "Without __Host- or __Secure- prefix: " + CookieChecks.names(unprefixed) + ".");
    }

    private static boolean meetsPrefixRules(CookieLine cookie) {
        if (cookie.name().startsWith(HOST)) {
            return cookie.secure() && cookie.domain().isEmpty() && cookie.path().filter("/"::equals).isPresent();
        }
        return !cookie.name().startsWith(SECURE) || cookie.secure();
    }
}
