package org.secheaders.domain.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secheaders.domain.validation.Findings.run;
import static org.secheaders.domain.validation.Findings.summary;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.secheaders.domain.csp.KnownDirective;

class ParserChecksTest {

    @Nested
    class UnknownDirective {
        private final CspCheck check = new UnknownDirectiveCheck();

        @Test
        void everyKnownDirectivePasses() {
            String all = Arrays.stream(KnownDirective.values()).map(KnownDirective::token)
                    .collect(Collectors.joining("; "));
            assertEquals(List.of(), summary(check, all));
        }

        @Test
        void namesAreCaseInsensitive() {
            assertEquals(List.of(), summary(check, "SCRIPT-SRC 'self'; Object-Src 'none'"));
        }

        @Test
        void reportsUnknownNames() {
            assertEquals(List.of("UNKNOWN_DIRECTIVE SYNTAX foobar-src"), summary(check, "foobar-src http:"));
        }

        @Test
        void explainsATrailingColon() {
            CspFinding finding = run(check, "script-src: 'self'").get(0);
            assertEquals("script-src:", finding.directive());
            assertTrue(finding.fix().contains("'script-src' without the colon"), finding.fix());
        }
    }

    @Nested
    class MissingSemicolon {
        private final CspCheck check = new MissingSemicolonCheck();

        @Test
        void reportsADirectiveNameAmongSources() {
            assertEquals(List.of("MISSING_SEMICOLON SYNTAX script-src object-src"),
                    summary(check, "script-src 'self' object-src 'none'"));
        }

        @Test
        void reportsItInTokenDirectivesToo() {
            assertEquals(List.of("MISSING_SEMICOLON SYNTAX report-uri default-src"),
                    summary(check, "report-uri /csp default-src 'self'"));
        }

        @Test
        void hostsThatOnlyResembleDirectivesPass() {
            assertEquals(List.of(), summary(check, "script-src script-src.example.com https://img-src"));
        }
    }

    @Nested
    class InvalidKeyword {
        private final CspCheck check = new InvalidKeywordCheck();

        @Test
        void reportsKeywordsNoncesAndHashesWithoutQuotes() {
            assertEquals(List.of(
                    "INVALID_KEYWORD SYNTAX script-src self",
                    "INVALID_KEYWORD SYNTAX script-src strict-dynamic",
                    "INVALID_KEYWORD SYNTAX script-src nonce-abc",
                    "INVALID_KEYWORD SYNTAX script-src sha384-abc"),
                    summary(check, "script-src self strict-dynamic nonce-abc sha384-abc"));
        }

        @Test
        void hostsStartingLikeKeywordsPass() {
            assertEquals(List.of(), summary(check, "script-src selfie.example.com none.example.com"));
        }

        @Test
        void reportsUnknownQuotedTokensAndMalformedNoncesAndHashes() {
            assertEquals(List.of(
                    "INVALID_KEYWORD SYNTAX script-src 'foo'",
                    "INVALID_KEYWORD SYNTAX script-src 'nonce-a$'",
                    "INVALID_KEYWORD SYNTAX script-src 'sha1-abc'",
                    "INVALID_KEYWORD SYNTAX script-src 'sha256-abc==='"),
                    summary(check, "script-src 'foo' 'nonce-a$' 'sha1-abc' 'sha256-abc==='"));
        }

        @Test
        void validQuotedSourcesPass() {
            assertEquals(List.of(), summary(check,
                    "script-src 'SELF' 'nonce-abc_-+/==' 'sha512-abc=' 'strict-dynamic' 'wasm-unsafe-eval'"));
        }

        @Test
        void trustedTypesDirectivesHaveTheirOwnKeywords() {
            assertEquals(List.of(), summary(check,
                    "require-trusted-types-for 'script'; trusted-types 'allow-duplicates' 'none' policy1"));
            assertEquals(List.of(
                    "INVALID_KEYWORD SYNTAX require-trusted-types-for 'self'",
                    "INVALID_KEYWORD SYNTAX trusted-types 'self'"),
                    summary(check, "require-trusted-types-for 'self'; trusted-types 'self'"));
        }
    }
}
