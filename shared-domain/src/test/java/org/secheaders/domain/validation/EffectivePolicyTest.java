package org.secheaders.domain.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.secheaders.domain.csp.CspParser;

class EffectivePolicyTest {

    private static EffectivePolicy effective(String policy) {
        return EffectivePolicy.of(CspParser.parse(policy).policy());
    }

    @Test
    void unsafeInlineIsIgnoredNextToANonceOrHash() {
        EffectivePolicy nonce = effective("script-src 'nonce-abcdefgh' 'unsafe-inline'; style-src 'unsafe-inline'");
        assertEquals("script-src 'nonce-abcdefgh'; style-src 'unsafe-inline'", nonce.policy().serialize());
        assertEquals(List.of("IGNORED NONE script-src 'unsafe-inline'"), Findings.summary(nonce.ignored()));

        assertEquals("default-src 'sha256-abc='", effective("default-src 'unsafe-inline' 'sha256-abc='").policy().serialize());
    }

    @Test
    void aMalformedNonceDoesNotCount() {
        EffectivePolicy malformed = effective("script-src 'unsafe-inline' 'nonce-a$'");
        assertEquals("script-src 'unsafe-inline' 'nonce-a$'", malformed.policy().serialize());
        assertEquals(List.of(), malformed.ignored());
    }

    @Test
    void strictDynamicDropsHostsSchemesSelfAndUnsafeInline() {
        EffectivePolicy strict = effective(
                "script-src 'nonce-abcdefgh' 'strict-dynamic' 'unsafe-inline' 'self' https: cdn.example.com 'unsafe-eval'");
        assertEquals("script-src 'nonce-abcdefgh' 'strict-dynamic' 'unsafe-eval'", strict.policy().serialize());
        assertEquals(List.of(
                "IGNORED NONE script-src 'unsafe-inline'",
                "IGNORED NONE script-src 'self'",
                "IGNORED NONE script-src https:",
                "IGNORED NONE script-src cdn.example.com"),
                Findings.summary(strict.ignored()));
    }

    @Test
    void eachScriptDirectiveIsNormalisedOnItsOwn() {
        assertEquals("script-src 'nonce-abcdefgh'; script-src-elem 'unsafe-inline'",
                effective("script-src 'nonce-abcdefgh' 'unsafe-inline'; script-src-elem 'unsafe-inline'")
                        .policy().serialize());
    }

    @Test
    void policiesWithoutScriptDirectivesAreUnchanged() {
        assertEquals("img-src https: 'unsafe-inline'", effective("img-src https: 'unsafe-inline'").policy().serialize());
    }
}
