package org.secheaders.domain.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.secheaders.domain.validation.Findings.summary;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StrictCspChecksTest {

    @Nested
    class StrictDynamic {
        private final CspCheck check = new StrictDynamicCheck();

        @Test
        void anAllowlistWithoutStrictDynamicIsReported() {
            assertEquals(List.of("STRICT_DYNAMIC STRICT_CSP script-src"), summary(check, "script-src 'self' example.com"));
            assertEquals(List.of("STRICT_DYNAMIC STRICT_CSP default-src"), summary(check, "default-src https:"));
        }

        @Test
        void strictDynamicOrNoAllowlistPasses() {
            assertEquals(List.of(), summary(check, "script-src 'nonce-abcdefgh' 'strict-dynamic' https:"));
            assertEquals(List.of(), summary(check, "script-src 'self' 'nonce-abcdefgh' 'unsafe-inline'"));
            assertEquals(List.of(), summary(check, "object-src 'none'"));
        }
    }

    @Nested
    class StrictDynamicNotStandalone {
        private final CspCheck check = new StrictDynamicNotStandaloneCheck();

        @Test
        void strictDynamicNeedsANonceOrHash() {
            assertEquals(List.of("STRICT_DYNAMIC_NOT_STANDALONE INFO script-src"),
                    summary(check, "script-src 'strict-dynamic' https:"));
            assertEquals(List.of("STRICT_DYNAMIC_NOT_STANDALONE INFO script-src"),
                    summary(check, "script-src 'strict-dynamic' 'nonce-a$b'"));
            assertEquals(List.of(), summary(check, "script-src 'strict-dynamic' 'nonce-abcdefgh'"));
            assertEquals(List.of(), summary(check, "script-src 'strict-dynamic' 'sha256-abc='"));
            assertEquals(List.of(), summary(check, "script-src 'self'"));
        }
    }

    @Nested
    class UnsafeInlineFallback {
        private final CspCheck check = new UnsafeInlineFallbackCheck();

        @Test
        void noncesAndHashesWantAnUnsafeInlineFallback() {
            assertEquals(List.of("UNSAFE_INLINE_FALLBACK STRICT_CSP script-src"),
                    summary(check, "script-src 'nonce-abcdefgh'"));
            assertEquals(List.of("UNSAFE_INLINE_FALLBACK STRICT_CSP default-src"),
                    summary(check, "default-src 'sha256-abc='"));
            assertEquals(List.of(), summary(check, "script-src 'nonce-abcdefgh' 'unsafe-inline'"));
            assertEquals(List.of(), summary(check, "script-src 'self'"));
        }
    }

    @Nested
    class AllowlistFallback {
        private final CspCheck check = new AllowlistFallbackCheck();

        @Test
        void strictDynamicWantsAnAllowlistFallback() {
            assertEquals(List.of("ALLOWLIST_FALLBACK STRICT_CSP script-src"),
                    summary(check, "script-src 'nonce-abcdefgh' 'strict-dynamic' 'self'"));
            assertEquals(List.of(), summary(check, "script-src 'nonce-abcdefgh' 'strict-dynamic' https:"));
            assertEquals(List.of(), summary(check, "script-src 'nonce-abcdefgh' 'strict-dynamic' *"));
            assertEquals(List.of(), summary(check, "script-src 'nonce-abcdefgh' 'strict-dynamic' cdn.example.com"));
            assertEquals(List.of(), summary(check, "script-src 'nonce-abcdefgh'"));
        }
    }

    @Nested
    class RequireTrustedTypes {
        private final CspCheck check = new RequireTrustedTypesCheck();

        @Test
        void trustedTypesForScriptsAreRecommended() {
            assertEquals(List.of("REQUIRE_TRUSTED_TYPES_FOR_SCRIPTS INFO require-trusted-types-for"),
                    summary(check, "script-src 'self'; require-trusted-types-for 'style'"));
            assertEquals(List.of(), summary(check, "require-trusted-types-for 'script'"));
        }
    }

    @Nested
    class ReportingDestination {
        private final CspCheck check = new ReportingDestinationCheck();

        @Test
        void reportUriIsExpectedNextToReportTo() {
            assertEquals(List.of("REPORTING_DESTINATION_MISSING INFO report-uri"), summary(check, "script-src 'self'"));
            assertEquals(List.of("REPORT_TO_ONLY INFO report-to"), summary(check, "report-uri; report-to csp"));
            assertEquals(List.of(), summary(check, "report-uri /csp"));
            assertEquals(List.of(), summary(check, "report-uri /csp; report-to csp"));
        }
    }
}
