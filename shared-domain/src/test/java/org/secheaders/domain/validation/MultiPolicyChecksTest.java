package org.secheaders.domain.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.secheaders.domain.validation.Findings.summary;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.secheaders.domain.csp.CspParser;
import org.secheaders.domain.csp.CspPolicy;

class MultiPolicyChecksTest {

    private static List<CspPolicy> policies(String... serialized) {
        return Stream.of(serialized).map(s -> CspParser.parse(s).policy()).toList();
    }

    @Test
    void aFailureCountsOnlyWhenEveryPolicyHasIt() {
        assertEquals(List.of("PLAIN_WILDCARD HIGH object-src *"),
                summary(MultiPolicyChecks.failures(policies("script-src 'none'; object-src *"))));
        assertEquals(List.of(), summary(MultiPolicyChecks.failures(
                policies("script-src 'none'; object-src *", "object-src 'none'"))));
    }

    @Test
    void missingDirectivesMayBeSuppliedByAnotherPolicy() {
        assertEquals(List.of(), summary(MultiPolicyChecks.failures(
                policies("object-src 'none'", "script-src 'nonce-abcdefgh'", "base-uri 'none'"))));
        assertEquals(List.of("MISSING_DIRECTIVES HIGH base-uri"), summary(MultiPolicyChecks.failures(
                policies("script-src 'nonce-abcdefgh'; object-src 'none'", "upgrade-insecure-requests"))));
    }

    @Test
    void scriptChecksIgnorePoliciesThatDoNotRestrictScripts() {
        assertEquals(List.of("MISSING_DIRECTIVES HIGH object-src", "STRICT_DYNAMIC STRICT_CSP script-src"),
                summary(MultiPolicyChecks.failures(policies("upgrade-insecure-requests", "script-src cdn.example.com"))));
    }

    @Test
    void failuresSeeTheEffectivePolicy() {
        assertEquals(List.of("PLAIN_URL_SCHEMES HIGH object-src https:"), summary(MultiPolicyChecks.failures(policies(
                "script-src 'strict-dynamic' 'nonce-abcdefgh' 'unsafe-inline' https:; base-uri 'none'; object-src https:"))));
    }

    @Test
    void aWarningCountsWhenAnyPolicyHasIt() {
        assertEquals(List.of("UNSAFE_INLINE_FALLBACK STRICT_CSP script-src", "ALLOWLIST_FALLBACK STRICT_CSP script-src"),
                summary(MultiPolicyChecks.warnings(policies(
                        "script-src 'nonce-abcdefgh' 'strict-dynamic'", "script-src 'nonce-abcdefgh' 'strict-dynamic'"))));
    }

    @Test
    void syntaxErrorsArePerPolicy() {
        List<List<CspFinding>> errors = MultiPolicyChecks.syntaxErrors(
                policies("object-src 'invalid'", "script-src 'none'", "script-src 'nonce-short' default-src 'none'"));
        assertEquals(3, errors.size());
        assertEquals(List.of("INVALID_KEYWORD SYNTAX object-src 'invalid'"), summary(errors.get(0)));
        assertEquals(List.of(), summary(errors.get(1)));
        assertEquals(List.of("NONCE_LENGTH MEDIUM script-src 'nonce-short'", "MISSING_SEMICOLON SYNTAX script-src default-src"),
                summary(errors.get(2)));
    }

    @Test
    void noPoliciesNoFindings() {
        assertEquals(List.of(), MultiPolicyChecks.failures(List.of()));
        assertEquals(List.of(), MultiPolicyChecks.warnings(List.of()));
    }
}
