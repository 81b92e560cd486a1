package org.secheaders.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The typed header values: parsing, canonical rendering and the strictness order of each. */
class HeaderValuesTest {

    @Nested
    class Hsts {
        private final StrictTransportSecurity twoYears = StrictTransportSecurity.parse("max-age=63072000; includeSubDomains");

        @Test
        void parsesCaseInsensitivelyAndRendersCanonically() {
            StrictTransportSecurity parsed = StrictTransportSecurity.parse(" MAX-AGE=\"63072000\" ;includesubdomains; Preload ");

            assertEquals(new StrictTransportSecurity(63072000, true, true), parsed);
            assertEquals("max-age=63072000; includeSubDomains; preload", parsed.value());
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "includeSubDomains", "max-age=1, max-age=2", "max-age=-1", "max-age=1; max-age=2",
                "max-age=1; includeSubdomain", "max-age=abc", "max-age=1\r\nSet-Cookie: x"})
        void rejectsInvalidValues(String raw) {
            assertThrows(IllegalArgumentException.class, () -> HeaderKind.STRICT_TRANSPORT_SECURITY.parse(raw));
        }

        @Test
        void maxAgeJustUnderTheReferenceIsWeakerAndAtItIsNot() {
            assertEquals(List.of("max-age"), new StrictTransportSecurity(63071999, true, false).weakerThan(twoYears));
            assertEquals(List.of(), new StrictTransportSecurity(63072000, true, false).weakerThan(twoYears));
            assertEquals(List.of(), new StrictTransportSecurity(63072001, true, true).weakerThan(twoYears));
        }

