package org.secheaders.domain.compliance.check;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.secheaders.domain.grading.ResponseHeaders;

/** What the cookie checks share: which cookies hold a session, and how a cookie finding is reported. */
final class CookieChecks {
    private CookieChecks() {
    }

    static List<CookieLine> sessionCookies(EvaluationContext context) {
        Set<String> declared = context.options().tenant().sessionCookieNames();
        return context.cookies().stream().filter(c -> c.isSession(declared)).toList();
    }

    /** A finding whose observed value is the cookies' redacted lines. */
    static Finding finding(AtomicCheck check, EvaluationContext context, Collection<CookieLine> cookies) {
        ResponseHeaders headers = context.response().headers();
        Optional<String> observed = cookies.isEmpty() ? Optional.empty()
                : Optional.of(cookies.stream().map(CookieLine::redacted).collect(Collectors.joining(" | ")));
        return Finding.of(check, observed, EvidenceLines.of(headers, CookieLine.SET_COOKIE));
    }

    static String names(Collection<CookieLine> cookies) {
        return cookies.stream().map(CookieLine::name).distinct().sorted().collect(Collectors.joining(", "));
    }
}
