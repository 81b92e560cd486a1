package org.secheaders.domain.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secheaders.domain.validation.Findings.summary;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.secheaders.domain.csp.CspParser;

class CspValidatorTest {

    private final CspValidator validator = CspValidator.standard();
    private final CspValidator defaultAndStrict =
            validator.withFamilies(EnumSet.of(CheckFamily.DEFAULT, CheckFamily.STRICT));

    @Test
    void secureHeadersDefaultIsFlaggedForHttpsInScriptSrc() {
        // The anchor result (header-anchors.md §2.2): plain https: in script-src, no strict-dynamic, no Trusted Types.
        assertEquals(List.of(
                "PLAIN_URL_SCHEMES HIGH script-src https:",
                "STRICT_DYNAMIC STRICT_CSP script-src",
                "REQUIRE_TRUSTED_TYPES_FOR_SCRIPTS INFO require-trusted-types-for"),
                summary(defaultAndStrict.validate("default-src 'self' https:; font-src 'self' https: data:; "
                        + "img-src 'self' https: data:; object-src 'none'; script-src https:; "
                        + "style-src 'self' https: 'unsafe-inline'")));
    }

    @Test
    void helmetDefaultOnlyGetsTheSelfAllowlistWarning() {
        assertEquals(List.of(
                "SCRIPT_ALLOWLIST_BYPASS MEDIUM_MAYBE script-src 'self'",
                "REQUIRE_TRUSTED_TYPES_FOR_SCRIPTS INFO require-trusted-types-for"),
                summary(defaultAndStrict.validate("default-src 'self';base-uri 'self';font-src 'self' https: data:;"
                        + "form-action 'self';frame-ancestors 'self';img-src 'self' data:;object-src 'none';"
                        + "script-src 'self';script-src-attr 'none';style-src 'self' https: 'unsafe-inline';"
                        + "upgrade-insecure-requests")));
    }

    @Test
    void aStrictNoncePolicyIsCleanApartFromIgnoredFallbacks() {
        List<CspFinding> findings = validator.validate("script-src 'nonce-r4nd0mR4nd0mR4nd0m' 'strict-dynamic' "
                + "'unsafe-inline' https:; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'; "
                + "report-uri https://csp.example.com/r; report-to csp");
        assertEquals(List.of(
                "IGNORED NONE script-src 'unsafe-inline'",
                "IGNORED NONE script-src https:"), summary(findings));
    }

    @Test
    void theDefaultChecksSeeTheEffectivePolicyAndTheStrictChecksTheWrittenOne() {
        List<String> findings = summary(validator.validate("script-src 'nonce-r4nd0mR4nd0m' 'unsafe-inline'; "
                + "object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'; report-uri /r"));
        assertEquals(List.of("IGNORED NONE script-src 'unsafe-inline'"), findings);
    }

    @Test
    void parserFindingsComeFirstAndAreNotRepeatedByChecks() {
        assertEquals(List.of(
                "INVALID_KEYWORD SYNTAX script-src self",
                "INVALID_SOURCE_EXPRESSION SYNTAX script-src //cdn.example.com",
                "NONE_WITH_OTHER_SOURCES SYNTAX object-src 'none'",
                "DUPLICATE_DIRECTIVE SYNTAX script-src",
                "NON_ASCII_DIRECTIVE SYNTAX img-src",
                "SCRIPT_ALLOWLIST_BYPASS MEDIUM_MAYBE script-src //cdn.example.com",
                "MISSING_SEMICOLON SYNTAX object-src base-uri"),
                summary(validator.withFamilies(Set.of(CheckFamily.DEFAULT)).validate(
                        "script-src self //cdn.example.com; object-src 'none' base-uri; Script-Src 'none'; "
                                + "img-src bücher.example")));
    }

    @Test
    void familiesCanBeSelected() {
        CspValidator reporting = validator.withFamilies(Set.of(CheckFamily.REPORTING));
        assertEquals(Set.of(CheckFamily.REPORTING), reporting.families());
        assertEquals(List.of("REPORTING_DESTINATION_MISSING INFO report-uri"),
                summary(reporting.validate("script-src 'unsafe-inline'")));
        assertThrows(IllegalArgumentException.class, () -> validator.withFamilies(Set.of()));
    }

    @Test
    void aProblemSeenByParserAndCheckIsListedOnce() {
        String policy = "script-src 'unsafe-inline' 'foo'";
        List<String> fromPolicy = summary(validator.validate(CspParser.parse(policy).policy()));
        List<String> fromString = summary(validator.validate(policy));
        assertTrue(fromPolicy.contains("INVALID_KEYWORD SYNTAX script-src 'foo'"));
        assertEquals(Set.copyOf(fromPolicy), Set.copyOf(fromString));
        assertEquals(fromPolicy.size(), fromString.size());
    }

    @Test
    void everyFindingExplainsItselfAndSaysWhatToDo() {
        List<CspFinding> findings = CspValidator.standard().validate("script-src 'unsafe-inline' 'unsafe-eval' "
                + "'unsafe-hashes' data: * http://10.0.0.1 self 'nonce-a$' 'strict-dynamic' ajax.googleapis.com; "
                + "object-src 'self'; reflected-xss; foo-src; script-src; report-to x; img-src 'none' a.com; "
                + "img-src; style-src //x");
        assertTrue(findings.size() > 15, () -> String.join("\n", summary(findings)));
        for (CspFinding finding : findings) {
            assertFalse(finding.message().isBlank(), finding::toString);
            assertFalse(finding.fix().isBlank(), finding::toString);
        }
    }

    @Test
    void neverThrowsOnGarbage() {
        for (String garbage : new String[] {"", ";;;", "'", "\u0000\u00ff", "script-src '", "*:*:*", "a:b:c://d",
                "script-src 'nonce-'", "script-src https://[", "object-src %zz", null}) {
            validator.validate(garbage);
        }
    }
}