        @Test
        void droppingIncludeSubDomainsOrPreloadIsWeaker() {
            assertEquals(List.of("includesubdomains"), new StrictTransportSecurity(63072000, false, false).weakerThan(twoYears));
            StrictTransportSecurity preloaded = new StrictTransportSecurity(63072000, true, true);
            assertEquals(List.of("max-age", "preload"), new StrictTransportSecurity(1, true, false).weakerThan(preloaded));
        }
    }

    @Nested
    class Ranked {
        @Test
        void parsesCaseInsensitivelyAndRendersLowerCase() {
            assertEquals(FrameOptions.DENY, HeaderKind.X_FRAME_OPTIONS.parse(" DENY "));
            assertEquals("same-origin-allow-popups", HeaderKind.CROSS_ORIGIN_OPENER_POLICY.parse("Same-Origin-Allow-Popups").value());
            assertEquals(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, HeaderKind.REFERRER_POLICY.parse("strict-origin-when-cross-origin"));
        }

        @Test
        void unknownValuesNameTheHeaderTheValueAndTheAllowedOnes() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> HeaderKind.X_FRAME_OPTIONS.parse("ALLOW-FROM https://a.example"));
            assertEquals("X-Frame-Options: 'ALLOW-FROM https://a.example' is not one of [deny, sameorigin]", e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> HeaderKind.X_CONTENT_TYPE_OPTIONS.parse("sniff"));
            assertThrows(IllegalArgumentException.class, () -> HeaderKind.CROSS_ORIGIN_EMBEDDER_POLICY.parse("require-corp; report-to=x"));
        }

        @Test
        void laterConstantsAreWeakerAndTheTokenIsTheWeakerValue() {
            assertEquals(List.of("sameorigin"), FrameOptions.SAMEORIGIN.weakerThan(FrameOptions.DENY));
            assertEquals(List.of(), FrameOptions.DENY.weakerThan(FrameOptions.SAMEORIGIN));
            assertEquals(List.of("credentialless"), CrossOriginEmbedderPolicy.CREDENTIALLESS.weakerThan(CrossOriginEmbedderPolicy.REQUIRE_CORP));
            assertEquals(List.of(), CrossOriginOpenerPolicy.SAME_ORIGIN.weakerThan(CrossOriginOpenerPolicy.SAME_ORIGIN));
            assertEquals(List.of("unsafe-url"), ReferrerPolicy.UNSAFE_URL.weakerThan(ReferrerPolicy.NO_REFERRER_WHEN_DOWNGRADE));
            assertEquals(List.of(), ReferrerPolicy.SAME_ORIGIN.weakerThan(ReferrerPolicy.STRICT_ORIGIN));
            assertEquals(List.of("same-site"), CrossOriginResourcePolicy.SAME_SITE.weakerThan(CrossOriginResourcePolicy.SAME_ORIGIN));
        }
    }

    @Nested
    class Permissions {
        private final PermissionsPolicy denyCamera = PermissionsPolicy.parse("camera=(), geolocation=(self)");

        @Test
        void parsesAllowlistFormsAndRendersCanonically() {
            PermissionsPolicy parsed = PermissionsPolicy.parse("camera=(), fullscreen=self, payment=*, usb=(self \"https://a.example:8443\")");

            assertEquals("camera=(), fullscreen=(self), payment=*, usb=(self \"https://a.example:8443\")", parsed.value());
        }

        @ParameterizedTest
        @ValueSource(strings = {"camera", "Camera=()", "camera=(), camera=(self)", "camera=(src)",
                "camera=(https://a.example)", "camera=(\"javascript:alert(1)\")", "camera=()\r\nx: y"})
        void rejectsInvalidValues(String raw) {
            assertThrows(IllegalArgumentException.class, () -> HeaderKind.PERMISSIONS_POLICY.parse(raw));
        }

        @Test
        void wideningOrDroppingAFeatureIsWeakerNarrowingIsNot() {
            assertEquals(List.of("camera"), PermissionsPolicy.parse("camera=(self), geolocation=(self)").weakerThan(denyCamera));
            assertEquals(List.of("camera"), PermissionsPolicy.parse("geolocation=()").weakerThan(denyCamera));
            assertEquals(List.of("geolocation"), PermissionsPolicy.parse("camera=(), geolocation=*").weakerThan(denyCamera));
            assertEquals(List.of(), PermissionsPolicy.parse("camera=(), geolocation=(), usb=*").weakerThan(denyCamera));
        }

        @Test
        void mergeReplacesNamedFeaturesAndKeepsTheRest() {
            PermissionsPolicy merged = denyCamera.mergedWith(PermissionsPolicy.parse("camera=(self), usb=()"));

            assertEquals("camera=(self), geolocation=(self), usb=()", merged.value());
        }
    }

    @Nested
    class Endpoints {
        @Test
        void parsesAndRendersQuotedUrls() {
            ReportingEndpoints parsed = ReportingEndpoints.parse("csp-endpoint=\"/csp-report\", main=\"https://r.example/a?x=1\"");

            assertEquals(Map.of("csp-endpoint", "/csp-report", "main", "https://r.example/a?x=1"), parsed.endpoints());
            assertEquals("csp-endpoint=\"/csp-report\", main=\"https://r.example/a?x=1\"", parsed.value());
        }

        @ParameterizedTest
        @ValueSource(strings = {"http://r.example/", "//r.example/x", "https://", "/a b", "/a\"b", "/a\\b", "relative",
                "/x\r\nSet-Cookie: a=b", "javascript:alert(1)"})
        void rejectsUrlsThatAreNotHttpsOrAPath(String url) {
            assertThrows(IllegalArgumentException.class, () -> new ReportingEndpoints(Map.of("g", url)));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Main", "a b", "x\r\nSet-Cookie: a", "", "1abc"})
        void rejectsGroupNamesThatAreNotLowerCaseKeys(String group) {
            assertThrows(IllegalArgumentException.class, () -> new ReportingEndpoints(Map.of(group, "/r")));
        }

        @Test
        void droppingOrRepointingAReferenceGroupIsWeaker() {
            ReportingEndpoints platform = new ReportingEndpoints(Map.of("csp-endpoint", "/csp-report"));

            assertEquals(List.of("csp-endpoint"), new ReportingEndpoints(Map.of("csp-endpoint", "https://evil.example/")).weakerThan(platform));
            assertEquals(List.of("csp-endpoint"), new ReportingEndpoints(Map.of("other", "/r")).weakerThan(platform));
            assertTrue(platform.mergedWith(new ReportingEndpoints(Map.of("other", "/r"))).weakerThan(platform).isEmpty());
        }
    }
}
