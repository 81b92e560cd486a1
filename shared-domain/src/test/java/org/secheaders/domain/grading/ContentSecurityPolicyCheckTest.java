package org.secheaders.domain.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentSecurityPolicyCheckTest {
    private final ContentSecurityPolicyCheck check = new ContentSecurityPolicyCheck();

    private TestOutcome grade(ResponseEvidence evidence) {
        return check.evaluate(evidence);
    }

    private TestOutcome grade(String policy) {
        return grade(ResponseEvidence.ofHeaders(ResponseHeaders.of("Content-Security-Policy", policy)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            default-src 'none'                                                 | csp-implemented-with-no-unsafe-default-src-none
            default-src 'self'                                                 | csp-implemented-with-no-unsafe
            upgrade-insecure-requests                                          | csp-implemented-with-unsafe-inline
            default-src 'none'; script-src https:                              | csp-implemented-with-unsafe-inline
            default-src 'none'; script-src https://*.*                         | csp-implemented-with-unsafe-inline
            default-src 'none'; script-src data:                               | csp-implemented-with-unsafe-inline
            default-src 'none'; object-src *                                   | csp-implemented-with-unsafe-inline
            default-src 'none'; script-src 'unsafe-inline' http://a.com        | csp-implemented-with-unsafe-inline
            default-src 'none'; connect-src http://a.com                       | csp-implemented-with-insecure-scheme
            default-src 'none'; report-uri http://a.com/r                      | csp-implemented-with-insecure-scheme
            default-src 'none'; script-src 'unsafe-eval' http://a.com          | csp-implemented-with-insecure-scheme
            default-src 'none'; style-src 'unsafe-eval'                        | csp-implemented-with-unsafe-eval
            default-src 'none'; img-src http:; style-src 'unsafe-eval'         | csp-implemented-with-unsafe-eval
            default-src 'none'; media-src ftp://a.com; style-src *             | csp-implemented-with-insecure-scheme-in-passive-content-only
            default-src 'none'; style-src https:                               | csp-implemented-with-unsafe-inline-in-style-src-only
            default-src 'none'; script-src 'self'; style-src-attr 'unsafe-inline' | csp-implemented-with-no-unsafe-default-src-none
            default-src 'none' 'self'                                          | csp-implemented-with-no-unsafe
            """)
    void judgesByTheFirstRuleThatFires(String policy, String expected) {
        assertEquals(expected, grade(policy).result().code());
    }

    @Test
    void scriptAndStyleFallBackToDefaultSrcThenToAnything() {
        assertEquals(ObservatoryResult.CSP_IMPLEMENTED_WITH_UNSAFE_INLINE_IN_STYLE_SRC_ONLY,
                grade("default-src 'unsafe-inline'; script-src 'self'").result());
        assertEquals(ObservatoryResult.CSP_IMPLEMENTED_WITH_UNSAFE_INLINE, grade("img-src 'none'").result());
    }

    @Test
    void aNonceOrHashCancelsUnsafeInline() {
        assertEquals(ObservatoryResult.CSP_IMPLEMENTED_WITH_NO_UNSAFE,
                grade("object-src 'none'; script-src 'unsafe-inline' 'nonce-abc'; style-src 'unsafe-inline' 'sha256-x'")
                        .result());
    }

    @Test
    void cancellingUnsafeInlineInAFallbackCancelsItForEveryDirectiveSharingIt() {
        // script-src and style-src both read default-src: removing 'unsafe-inline' for scripts
        // removes it for styles too, exactly as the Observatory mutates the shared set.
        assertEquals(ObservatoryResult.CSP_IMPLEMENTED_WITH_NO_UNSAFE,
                grade("default-src 'self' 'unsafe-inline' 'nonce-abc'").result());
    }

    @Test
    void strictDynamicNeedsANonceOrHashAndThenDropsAllowlists() {
        assertEquals(ObservatoryResult.CSP_HEADER_INVALID, grade("default-src 'none'; script-src 'strict-dynamic'").result());
        assertEquals(ObservatoryResult.CSP_IMPLEMENTED_WITH_NO_UNSAFE_DEFAULT_SRC_NONE,
                grade("default-src 'none'; script-src 'strict-dynamic' 'nonce-abc' https: 'self' 'unsafe-inline'").result());
    }

    @Test
    void repeatedReportingDirectivesPassButAreFlagged() {
        TestOutcome outcome = grade("default-src 'none'; report-uri /a; report-uri /b");
        assertEquals(ObservatoryResult.CSP_IMPLEMENTED_BUT_DUPLICATE_DIRECTIVES, outcome.result());
        assertTrue(outcome.pass());
        assertEquals(ObservatoryResult.CSP_IMPLEMENTED_WITH_UNSAFE_INLINE,
                grade("report-uri /a; report-uri /b").result(), "a failing policy keeps its own code");
    }

    @Test
    void aRepeatedDirectiveOrAnEmptyPolicyIsInvalid() {
        assertEquals(ObservatoryResult.CSP_HEADER_INVALID, grade("default-src 'none'; DEFAULT-SRC 'self'").result());
        assertEquals(ObservatoryResult.CSP_HEADER_INVALID, grade("default-src 'none',").result());
        assertFalse(grade("").pass());
    }

    @Test
    void commasSeparatePoliciesWhoseIntersectionIsGraded() {
        assertEquals(ObservatoryResult.CSP_IMPLEMENTED_WITH_NO_UNSAFE_DEFAULT_SRC_NONE,
                grade("default-src 'none'; style-src 'self' 'unsafe-inline', default-src 'none'; style-src 'self'").result());
    }

    @Test
    void reportOnlyCountsOnlyWithoutAnEnforcedPolicy() {
        ResponseHeaders reportOnly = ResponseHeaders.of("Content-Security-Policy-Report-Only", "default-src 'none'");
        assertEquals(ObservatoryResult.CSP_NOT_IMPLEMENTED_BUT_REPORTING_ENABLED,
                grade(ResponseEvidence.ofHeaders(reportOnly)).result());
        assertEquals(ObservatoryResult.CSP_IMPLEMENTED_WITH_UNSAFE_INLINE, grade(ResponseEvidence.ofHeaders(
                reportOnly.with("Content-Security-Policy", "default-src *"))).result());
        assertEquals(ObservatoryResult.CSP_NOT_IMPLEMENTED, grade(ResponseEvidence.ofHeaders(ResponseHeaders.empty())).result());
    }

    @Test
    void metaPoliciesCountButCannotCarryFrameAncestors() {
        ResponseEvidence metaOnly = ResponseEvidence.ofHeaders(ResponseHeaders.empty())
                .withHttpEquiv(ResponseHeaders.of("content-security-policy", "frame-ancestors 'none'"));
        assertEquals(ObservatoryResult.CSP_NOT_IMPLEMENTED, grade(metaOnly).result());
        ResponseEvidence meta = ResponseEvidence.ofHeaders(ResponseHeaders.empty())
                .withHttpEquiv(ResponseHeaders.of("content-security-policy", "default-src 'none'"));
        assertEquals(ObservatoryResult.CSP_IMPLEMENTED_WITH_NO_UNSAFE_DEFAULT_SRC_NONE, grade(meta).result());
    }

    @Test
    void insecureSchemesMatterOnlyForAnHttpsPage() {
        ResponseEvidence plainHttpPage = ResponseEvidence.ofHeaders(
                ResponseHeaders.of("Content-Security-Policy", "default-src 'none'; img-src http://a.com; connect-src http://a.com"))
                .withFetchedOverHttps(false);
        assertEquals(ObservatoryResult.CSP_IMPLEMENTED_WITH_NO_UNSAFE_DEFAULT_SRC_NONE, grade(plainHttpPage).result());
    }

    @Test
    void reportsTheParsedDirectivesWithSortedSources() {
        assertEquals(List.of("'self'", "https://a.com"),
                grade("default-src https://a.com 'self'").data().get("default-src"));
    }
}
