package org.secheaders.domain.compliance.remediation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.secheaders.domain.compliance.check.CookieLine;

/**
 * Per cookie, the attributes its failing checks need: {@code Secure}; {@code HttpOnly} on session
 * cookies; {@code SameSite=Lax} where SameSite is missing or unknown. An explicit
 * {@code SameSite=None} is kept (the cookie is meant to travel cross-site) and only gains
 * {@code Secure}. Renaming to a {@code __Host-} prefix needs a code change and is left to a manual action.
 */
final class CookieRemedy implements Remedy {
    private static final Set<String> CHECKS = Set.of("cookies.secure", "cookies.httponly", "cookies.samesite");

    @Override
    public Set<String> addresses() {
        return CHECKS;
    }

    @Override
    public List<Proposal> propose(RemedyInput input) {
        if (!input.anyFailing(CHECKS)) {
            return List.of();
        }
        List<Proposal> proposals = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (CookieLine cookie : input.cookies()) {
            if (!seen.add(cookie.name())) {
                continue;
            }
            List<CookieLine.Attribute> attributes = new ArrayList<>();
            if (input.failing("cookies.secure") && !cookie.secure()) {
                attributes.add(new CookieLine.Attribute("Secure", Optional.empty()));
            }
            boolean session = cookie.isSession(input.options().tenant().sessionCookieNames());
            if (input.failing("cookies.httponly") && session && !cookie.httpOnly()) {
                attributes.add(new CookieLine.Attribute("HttpOnly", Optional.empty()));
            }
            if (input.failing("cookies.samesite")) {
                boolean none = cookie.sameSite().filter("none"::equals).isPresent();
                if (none && !cookie.secure() && attributes.stream().noneMatch(a -> a.name().equals("Secure"))) {
                    attributes.add(new CookieLine.Attribute("Secure", Optional.empty()));
                } else if (!none && cookie.sameSite().filter(v -> v.equals("lax") || v.equals("strict")).isEmpty()) {
                    attributes.add(new CookieLine.Attribute("SameSite", Optional.of("Lax")));
                }
            }
            if (!attributes.isEmpty()) {
                proposals.add(new Proposal("Set-Cookie " + cookie.name(), CHECKS, List.of(Candidate.of(
                        new HeaderPatch.EditCookie(cookie.name(), attributes),
                        "The cookie is never sent in cleartext, hidden from scripts if it holds a session, "
                                + "and not sent on cross-site requests."))));
            }
        }
        return proposals;
    }
}
