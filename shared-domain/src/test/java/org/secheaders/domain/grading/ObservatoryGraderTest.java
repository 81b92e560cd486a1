package org.secheaders.domain.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObservatoryGraderTest {
    private final ObservatoryGrader grader = new ObservatoryGrader();

    private ObservatoryReport grade(String... namesAndValues) {
        return grader.grade(ResponseEvidence.ofHeaders(ResponseHeaders.of(namesAndValues)));
    }

    private static List<String> codes(ObservatoryReport report) {
        return report.tests().stream().map(outcome -> outcome.result().code()).toList();
    }

    @Test
    void gradesAHeaderSetOnTheNineTestsHeadersDecide() {
        ObservatoryReport report = grade("Content-Security-Policy", "default-src 'none'",
                "Strict-Transport-Security", "max-age=31536000", "X-Content-Type-Options", "nosniff",
                "Referrer-Policy", "no-referrer");
        assertEquals(6, report.algorithmVersion());
        assertEquals(List.of("csp-implemented-with-no-unsafe-default-src-none", "cookies-not-found",
                "coep-not-implemented", "coop-not-implemented", "referrer-policy-private",
                "hsts-implemented-max-age-at-least-six-months", "x-content-type-options-nosniff",
                "x-frame-options-not-implemented", "corp-not-implemented"), codes(report));
        assertEquals(List.of(ObservatoryTestName.CROSS_ORIGIN_RESOURCE_SHARING, ObservatoryTestName.REDIRECTION,
                ObservatoryTestName.SUBRESOURCE_INTEGRITY), report.outOfScope().stream().map(NotEvaluated::test).toList());
        assertEquals(9, report.testsQuantity());
        assertEquals(8, report.testsPassed());
        assertEquals(1, report.testsFailed());
        // 100 - 20 (no XFO) leaves 80 < 90, so the +10 and +5 bonuses do not count.
        assertEquals(80, report.score());
        assertEquals(ObservatoryGrade.B_PLUS, report.grade());
    }

    @Test
    void bonusesCountWhenThePenaltiesAloneLeaveAtLeastNinety() {
        // 100 - 5 (no nosniff) - 5 (unsafe referrer) = 90, so +10 (CSP) +5 (XFO via CSP) +10 (COOP) count.
        ObservatoryReport report = grade("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'",
                "Strict-Transport-Security", "max-age=15552000", "Referrer-Policy", "unsafe-url",
                "Cross-Origin-Opener-Policy", "same-origin");
        assertEquals(115, report.score());
        assertEquals(ObservatoryGrade.A_PLUS, report.grade());
    }

    @Test
    void bonusesAreDroppedOnePointBelowNinety() {
        // As above with HSTS just under six months: 100 - 5 - 5 - 10 = 80, bonuses dropped.
        ObservatoryReport report = grade("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'",
                "Strict-Transport-Security", "max-age=15551999", "Referrer-Policy", "unsafe-url",
                "Cross-Origin-Opener-Policy", "same-origin");
        assertEquals(80, report.score());
    }

    @Test
    void theScoreStopsAtZero() {
        ObservatoryReport report = grade("Set-Cookie", "SESSIONID=a", "Referrer-Policy", "unsafe-url",
                "Cross-Origin-Opener-Policy", "x", "Cross-Origin-Embedder-Policy", "x", "Cross-Origin-Resource-Policy", "x");
        // 100 - 25 - 40 - 5 - 5 - 5 - 5 - 20 (no HSTS) - 5 (no nosniff) - 20 (no XFO) = -30
        assertEquals(0, report.score());
        assertEquals(ObservatoryGrade.F, report.grade());
        assertEquals(9, report.testsFailed());
    }

    @Test
    void fullEvidenceRunsAllTwelveTests() {
        ResponseEvidence evidence = ResponseEvidence.ofHeaders(ResponseHeaders.of("Content-Type", "application/json"))
                .withHttp(new HttpProbe.Reached(true, List.of(new RedirectHop(URI.create("http://a.com/"), 301),
                        new RedirectHop(URI.create("https://a.com/"), 200))))
                .withCors(new CorsProbe("https://example.org", ResponseHeaders.empty()));
        ObservatoryReport report = grader.grade(evidence);
        assertEquals(12, report.testsQuantity());
        assertEquals(List.of(), report.outOfScope());
    }

    /** Defaults of the header libraries in header-anchors §3, with the grades the Observatory gave them (§1.4). */
    @Test
    void gradesTheAnchorDefaultsAsTheObservatoryDoes() {
        ObservatoryReport helmet = grade(
                "Content-Security-Policy", "default-src 'self';base-uri 'self';font-src 'self' https: data:;"
                        + "form-action 'self';frame-ancestors 'self';img-src 'self' data:;object-src 'none';"
                        + "script-src 'self';script-src-attr 'none';style-src 'self' https: 'unsafe-inline';"
                        + "upgrade-insecure-requests",
                "Cross-Origin-Opener-Policy", "same-origin", "Cross-Origin-Resource-Policy", "same-origin",
                "Origin-Agent-Cluster", "?1", "Referrer-Policy", "no-referrer",
                "Strict-Transport-Security", "max-age=31536000; includeSubDomains", "X-Content-Type-Options", "nosniff",
                "X-DNS-Prefetch-Control", "off", "X-Download-Options", "noopen", "X-Frame-Options", "SAMEORIGIN",
                "X-Permitted-Cross-Domain-Policies", "none", "X-XSS-Protection", "0");
        assertEquals(130, helmet.score());
        assertEquals(ObservatoryGrade.A_PLUS, helmet.grade());

        ObservatoryReport owasp = grade(
                "Content-Security-Policy", "default-src 'self'; form-action 'self'; base-uri 'self'; object-src 'none'; "
                        + "frame-ancestors 'none'; upgrade-insecure-requests",
                "Cross-Origin-Embedder-Policy", "require-corp", "Cross-Origin-Opener-Policy", "same-origin",
                "Cross-Origin-Resource-Policy", "same-origin", "Referrer-Policy", "no-referrer",
                "Strict-Transport-Security", "max-age=63072000; includeSubDomains", "X-Content-Type-Options", "nosniff",
                "X-Frame-Options", "deny");
        assertEquals(145, owasp.score());

        ObservatoryReport secureHeaders = grade(
                "Content-Security-Policy", "default-src 'self' https:; font-src 'self' https: data:; "
                        + "img-src 'self' https: data:; object-src 'none'; script-src https:; style-src 'self' https: 'unsafe-inline'",
                "Strict-Transport-Security", "max-age=631138519", "X-Frame-Options", "sameorigin",
                "X-Content-Type-Options", "nosniff", "X-XSS-Protection", "0");
        assertEquals(80, secureHeaders.score());
        assertEquals(ObservatoryGrade.B_PLUS, secureHeaders.grade());

        ObservatoryReport spring = grade("X-Content-Type-Options", "nosniff",
                "Cache-Control", "no-cache, no-store, max-age=0, must-revalidate", "Pragma", "no-cache", "Expires", "0",
                "Strict-Transport-Security", "max-age=31536000 ; includeSubDomains", "X-Frame-Options", "DENY",
                "X-XSS-Protection", "0");
        assertEquals(75, spring.score());
        assertEquals(ObservatoryGrade.B, spring.grade());
    }
}
