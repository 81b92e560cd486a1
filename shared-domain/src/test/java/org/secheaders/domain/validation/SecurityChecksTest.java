package org.secheaders.domain.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secheaders.domain.validation.Findings.run;
import static org.secheaders.domain.validation.Findings.summary;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SecurityChecksTest {

    @Nested
    class ScriptUnsafeInline {
        private final CspCheck check = new ScriptUnsafeInlineCheck();

        @Test
        void reportsEachScriptDirectiveThatAllowsInlineScript() {
            assertEquals(List.of(
                    "SCRIPT_UNSAFE_INLINE HIGH script-src 'unsafe-inline'",
                    "SCRIPT_UNSAFE_INLINE HIGH script-src-attr 'unsafe-inline'"),
                    summary(check, "script-src 'unsafe-inline'; script-src-attr 'unsafe-inline'; "
                            + "script-src-elem 'self'"));
        }

        @Test
        void fallsBackToDefaultSrcOnlyWhenNoScriptDirectiveIsSet() {
            assertEquals(List.of("SCRIPT_UNSAFE_INLINE HIGH default-src 'unsafe-inline'"),
                    summary(check, "default-src 'unsafe-inline'"));
            assertEquals(List.of(), summary(check, "default-src 'unsafe-inline'; script-src 'self'"));
        }

        @Test
        void styleDirectivesAreNotItsConcern() {
            assertEquals(List.of(), summary(check, "script-src 'self'; style-src 'unsafe-inline'"));
        }

        @Test
        void unsafeHashesIsAMediumMaybe() {
            assertEquals(List.of("SCRIPT_UNSAFE_HASHES MEDIUM_MAYBE script-src 'unsafe-hashes'"),
                    summary(check, "script-src 'unsafe-hashes' 'sha256-abc='"));
        }
    }

    @Nested
    class ScriptUnsafeEval {
        private final CspCheck check = new ScriptUnsafeEvalCheck();

        @Test
        void reportsUnsafeEvalInEffectiveScriptDirectives() {
            assertEquals(List.of(
                    "SCRIPT_UNSAFE_EVAL MEDIUM_MAYBE default-src 'unsafe-eval'"),
                    summary(check, "default-src 'self' 'unsafe-eval'"));
            assertEquals(List.of("SCRIPT_UNSAFE_EVAL MEDIUM_MAYBE script-src-elem 'unsafe-eval'"),
                    summary(check, "script-src 'self'; script-src-elem 'unsafe-eval'"));
        }

        @Test
        void wasmUnsafeEvalIsNotUnsafeEval() {
            assertEquals(List.of(), summary(check, "script-src 'self' 'wasm-unsafe-eval'"));
        }
    }

    @Nested
    class PlainUrlSchemes {
        private final CspCheck check = new PlainUrlSchemesCheck();

        @Test
        void reportsSchemesThatAllowAnyScript() {
            assertEquals(List.of(
                    "PLAIN_URL_SCHEMES HIGH script-src data:",
                    "PLAIN_URL_SCHEMES HIGH script-src http:",
                    "PLAIN_URL_SCHEMES HIGH script-src https:",
                    "PLAIN_URL_SCHEMES HIGH base-uri https:"),
                    summary(check, "script-src data: http: HTTPS: blob: ftp:; base-uri https:; object-src 'none'"));
        }

        @Test
        void baseUriDoesNotFallBackToDefaultSrc() {
            assertEquals(List.of(), summary(check, "default-src https:; script-src 'none'; object-src 'none'"));
        }

        @Test
        void passiveContentIsNotItsConcern() {
            assertEquals(List.of(), summary(check, "script-src 'self'; object-src 'none'; img-src https: data:"));
        }
    }

    @Nested
    class Wildcards {
        private final CspCheck check = new WildcardCheck();

        @Test
        void reportsBareWildcardsWithOrWithoutScheme() {
            assertEquals(List.of(
                    "PLAIN_WILDCARD HIGH object-src *",
                    "PLAIN_WILDCARD HIGH object-src https://*",
                    "PLAIN_WILDCARD HIGH object-src //*"),
                    summary(check, "object-src * https://* //*; script-src 'none'; base-uri 'none'"));
        }

        @Test
        void subdomainAndPortWildcardsAreNotBare() {
            assertEquals(List.of(), summary(check,
                    "script-src *.example.com example.com:*; object-src 'none'; base-uri 'none'; img-src *"));
        }
    }

    @Nested
    class MissingDirectives {
        private final CspCheck objectSrc = new MissingObjectSrcCheck();
        private final CspCheck scriptSrc = new MissingScriptSrcCheck();
        private final CspCheck baseUri = new MissingBaseUriCheck();

        @Test
        void objectSrcMayComeFromDefaultSrcButMustNotBeEmpty() {
            assertEquals(List.of("MISSING_DIRECTIVES HIGH object-src"), summary(objectSrc, "script-src 'none'"));
            assertEquals(List.of("MISSING_DIRECTIVES HIGH object-src"), summary(objectSrc, "object-src"));
            assertEquals(List.of("MISSING_DIRECTIVES HIGH object-src"), summary(objectSrc, "default-src"));
            assertEquals(List.of(), summary(objectSrc, "default-src 'self'"));
            assertEquals(List.of(), summary(objectSrc, "object-src 'self'"));
        }

        @Test
        void scriptSrcMayComeFromDefaultSrc() {
            assertEquals(List.of("MISSING_DIRECTIVES HIGH script-src"), summary(scriptSrc, "object-src 'none'"));
            assertEquals(List.of(), summary(scriptSrc, "default-src 'none'"));
            assertEquals(List.of(), summary(scriptSrc, "script-src"));
        }

        @Test
        void baseUriIsNeededWithNoncesOrWithHashesAndStrictDynamic() {
            assertEquals(List.of("MISSING_DIRECTIVES HIGH base-uri"), summary(baseUri, "script-src 'nonce-abc'"));
            assertEquals(List.of("MISSING_DIRECTIVES HIGH base-uri"), summary(baseUri, "default-src 'nonce-abc'"));
            assertEquals(List.of("MISSING_DIRECTIVES HIGH base-uri"),
                    summary(baseUri, "script-src 'sha256-abc' 'strict-dynamic'"));
            assertEquals(List.of(), summary(baseUri, "script-src 'sha256-abc'"));
            assertEquals(List.of(), summary(baseUri, "script-src 'nonce-abc'; base-uri 'self'"));
        }

        @Test
        void aMalformedNonceDoesNotCount() {
            assertEquals(List.of(), summary(baseUri, "script-src 'nonce-a$c'"));
        }
    }

    @Nested
    class ScriptAllowlistBypass {
        private final AllowlistBypasses bypasses = AllowlistBypasses.of(
                List.of("//jsonp.example.com/api/callback", "//tags.example.net/gtm.js"),
                List.of("tags.example.net"),
                List.of("//cdn.example.org/libs/angular/1.8.3/angular.js"),
                List.of());
        private final CspCheck check = new ScriptAllowlistBypassCheck(bypasses);

        @Test
        void knownJsonpAndAngularHostsAreHigh() {
            assertEquals(List.of(
                    "SCRIPT_ALLOWLIST_BYPASS HIGH script-src https://jsonp.example.com",
                    "SCRIPT_ALLOWLIST_BYPASS HIGH script-src cdn.example.org:443"),
                    summary(check, "script-src https://jsonp.example.com cdn.example.org:443"));
        }

        @Test
        void otherHostsAndSelfAreMediumMaybe() {
            assertEquals(List.of(
                    "SCRIPT_ALLOWLIST_BYPASS MEDIUM_MAYBE script-src 'self'",
                    "SCRIPT_ALLOWLIST_BYPASS MEDIUM_MAYBE script-src static.example.com"),
                    summary(check, "script-src 'self' static.example.com"));
        }

        @Test
        void subdomainWildcardsMatchProperSubdomainsOnly() {
            assertEquals(List.of("SCRIPT_ALLOWLIST_BYPASS HIGH script-src *.example.com"),
                    summary(check, "script-src *.example.com"));
            assertEquals(List.of("SCRIPT_ALLOWLIST_BYPASS MEDIUM_MAYBE script-src *.jsonp.example.com"),
                    summary(check, "script-src *.jsonp.example.com"));
        }

        @Test
        void pathsMatchByPrefixWhenTheyEndInASlashAndExactlyOtherwise() {
            assertEquals(List.of(
                    "SCRIPT_ALLOWLIST_BYPASS HIGH script-src cdn.example.org/libs/",
                    "SCRIPT_ALLOWLIST_BYPASS HIGH script-src cdn.example.org/libs/angular/1.8.3/angular.js",
                    "SCRIPT_ALLOWLIST_BYPASS MEDIUM_MAYBE script-src cdn.example.org/libs",
                    "SCRIPT_ALLOWLIST_BYPASS MEDIUM_MAYBE script-src cdn.example.org/other/"),
                    summary(check, "script-src cdn.example.org/libs/ cdn.example.org/libs/angular/1.8.3/angular.js "
                            + "cdn.example.org/libs cdn.example.org/other/"));
        }

        @Test
        void someJsonpHostsOnlyMatterWithUnsafeEval() {
            assertEquals(List.of("SCRIPT_ALLOWLIST_BYPASS MEDIUM_MAYBE script-src tags.example.net"),
                    summary(check, "script-src tags.example.net"));
            assertEquals(List.of("SCRIPT_ALLOWLIST_BYPASS HIGH script-src tags.example.net"),
                    summary(check, "script-src tags.example.net 'unsafe-eval'"));
        }

        @Test
        void skipsKeywordsSchemesDotlessNamesAndNoneLists() {
            assertEquals(List.of(), summary(check, "script-src 'nonce-abcdefgh' https: localhost 'unsafe-eval'"));
            assertEquals(List.of(), summary(check, "script-src jsonp.example.com 'none'"));
        }

        @Test
        void checksScriptSrcElemButNotScriptSrcAttr() {
            assertEquals(List.of("SCRIPT_ALLOWLIST_BYPASS HIGH script-src-elem jsonp.example.com"),
                    summary(check, "script-src 'none'; script-src-elem jsonp.example.com; "
                            + "script-src-attr jsonp.example.com"));
        }

        @Test
        void theHighFindingNamesTheHost() {
            CspFinding finding = run(check, "script-src *.example.org").get(0);
            assertTrue(finding.message().startsWith("cdn.example.org is known to host AngularJS"), finding.message());
        }
    }

    @Nested
    class FlashObjectAllowlistBypass {
        private final CspCheck check = new FlashObjectAllowlistBypassCheck(AllowlistBypasses.of(
                List.of(), List.of(), List.of(), List.of("//swf.example.com/player.swf")));

        @Test
        void knownFlashHostsAreHighAndOtherObjectSourcesMediumMaybe() {
            assertEquals(List.of(
                    "OBJECT_ALLOWLIST_BYPASS HIGH object-src https://swf.example.com",
                    "OBJECT_ALLOWLIST_BYPASS MEDIUM_MAYBE object-src 'self'"),
                    summary(check, "object-src https://swf.example.com 'self'"));
        }

        @Test
        void viaDefaultSrcOnlyKnownHostsAreReported() {
            assertEquals(List.of("OBJECT_ALLOWLIST_BYPASS HIGH default-src *.example.com"),
                    summary(check, "default-src 'self' *.example.com"));
        }

        @Test
        void noneOrPluginTypesWithoutFlashSilenceIt() {
            assertEquals(List.of(), summary(check, "object-src swf.example.com 'none'"));
            assertEquals(List.of(), summary(check, "object-src swf.example.com; plugin-types application/pdf"));
            assertEquals(List.of("OBJECT_ALLOWLIST_BYPASS HIGH object-src swf.example.com"),
                    summary(check, "object-src swf.example.com; plugin-types application/x-shockwave-flash"));
        }
    }

    @Nested
    class IpSource {
        private final CspCheck check = new IpSourceCheck();

        @Test
        void reportsIpLiteralsAndLocalhostInAnyDirective() {
            assertEquals(List.of(
                    "IP_SOURCE INFO img-src 8.8.8.8",
                    "IP_SOURCE INFO img-src http://127.0.0.1:8080/x",
                    "IP_SOURCE INFO img-src https://[::1]",
                    "IP_SOURCE INFO report-uri https://10.0.0.1/csp"),
                    summary(check, "img-src 8.8.8.8 http://127.0.0.1:8080/x https://[::1] ip.example.com; "
                            + "report-uri https://10.0.0.1/csp"));
        }

        @Test
        void localhostHasItsOwnMessage() {
            assertTrue(run(check, "img-src 127.0.0.1").get(0).message().contains("localhost"));
        }

        @Test
        void threeNumbersAreNoAddress() {
            assertEquals(List.of(), summary(check, "img-src 1.2.3 1.2.3.4.5"));
        }
    }

    @Nested
    class NonceLength {
        private final CspCheck check = new NonceLengthCheck();

        @Test
        void eightCharactersIsTheMinimum() {
            assertEquals(List.of("NONCE_LENGTH MEDIUM script-src 'nonce-1234567'"),
                    summary(check, "script-src 'nonce-1234567'"));
            assertEquals(List.of(), summary(check, "script-src 'nonce-12345678'"));
        }

        @Test
        void nonBase64NoncesAreReported() {
            assertEquals(List.of(
                    "NONCE_LENGTH MEDIUM style-src 'nonce-a$'",
                    "NONCE_CHARSET INFO style-src 'nonce-a$'",
                    "NONCE_CHARSET INFO style-src 'nonce-***long***'"),
                    summary(check, "style-src 'nonce-a$' 'nonce-***long***'"));
        }
    }

    @Nested
    class SrcHttp {
        private final CspCheck check = new SrcHttpCheck();

        @Test
        void reportsHttpHostsAndTheHttpScheme() {
            assertEquals(List.of(
                    "SRC_HTTP MEDIUM img-src http://cdn.example.com",
                    "SRC_HTTP MEDIUM img-src http:",
                    "SRC_HTTP MEDIUM report-uri http://collector.example.com/csp"),
                    summary(check, "img-src HTTP://cdn.example.com http: https: https://a.example.com "
                            + "ws://socket.example.com; report-uri http://collector.example.com/csp"));
        }

        @Test
        void reportUriGetsItsOwnFix() {
            assertEquals("Send reports to an https:// endpoint.",
                    run(check, "report-uri http://collector.example.com/csp").get(0).fix());
        }
    }

    @Nested
    class DeprecatedDirective {
        private final CspCheck check = new DeprecatedDirectiveCheck();

        @Test
        void reportsDirectivesBrowsersDropped() {
            assertEquals(List.of(
                    "DEPRECATED_DIRECTIVE INFO reflected-xss",
                    "DEPRECATED_DIRECTIVE INFO referrer",
                    "DEPRECATED_DIRECTIVE INFO disown-opener",
                    "DEPRECATED_DIRECTIVE INFO prefetch-src"),
                    summary(check, "reflected-xss block; referrer origin; disown-opener; prefetch-src 'self'"));
        }

        @Test
        void reportingDirectivesAreNotDeprecatedHere() {
            assertEquals(List.of(), summary(check, "report-uri /csp; report-to csp"));
        }
    }
}
