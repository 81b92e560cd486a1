package org.secheaders.domain.csp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.secheaders.domain.csp.CspParseFinding.Kind;
import org.secheaders.domain.csp.SourceExpression.Hash;
import org.secheaders.domain.csp.SourceExpression.Host;
import org.secheaders.domain.csp.SourceExpression.Keyword;
import org.secheaders.domain.csp.SourceExpression.Nonce;
import org.secheaders.domain.csp.SourceExpression.Scheme;
import org.secheaders.domain.csp.SourceExpression.Token;

class CspParserTest {

    private static List<SourceExpression> sources(String policy) {
        return CspParser.parse(policy).policy().directives().get(0).sources();
    }

    private static SourceExpression source(String token) {
        return sources("script-src " + token).get(0);
    }

    private static List<Kind> kinds(String policy) {
        return CspParser.parse(policy).findings().stream().map(CspParseFinding::kind).toList();
    }

    private static Host host(String scheme, String host, String port, String path) {
        return new Host(Optional.ofNullable(scheme), host, Optional.ofNullable(port), path);
    }

    @Nested
    class Directives {
        @Test
        void splitsOnSemicolonsAndSkipsEmptyDirectives() {
            CspPolicy policy = CspParser.parse(" ;; default-src 'self' ;\t; img-src *;  ").policy();
            assertEquals(List.of("default-src", "img-src"), policy.directives().stream().map(CspDirective::name).toList());
        }

        @Test
        void namesAreLowerCased() {
            assertTrue(CspParser.parse("Script-SRC 'self'").policy().has("script-src"));
        }

        @Test
        void aRepeatedDirectiveKeepsTheFirstAndIsReported() {
            CspParseResult result = CspParser.parse("script-src 'self'; SCRIPT-SRC *");
            assertEquals("script-src 'self'", result.policy().serialize());
            assertEquals(List.of(CspParseFinding.ofDirective(Kind.DUPLICATE_DIRECTIVE, "script-src",
                    result.findings().get(0).message())), result.findings());
        }

        @Test
        void splitsValuesOnAsciiWhitespaceOnly() {
            assertEquals(List.of(new Keyword(CspKeyword.SELF), host(null, "a.com", null, ""), new Scheme("https")),
                    sources("script-src\t'self'\n a.com\f\r https:"));
            // U+000B is not ASCII whitespace, so it glues name and value into one (unknown) directive name.
            assertEquals("script-src\u000b'self'", CspParser.parse("script-src\u000b'self'").policy().directives().get(0).name());
        }

        @Test
        void aNonAsciiDirectiveIsDroppedAndReported() {
            CspParseResult result = CspParser.parse("img-src bücher.example; script-src 'self'");
            assertEquals("script-src 'self'", result.policy().serialize());
            assertEquals(List.of(Kind.NON_ASCII_DIRECTIVE), kinds("img-src bücher.example; script-src 'self'"));
        }

        @Test
        void directivesWithoutValuesAreKept() {
            assertEquals("upgrade-insecure-requests; script-src",
                    CspParser.parse("upgrade-insecure-requests; script-src").policy().serialize());
        }

        @Test
        void neverThrows() {
            for (String input : new String[] {null, "", ";", "'", "\u0000", "😀 'self'", "a:b:c://d", ",;,"}) {
                CspParser.parse(input);
                CspParser.parseHeader(input);
            }
        }
    }

    @Nested
    class SourceExpressions {
        @Test
        void keywordsAreCaseInsensitive() {
            assertEquals(new Keyword(CspKeyword.STRICT_DYNAMIC), source("'Strict-Dynamic'"));
        }

        @Test
        void nonceKeepsTheCaseOfItsValueOnly() {
            assertEquals(new Nonce("AbC+/_-="), source("'NONCE-AbC+/_-='"));
        }

