package org.secheaders.domain.compliance.check;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code cookies.samesite}: cookies are not sent on cross-site requests (CSRF). {@code Lax} or
 * {@code Strict} passes; {@code None} or no attribute (Chromium defaults to Lax, others do not) is a
 * warning; {@code None} without {@code Secure}, which browsers reject, or an unknown value fails.
 */
final class CookieSameSiteCheck implements AtomicCheck {
    static final String ID = "cookies.samesite";
    private static final Set<String> RESTRICTING = Set.of("lax", "strict");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String expected() {
        return "SameSite=Lax or Strict on every cookie";
    }

    @Override
    public String fix() {
        return "Add SameSite=Lax (Strict for admin sessions); SameSite=None only with Secure.";
    }

    @Override
    public AtomicResult evaluate(EvaluationContext context) {
        List<CookieLine> cookies = context.cookies();
        Finding finding = CookieChecks.finding(this, context, cookies);
        if (cookies.isEmpty()) {
            return finding.notApplicable("no_cookies", "The response sets no cookies.");
        }
        List<CookieLine> invalid = cookies.stream().filter(c -> c.sameSite().filter(v -> !RESTRICTING.contains(v)
                && !v.equals("none")).isPresent()).toList();
        List<CookieLine> noneInsecure = cookies.stream()
                .filter(c -> c.sameSite().filter("none"::equals).isPresent() && !c.secure()).toList();
        if (!invalid.isEmpty() || !noneInsecure.isEmpty()) {
            return finding.fail("invalid_samesite", "SameSite is unknown, or None without Secure: "
                    + CookieChecks.names(Stream.concat(invalid.stream(), noneInsecure.stream()).toList()) + ".");
        }
        List<CookieLine> open = cookies.stream()
                .filter(c -> c.sameSite().filter(RESTRICTING::contains).isEmpty()).toList();
        return open.isEmpty()
                ? finding.pass("lax_or_strict", "Every cookie is SameSite=Lax or Strict.")
                : finding.warn("cross_site_cookies", "Sent on cross-site requests (SameSite=None or not set): "
                        + CookieChecks.names(open) + ".");
    }
}
