package org.secheaders.domain.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Grades of arbitrary header sets: stable, and never made worse by a stronger header. */
class ObservatoryGraderProperties {
    private final ObservatoryGrader grader = new ObservatoryGrader();

    @Property(tries = 1000)
    void gradingIsDeterministic(@ForAll("headerSets") ResponseHeaders headers) {
        ObservatoryReport first = grader.grade(ResponseEvidence.ofHeaders(headers));
        ObservatoryReport again = new ObservatoryGrader().grade(ResponseEvidence.ofHeaders(new ResponseHeaders(headers.fields())));
        assertEquals(first, again);
        assertEquals(first.testsQuantity(), first.testsPassed() + first.testsFailed());
        assertTrue(first.score() >= 0);
        assertEquals(ObservatoryGrade.forScore(first.score()), first.grade());
    }

    @Property(tries = 1000)
    void settingNosniffNeverLowersTheScore(@ForAll("headerSets") ResponseHeaders headers) {
        assertNotWorse(headers, headers.with("X-Content-Type-Options", "nosniff"));
    }

    @Property(tries = 1000)
    void settingASameOriginOpenerPolicyNeverLowersTheScore(@ForAll("headerSets") ResponseHeaders headers) {
        assertNotWorse(headers, headers.with("Cross-Origin-Opener-Policy", "same-origin"));
    }

    @Property(tries = 1000)
    void settingAYearOfHstsNeverLowersTheScore(@ForAll("headerSets") ResponseHeaders headers) {
        assertNotWorse(headers, headers.with("Strict-Transport-Security", "max-age=31536000"));
    }

    private void assertNotWorse(ResponseHeaders before, ResponseHeaders after) {
        ObservatoryReport weaker = grader.grade(ResponseEvidence.ofHeaders(before));
        ObservatoryReport stronger = grader.grade(ResponseEvidence.ofHeaders(after));
        assertTrue(stronger.score() >= weaker.score(), weaker.score() + " became " + stronger.score());
        assertTrue(stronger.grade().compareTo(weaker.grade()) <= 0, weaker.grade() + " became " + stronger.grade());
    }

    @Provide
    Arbitrary<ResponseHeaders> headerSets() {
        Arbitrary<HeaderField> field = Arbitraries.oneOf(
                field("Content-Security-Policy", "default-src 'none'", "default-src 'self'; frame-ancestors 'none'",
                        "script-src 'unsafe-inline'", "default-src *", "default-src 'none'; img-src http:",
                        "default-src 'none'; script-src 'strict-dynamic' 'nonce-a'", "default-src 'none'; report-uri /a; report-uri /b"),
                field("Content-Security-Policy-Report-Only", "default-src 'none'"),
                field("Strict-Transport-Security", "max-age=31536000", "max-age=100", "max-age=abc", "includeSubDomains"),
                field("X-Frame-Options", "DENY", "SAMEORIGIN", "ALLOW-FROM https://a.com", "whimsy"),
                field("X-Content-Type-Options", "nosniff", "whimsy"),
                field("Referrer-Policy", "no-referrer", "unsafe-url", "whimsy", "origin, strict-origin"),
                field("Cross-Origin-Opener-Policy", "same-origin", "unsafe-none", "\"same-origin\"", "Same-Origin"),
                field("Cross-Origin-Embedder-Policy", "require-corp", "credentialless", "whimsy"),
                field("Cross-Origin-Resource-Policy", "same-origin", "cross-origin", "whimsy"),
                field("Set-Cookie", "SESSIONID=a", "SESSIONID=a; Secure; HttpOnly; SameSite=Lax", "csrf=a; Secure",
                        "prefs=a; SameSite=None", "id=a; SameSite=Bogus"),
                field("Content-Type", "text/html", "application/json"),
                Combinators.combine(Arbitraries.of("Content-Security-Policy", "X-Frame-Options", "Referrer-Policy",
                                "Cross-Origin-Opener-Policy", "Strict-Transport-Security", "Set-Cookie", "X-Other"),
                        Arbitraries.strings().withChars("abcdefgnoqrs-=*:;,'\" /").ofMaxLength(30))
                        .as(HeaderField::new));
        return field.list().ofMaxSize(10).map(ResponseHeaders::fromFieldLines);
    }

    private static Arbitrary<HeaderField> field(String name, String... values) {
        return Arbitraries.of(List.of(values)).map(value -> new HeaderField(name, value));
    }
}