        @Test
        void hashAlgorithmsAreCaseInsensitive() {
            assertEquals(new Hash("sha384", "AbC=="), source("'SHA384-AbC=='"));
            assertEquals(new Hash("sha512", "x"), source("'sha512-x'"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"'nonce-'", "'nonce-a$'", "'nonce-abc==='", "'sha256-'", "'sha1-abc'", "'foo'", "'"})
        void malformedQuotedTokensAreKeptAndReported(String token) {
            assertEquals(new Token(token), source(token));
            assertEquals(List.of(Kind.INVALID_KEYWORD), kinds("script-src " + token));
        }

        @Test
        void schemesAreLowerCased() {
            assertEquals(new Scheme("https"), source("HTTPS:"));
            assertEquals(new Scheme("web+foo.bar-1"), source("web+foo.bar-1:"));
        }

        @Test
        void hostSourcesKeepPathCase() {
            assertEquals(host(null, "*.example.com", "443", "/Path/To/"), source("*.EXAMPLE.com:443/Path/To/"));
            assertEquals(host("https", "*", "*", ""), source("HTTPS://*:*"));
        }

        @Test
        void pathsFollowRfc3986() {
            assertEquals(host(null, "example.com.", null, "/a%2Fb/"), source("example.com./a%2Fb/"));
            assertEquals(host(null, "a.com", null, "/"), source("a.com/"));
            assertEquals(new Token("a.com//x"), source("a.com//x"));
            assertEquals(new Token("a.com/%zz"), source("a.com/%zz"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"//*", "https://", "*.", "a..b", "https://[::1]", "*:", "a.com:8o", "ex_ample.com", "*a.com"})
        void invalidSourcesAreKeptAsTokensAndReported(String token) {
            assertEquals(new Token(token), source(token));
            assertEquals(List.of(Kind.INVALID_SOURCE), kinds("script-src " + token));
        }

        @Test
        void anUnquotedKeywordIsAHostWithAFinding() {
            assertEquals(host(null, "self", null, ""), source("self"));
            assertEquals(List.of(Kind.UNQUOTED_KEYWORD, Kind.UNQUOTED_KEYWORD, Kind.UNQUOTED_KEYWORD),
                    kinds("script-src SELF nonce-abc sha256-abc selfie.example.com"));
        }

        @Test
        void noneNextToOtherSourcesIsReported() {
            assertEquals(List.of(Kind.NONE_WITH_OTHER_SOURCES), kinds("object-src 'none' 'self'"));
            assertEquals(List.of(), kinds("object-src 'none'"));
        }

        @Test
        void directivesWithoutASourceListKeepTokensVerbatim() {
            assertEquals(List.of(new Token("/CSP-Report"), new Token("'self'")), sources("report-uri /CSP-Report 'self'"));
            assertEquals(List.of(new Token("Allow-Scripts")), sources("sandbox Allow-Scripts"));
            assertEquals(List.of(new Token("'script'")), sources("require-trusted-types-for 'script'"));
            assertEquals(List.of(new Token("'SELF'")), sources("x-unknown 'SELF'"));
            assertEquals(List.of(), kinds("trusted-types 'allow-duplicates' policy1; report-to Main"));
        }
    }

    @Nested
    class Headers {
        @Test
        void aHeaderValueSplitsIntoPoliciesOnCommas() {
            List<CspParseResult> policies = CspParser.parseHeader("script-src 'self', object-src 'none' ,, ; ,");
            assertEquals(List.of("script-src 'self'", "object-src 'none'"),
                    policies.stream().map(r -> r.policy().serialize()).toList());
        }

        @Test
        void aPolicyThatOnlyHasFindingsIsKept() {
            List<CspParseResult> policies = CspParser.parseHeader("script-src 'self', img-src bücher.example");
            assertEquals(2, policies.size());
            assertTrue(policies.get(1).policy().directives().isEmpty());
            assertEquals(Kind.NON_ASCII_DIRECTIVE, policies.get(1).findings().get(0).kind());
        }
    }

    @Test
    void serializeIsCanonical() {
        String written = "DEFAULT-SRC 'SELF'  HTTPS://CDN.Example.com:443/Lib/;script-src 'NONCE-Ab=' 'Sha256-Xy'";
        assertEquals("default-src 'self' https://cdn.example.com:443/Lib/; script-src 'nonce-Ab=' 'sha256-Xy'",
                CspParser.parse(written).policy().serialize());
    }
}
