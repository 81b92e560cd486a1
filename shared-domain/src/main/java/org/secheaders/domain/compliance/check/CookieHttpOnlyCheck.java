package org.secheaders.domain.compliance.check;

import java.util.List;

/**
 * {@code cookies.httponly}: session cookies are out of reach of scripts, so XSS cannot steal them.
 * Session cookies are the ones the tenant named, else those whose name suggests a session.
 */
final class CookieHttpOnlyCheck implements AtomicCheck {
    static final String ID = "cookies.httponly";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String expected() {
        return "HttpOnly on every session cookie";
    }

    @Override
    public String fix() {
        return "Add HttpOnly to every session cookie.";
    }

    @Override
    public AtomicResult evaluate(EvaluationContext context) {
        List<CookieLine> sessions = CookieChecks.sessionCookies(context);
        Finding finding = CookieChecks.finding(this, context, sessions);
        if (sessions.isEmpty()) {
            return finding.notApplicable("no_session_cookies", "The response sets no session cookie.");
        }
        List<CookieLine> readable = sessions.stream().filter(c -> !c.httpOnly()).toList();
        return readable.isEmpty()
                ? finding.pass("all_httponly", "Every session cookie is HttpOnly.")
                : finding.fail("missing_httponly", "Session cookies readable by scripts: " + CookieChecks.names(readable) + ".");
    }
}
