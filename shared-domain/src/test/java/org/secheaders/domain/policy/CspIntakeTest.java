package org.secheaders.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.secheaders.domain.csp.CspDirective;

class CspIntakeTest {

    private static List<String> rejectedTokens(CspIntake.Parsed parsed) {
        return parsed.rejected().stream().map(CspIntake.Rejected::token).toList();
    }

    @Test
    void keepsValidSourcesInCanonicalForm() {
        CspIntake.Parsed parsed = CspIntake.directive("Script-Src", List.of("'SELF'", "HTTPS://CDN.example/Path", "'sha256-YWJjZA=='"));

        assertEquals("script-src 'self' https://cdn.example/Path 'sha256-YWJjZA=='", parsed.directive().orElseThrow().serialize());
        assertEquals(List.of(), parsed.rejected());
    }

    @Test
    void aTokenCannotInjectAnotherDirectiveOrHeader() {
        CspIntake.Parsed parsed = CspIntake.directive("script-src",
                List.of("'self'; script-src *", "https://a.example,https://b.example", "a\r\nSet-Cookie:x", "https://ok.example"));

        assertEquals("script-src https://ok.example", parsed.directive().orElseThrow().serialize());
        assertEquals(3, parsed.rejected().size());
    }

    @Test
    void parserFindingsRefuseTheirTokens() {
        CspIntake.Parsed parsed = CspIntake.directive("script-src", List.of("self", "'unsafe-evil'", "https://a.example:x", "'none'", "'self'"));

        assertEquals(List.of("self", "'unsafe-evil'", "https://a.example:x", "'none'"), rejectedTokens(parsed));
        assertEquals(new CspDirective("script-src", List.of(new org.secheaders.domain.csp.SourceExpression.Keyword(
                org.secheaders.domain.csp.CspKeyword.SELF))), parsed.directive().orElseThrow());
    }

    @Test
    void fixedNoncesAreRefused() {
        CspIntake.Parsed parsed = CspIntake.directive("script-src", List.of("'nonce-abcdefghijkl'"));

        assertEquals(List.of("'nonce-abcdefghijkl'"), rejectedTokens(parsed));
        assertTrue(parsed.directive().orElseThrow().sources().isEmpty());
    }

    @Test
    void unknownDirectivesAreRefusedWhole() {
        CspIntake.Parsed parsed = CspIntake.directive("scirpt-src", List.of("'self'"));

        assertTrue(parsed.directive().isEmpty());
        assertEquals(List.of("scirpt-src"), rejectedTokens(parsed));
    }

    @Test
    void tokenDirectivesKeepTheirTokens() {
        assertEquals("sandbox allow-forms allow-scripts",
                CspIntake.directive("sandbox", List.of("allow-forms", "allow-scripts")).directive().orElseThrow().serialize());
        assertEquals("upgrade-insecure-requests",
                CspIntake.directive("upgrade-insecure-requests", List.of()).directive().orElseThrow().serialize());
    }
}
