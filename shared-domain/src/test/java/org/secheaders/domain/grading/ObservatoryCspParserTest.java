package org.secheaders.domain.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ObservatoryCspParserTest {

    private static Map<String, Set<String>> parse(String... policies) {
        return ObservatoryCspParser.parse(List.of(policies)).orElseThrow().directives();
    }

    @Test
    void lowerCasesDirectivesAndSourcesAndReadsAnEmptySourceListAsNone() {
        assertEquals(Map.of("default-src", Set.of("'self'", "https://a.com"), "script-src", Set.of("'none'"),
                        "upgrade-insecure-requests", Set.of("'none'")),
                parse("DEFAULT-SRC 'SELF' https://A.com; script-src; upgrade-insecure-requests"));
    }

    @Test
    void dropsASourceWhoseSortedNeighbourIsAPrefixOfIt() {
        assertEquals(Set.of("https:"), parse("default-src https: https://a.com").get("default-src"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "\r\n", "defa", "default-src 'none'; default-src 'none'",
            "default-src 'none'; img-src 'self'; default-src 'none'"})
    void rejectsEmptyShortAndRepeatedPolicies(String policy) {
        assertTrue(ObservatoryCspParser.parse(List.of(policy)).isEmpty());
    }

    @Test
    void toleratesRepeatedReportingDirectivesKeepingTheLastAndWarning() {
        ParsedCsp csp = ObservatoryCspParser.parse(List.of("report-uri /a; report-to x; report-uri /b")).orElseThrow();
        assertEquals(Set.of("/b"), csp.directives().get("report-uri"));
        assertEquals(Set.of("report-uri"), csp.duplicateWarnings());
        assertEquals(3, csp.size(), "the warnings count as one more entry, as in the Observatory's map");
    }

    @Test
    void keepsOnlySourcesThatEveryPolicyAllows() {
        assertEquals(Set.of("'self'", "https://mozilla.org"), parse(
                "default-src 'none'; script-src 'self' https://mozilla.org",
                "default-src 'none'; script-src https://example.com 'self' https://mozilla.org").get("script-src"));
        assertEquals(Set.of("https://mozilla.net", "https://mozilla.org"), parse(
                "default-src https://mozilla.org https://mozilla.net https://mozilla.com",
                "default-src https://mozilla.pizza https://mozilla.net https://mozilla.org",
                "default-src https://mozilla.net https://mozilla.fox https://mozilla.org").get("default-src"));
    }

    @Test
    void mergesPathsByThePolicyThatIsNarrower() {
        assertEquals(Set.of("https://a.org/firefox/download/"),
                parse("default-src https://a.org/firefox/", "default-src https://a.org/firefox/download/").get("default-src"));
        assertEquals(Set.of("https://a.org/firefox/download/"),
                parse("default-src https://a.org/firefox/download/", "default-src https://a.org/firefox/").get("default-src"));
        assertEquals(Set.of("'none'"),
                parse("default-src https://a.org/fire", "default-src https://a.org/firefox/").get("default-src"));
        assertEquals(Set.of("'none'"), parse("default-src http: http:", "default-src https: https:").get("default-src"));
    }

    @Test
    void comparesPathsPercentDecodedAndRejectsMalformedEscapes() {
        assertEquals(Set.of("https://a.org/x/a"),
                parse("default-src https://a.org/x/a", "default-src https://a.org/x/%61").get("default-src"));
        assertTrue(ObservatoryCspParser.parse(List.of("default-src https://a.org/%zz",
                "default-src https://a.org/%zz")).isEmpty());
    }

    @Test
    void aDirectiveOnlyInALaterPolicyEndsUpNone() {
        assertEquals(Set.of("'none'"), parse("default-src 'self'", "script-src 'self'").get("script-src"));
    }

    @Test
    void metaPoliciesLoseTheDirectivesOnlyAHeaderMayCarry() {
        ParsedCsp meta = ObservatoryCspParser.parseMeta(
                List.of("frame-ancestors 'none'; report-uri /r; sandbox; img-src 'self'")).orElseThrow();
        assertEquals(Set.of("img-src"), meta.directives().keySet());
    }
}
