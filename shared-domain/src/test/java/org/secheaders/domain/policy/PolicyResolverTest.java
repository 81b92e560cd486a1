package org.secheaders.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secheaders.domain.policy.PolicyRows.NOW;
import static org.secheaders.domain.policy.PolicyRows.csp;
import static org.secheaders.domain.policy.PolicyRows.extend;
import static org.secheaders.domain.policy.PolicyRows.grants;
import static org.secheaders.domain.policy.PolicyRows.header;
import static org.secheaders.domain.policy.PolicyRows.override;
import static org.secheaders.domain.policy.PolicyRows.permits;
import static org.secheaders.domain.policy.PolicyRows.reportOnly;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.secheaders.domain.csp.CspPolicy;
import org.secheaders.domain.model.PolicyInheritanceMode;
import org.secheaders.domain.model.PolicyType;
import org.secheaders.domain.model.TenantSecurityPolicy;
import org.secheaders.domain.nonce.SecurityNonce;
import org.secheaders.domain.policy.Resolution.Kind;

class PolicyResolverTest {
    private static final PlatformPolicy PLATFORM = PlatformPolicy.defaults();
    private final PolicyResolver resolver = new PolicyResolver();

    private ResolvedPolicy resolve(PolicyRows... rows) {
        return resolver.resolve(PLATFORM, Arrays.stream(rows).map(PolicyRows::row).toList(), NOW);
    }

    private static String directive(ResolvedPolicy resolved, String name) {
        return resolved.headers().csp().orElseThrow().directive(name).map(d -> d.serialize()).orElse("(absent)");
    }

    private static String reportOnlyDirective(ResolvedPolicy resolved, String name) {
        return resolved.headers().cspReportOnly().orElseThrow().directive(name).map(d -> d.serialize()).orElse("(absent)");
    }

    private static String headerValue(ResolvedPolicy resolved, HeaderKind kind) {
        return resolved.headers().header(kind).orElseThrow().value();
    }

    private static List<Kind> kinds(ResolvedPolicy resolved) {
        return resolved.resolutions().stream().map(Resolution::kind).toList();
    }

    private static void assertBaselineUnchanged(ResolvedPolicy resolved) {
        assertEquals(PLATFORM.baseline(), resolved.headers());
    }

    @Test
    void withoutRowsTheTenantGetsThePlatformBaseline() {
        ResolvedPolicy resolved = resolve();

        assertBaselineUnchanged(resolved);
        assertEquals(List.of(), resolved.resolutions());
    }

    @Test
    void rowsOfSeveralTenantsAreRejected() {
        List<TenantSecurityPolicy> rows = List.of(extend(1, csp("img-src", "https://a.example")).row(),
                extend(2, csp("img-src", "https://b.example")).tenant(2).row());

        assertThrows(IllegalArgumentException.class, () -> resolver.resolve(PLATFORM, rows, NOW));
    }

    @Nested
    class Admission {
        @Test
        void aRowAppliesFromItsFirstInstantUntilJustBeforeItsEnd() {
            PolicyConfig config = csp("img-src", "https://a.example");
            PolicyRows startsNow = extend(1, config).window(NOW, Optional.empty());
            PolicyRows endsJustAfter = extend(2, config).window(NOW.minusSeconds(60), Optional.of(NOW.plusNanos(1)));

            assertEquals(List.of(Kind.APPLIED), kinds(resolve(startsNow)));
            assertEquals(List.of(Kind.APPLIED), kinds(resolve(endsJustAfter)));
        }

        @Test
        void aRowIsIgnoredBeforeItsStartAndFromItsEnd() {
            PolicyConfig config = csp("img-src", "https://a.example");
            PolicyRows future = extend(1, config).window(NOW.plusNanos(1), Optional.empty());
            PolicyRows endsNow = extend(2, config).window(NOW.minusSeconds(60), Optional.of(NOW));

            ResolvedPolicy resolved = resolve(future, endsNow);

            assertEquals(List.of(Kind.IGNORED_OUTSIDE_WINDOW, Kind.IGNORED_OUTSIDE_WINDOW), kinds(resolved));
            assertBaselineUnchanged(resolved);
        }

        @Test
        void inactiveAndDraftRowsAreIgnored() {
            PolicyConfig config = csp("img-src", "https://a.example");

            ResolvedPolicy resolved = resolve(extend(1, config).inactive(), extend(2, config).type(PolicyType.DRAFT));

            assertEquals(List.of(Kind.IGNORED_INACTIVE, Kind.IGNORED_INACTIVE), kinds(resolved));
            assertBaselineUnchanged(resolved);
        }

        @Test
        void inheritRowsKeepTheBaseline() {
            ResolvedPolicy resolved = resolve(extend(1, csp("script-src", "https://a.example")).mode(PolicyInheritanceMode.INHERIT));

            assertEquals(List.of(Kind.IGNORED_NOT_APPLICABLE), kinds(resolved));
            assertBaselineUnchanged(resolved);
        }

        @Test
        void aCspRowAppliesOnlyItsCsp() {
            PolicyConfig config = new PolicyConfig(Map.of("img-src", List.of("https://a.example")), null,
                    Map.of("Referrer-Policy", "no-referrer"), List.of("X-Debug"), null);

            ResolvedPolicy resolved = resolve(extend(1, config).type(PolicyType.CSP));

            assertEquals(List.of(Kind.IGNORED_NOT_APPLICABLE, Kind.APPLIED), kinds(resolved));
            assertTrue(resolved.resolutions().get(0).message().contains("headers, removeHeaders"));
            assertEquals("img-src 'self' data: https://a.example", directive(resolved, "img-src"));
            assertEquals(PLATFORM.baseline().headers(), resolved.headers().headers());
            assertEquals(PLATFORM.baseline().headersToRemove(), resolved.headers().headersToRemove());
        }
    }

    @Nested
    class Order {
        private final PolicyRows first = override(1, header("Referrer-Policy", "no-referrer"))
                .permissions(permits(Set.of(), Set.of("referrer-policy")));
        private final PolicyRows second = override(2, header("Referrer-Policy", "same-origin"))
                .permissions(permits(Set.of(), Set.of("referrer-policy")));

        @Test
        void laterRowsWinAndTheConflictIsReported() {
            ResolvedPolicy resolved = resolve(second, first);

            assertEquals("same-origin", headerValue(resolved, HeaderKind.REFERRER_POLICY));
            assertEquals(List.of(Kind.APPLIED, Kind.CONFLICT_RESOLVED, Kind.APPLIED), kinds(resolved));
            Resolution conflict = resolved.resolutions().get(1);
            assertEquals(2, conflict.policyId());
            assertEquals(Optional.of("Referrer-Policy"), conflict.header());
        }

        @Test
        void rowsOrderByEffectiveFromBeforeId() {
            PolicyRows olderWithHigherId = override(9, header("Referrer-Policy", "no-referrer"))
                    .permissions(permits(Set.of(), Set.of("referrer-policy")))
                    .window(NOW.minus(Duration.ofDays(30)), Optional.empty());

            assertEquals("same-origin", headerValue(resolve(olderWithHigherId, second), HeaderKind.REFERRER_POLICY));
        }

        @Test
        void theResultDoesNotDependOnTheInputOrder() {
            List<TenantSecurityPolicy> rows = new ArrayList<>(List.of(first.row(), second.row(),
                    extend(3, csp("script-src", "https://a.example")).row(),
                    override(4, csp("script-src", "'strict-dynamic'", "https://b.example"))
                            .permissions(permits(Set.of("script-src"), Set.of())).row(),
                    extend(5, csp("img-src", "https://c.example")).row()));
            ResolvedPolicy expected = resolver.resolve(PLATFORM, rows, NOW);
            Random random = new Random(42);
            for (int i = 0; i < 20; i++) {
                Collections.shuffle(rows, random);
                assertEquals(expected, resolver.resolve(PLATFORM, rows, NOW));
            }
        }
    }

    @Nested
    class Extend {
        @Test
        void appendsAHostToTheLockedScriptSrc() {
            ResolvedPolicy resolved = resolve(extend(1, csp("script-src", "https://cdn.example")));

            assertEquals("script-src 'strict-dynamic' https://cdn.example", directive(resolved, "script-src"));
            assertEquals(List.of(Kind.APPLIED), kinds(resolved));
        }

        @Test
        void seedsAMissingFetchDirectiveFromDefaultSrcAndDropsNone() {
            ResolvedPolicy resolved = resolve(extend(1, csp("frame-src", "https://www.youtube-nocookie.com")));

            assertEquals("frame-src https://www.youtube-nocookie.com", directive(resolved, "frame-src"));
        }

        @Test
        void seedsScriptSrcElemFromScriptSrcKeepingTheNonce() {
            ResolvedPolicy resolved = resolve(extend(1, csp("script-src-elem", "https://cdn.example")));

            assertEquals("script-src-elem 'strict-dynamic' https://cdn.example", directive(resolved, "script-src-elem"));
            assertTrue(resolved.headers().nonceDirectives().contains("script-src-elem"));
            String rendered = resolved.headers().compile().render(SecurityNonce.generate()).get(0).value();
            assertTrue(rendered.matches(".*script-src-elem 'nonce-[^']{24}' 'strict-dynamic' https://cdn.example(;.*|$)"), rendered);
        }

        @Test
        void refusesEachWeakeningTokenAndKeepsTheRest() {
            ResolvedPolicy resolved = resolve(extend(1, csp("script-src",
                    "https://cdn.example", "*", "'unsafe-eval'", "data:", "http://insecure.example", "https:")));

            assertEquals("script-src 'strict-dynamic' https://cdn.example", directive(resolved, "script-src"));
            assertEquals(List.of(Kind.REFUSED_WEAKENING, Kind.REFUSED_WEAKENING, Kind.REFUSED_WEAKENING,
                    Kind.REFUSED_WEAKENING, Kind.REFUSED_WEAKENING, Kind.APPLIED), kinds(resolved));
            assertTrue(resolved.resolutions().get(1).message().contains("grant 'script-src:'unsafe-eval''"),
                    resolved.resolutions().get(1).message());
        }

        @Test
        void aGrantAllowsExactlyTheGrantedWeakening() {
            ResolvedPolicy resolved = resolve(extend(1, csp("script-src", "'unsafe-eval'", "data:"))
                    .permissions(grants("script-src:'unsafe-eval'")));

            assertEquals("script-src 'strict-dynamic' 'unsafe-eval'", directive(resolved, "script-src"));
            assertEquals(List.of(Kind.REFUSED_WEAKENING, Kind.APPLIED), kinds(resolved));
            assertTrue(resolved.resolutions().get(1).message().contains("weakening granted: script-src:'unsafe-eval'"));
        }

        @Test
        void anEarlierRowsGrantDoesNotBlockALaterRow() {
            ResolvedPolicy resolved = resolve(
                    extend(1, csp("script-src", "'unsafe-eval'")).permissions(grants("script-src:'unsafe-eval'")),
                    extend(2, csp("script-src", "https://cdn.example")));

            assertEquals("script-src 'strict-dynamic' 'unsafe-eval' https://cdn.example", directive(resolved, "script-src"));
            assertEquals(List.of(Kind.APPLIED, Kind.APPLIED), kinds(resolved));
        }

        @Test
        void unsafeInlineIsHarmlessNextToTheNonceButNotInScriptSrcAttr() {
            ResolvedPolicy nonced = resolve(extend(1, csp("script-src", "'unsafe-inline'")));
            ResolvedPolicy attributes = resolve(extend(1, csp("script-src-attr", "'unsafe-inline'")));

            assertEquals("script-src 'strict-dynamic' 'unsafe-inline'", directive(nonced, "script-src"));
            assertEquals(List.of(Kind.APPLIED), kinds(nonced));
            assertEquals(List.of(Kind.REFUSED_WEAKENING), kinds(attributes));
            assertEquals("(absent)", directive(attributes, "script-src-attr"));
        }

        @Test
        void nothingCanBeAppendedToObjectSrcNoneOrBaseUriNone() {
            ResolvedPolicy resolved = resolve(extend(1, new PolicyConfig(Map.of(
                    "object-src", List.of("'self'"), "base-uri", List.of("'self'"), "frame-ancestors", List.of("'self'")),
                    null, null, null, null)));

            assertEquals(List.of(Kind.REFUSED_WEAKENING, Kind.REFUSED_WEAKENING, Kind.REFUSED_WEAKENING), kinds(resolved));
            assertBaselineUnchanged(resolved);
        }

        @Test
        void grantsLetATenantFrameItself() {
            PolicyRows frameAncestors = extend(1, csp("frame-ancestors", "'self'")).permissions(grants("frame-ancestors:'self'"));
            PolicyRows appendXfo = extend(2, header("X-Frame-Options", "SAMEORIGIN")).permissions(grants("x-frame-options:sameorigin"));
            PolicyRows overrideXfo = override(3, header("X-Frame-Options", "SAMEORIGIN"))
                    .permissions(permits(Set.of(), Set.of("X-Frame-Options"), "x-frame-options:sameorigin"));

            ResolvedPolicy resolved = resolve(frameAncestors, appendXfo, overrideXfo);

            assertEquals("frame-ancestors 'self'", directive(resolved, "frame-ancestors"));
            assertEquals("sameorigin", headerValue(resolved, HeaderKind.X_FRAME_OPTIONS));
            assertEquals(List.of(Kind.APPLIED, Kind.REFUSED_NOT_PERMITTED, Kind.APPLIED), kinds(resolved),
                    "an append never replaces a single-valued header, granted or not; an override may");
        }

        @Test
        void withoutAGrantFramingStaysDenied() {
            ResolvedPolicy resolved = resolve(override(1, header("X-Frame-Options", "SAMEORIGIN"))
                    .permissions(permits(Set.of(), Set.of("X-Frame-Options"))));

            assertEquals(List.of(Kind.REFUSED_WEAKENING), kinds(resolved));
            assertEquals("deny", headerValue(resolved, HeaderKind.X_FRAME_OPTIONS));
        }

        @Test
        void reportingDirectivesCannotBeAppended() {
            ResolvedPolicy resolved = resolve(extend(1, csp("report-uri", "https://collector.example/")));

            assertEquals(List.of(Kind.REFUSED_NOT_PERMITTED), kinds(resolved));
            assertEquals("report-uri /csp-report", directive(resolved, "report-uri"));
        }

        @Test
        void invalidTokensAreRefusedAndNeverEmitted() {
            ResolvedPolicy resolved = resolve(extend(1, csp("img-src", "'self'; script-src *", "'nonce-abcdefghijkl'",
                    "https://ok.example")), extend(2, csp("scirpt-src", "'self'")));

            assertEquals(List.of(Kind.REFUSED_INVALID, Kind.REFUSED_INVALID, Kind.APPLIED, Kind.REFUSED_INVALID), kinds(resolved));
            String rendered = resolved.headers().compile().render(SecurityNonce.generate()).get(0).value();
            assertFalse(rendered.contains("script-src *"), rendered);
            assertFalse(rendered.contains("abcdefghijkl"), rendered);
            assertFalse(rendered.contains("scirpt"), rendered);
        }

        @Test
        void invalidHeaderValuesAreRefusedAndNeverEmitted() {
            PolicyConfig config = new PolicyConfig(null, null, Map.of("X-Frame-Options", "ALLOW-FROM https://a.example",
                    "Content-Security-Policy", "script-src *", "X-Custom", "1"), null,
                    Map.of("x\r\nset-cookie: a", "/r"));

            ResolvedPolicy resolved = resolve(extend(1, config));

            assertEquals(List.of(Kind.REFUSED_INVALID, Kind.REFUSED_INVALID, Kind.REFUSED_INVALID, Kind.REFUSED_INVALID),
                    kinds(resolved));
            assertBaselineUnchanged(resolved);
        }

        @Test
        void stricterHeaderValuesAreAcceptedAsTightenings() {
            ResolvedPolicy resolved = resolve(extend(1, header("Strict-Transport-Security",
                    "max-age=63072000; includeSubDomains; preload")));

            assertEquals("max-age=63072000; includeSubDomains; preload", headerValue(resolved, HeaderKind.STRICT_TRANSPORT_SECURITY));
            assertEquals(List.of(Kind.TIGHTENED), kinds(resolved));
        }

        @Test
        void looserValuesOfUnlockedHeadersNeedAnOverride() {
            ResolvedPolicy resolved = resolve(extend(1, header("Referrer-Policy", "unsafe-url")));

            assertEquals(List.of(Kind.REFUSED_NOT_PERMITTED), kinds(resolved));
            assertBaselineUnchanged(resolved);
        }

        @Test
        void permissionsPolicyFeaturesMergeIntoTheDenyList() {
            ResolvedPolicy resolved = resolve(extend(1, header("Permissions-Policy", "camera=(self), fullscreen=(self)")));

            String value = headerValue(resolved, HeaderKind.PERMISSIONS_POLICY);
            assertTrue(value.contains("camera=(self)") && value.contains("microphone=()") && value.endsWith("fullscreen=(self)"), value);
        }

        @Test
        void reportingGroupsCanBeAddedButThePlatformsCannotBeRepointed() {
            PolicyConfig added = new PolicyConfig(null, null, null, null, Map.of("tenant-reports", "https://r.example/x"));
            PolicyConfig repointed = new PolicyConfig(null, null, null, null, Map.of("csp-endpoint", "https://evil.example/"));

            ResolvedPolicy resolved = resolve(extend(1, added), extend(2, repointed));

            assertEquals("csp-endpoint=\"/csp-report\", tenant-reports=\"https://r.example/x\"",
                    headerValue(resolved, HeaderKind.REPORTING_ENDPOINTS));
            assertEquals(List.of(Kind.APPLIED, Kind.REFUSED_WEAKENING), kinds(resolved));
        }

        @Test
        void removalsAddToThePlatformListButNeverStripManagedHeaders() {
            PolicyConfig config = new PolicyConfig(null, null, null,
                    List.of("X-Debug-Token", "x-powered-by", "Strict-Transport-Security", "content-security-policy", "Bad Name"), null);

            ResolvedPolicy resolved = resolve(extend(1, config));

            assertEquals(List.of(Kind.APPLIED, Kind.APPLIED, Kind.REFUSED_NOT_PERMITTED, Kind.REFUSED_NOT_PERMITTED,
                    Kind.REFUSED_INVALID), kinds(resolved));
            List<String> removed = resolved.headers().headersToRemove();
            assertTrue(removed.contains("X-Debug-Token"));
            assertEquals(PLATFORM.baseline().headersToRemove().size() + 1, removed.size());
        }
    }

    @Nested
    class Override {
        private final OverridePermissions scriptAndHeaders = permits(Set.of("script-src", "style-src"),
                Set.of("Strict-Transport-Security", "X-Content-Type-Options", "Referrer-Policy", "Cross-Origin-Embedder-Policy"));

        @Test
        void needsThePlatformsPermission() {
            ResolvedPolicy resolved = resolve(override(1, new PolicyConfig(Map.of("style-src", List.of("'self'")), null,
                    Map.of("Referrer-Policy", "no-referrer"), null, null)));

            assertEquals(List.of(Kind.REFUSED_NOT_PERMITTED, Kind.REFUSED_NOT_PERMITTED), kinds(resolved));
            assertBaselineUnchanged(resolved);
        }

        @Test
        void replacesPermittedUnlockedDirectivesAndHeaders() {
            ResolvedPolicy resolved = resolve(override(1, new PolicyConfig(Map.of("style-src", List.of("'self'", "'unsafe-inline'")),
                    null, Map.of("Cross-Origin-Embedder-Policy", "unsafe-none"), null, null)).permissions(scriptAndHeaders));

            assertEquals("style-src 'self' 'unsafe-inline'", directive(resolved, "style-src"));
            assertEquals("unsafe-none", headerValue(resolved, HeaderKind.CROSS_ORIGIN_EMBEDDER_POLICY));
            assertEquals(List.of(Kind.APPLIED, Kind.APPLIED), kinds(resolved));
        }

        @Test
        void aLockedDirectiveCanOnlyBeTightened() {
            ResolvedPolicy tightened = resolve(override(1, csp("script-src", "'strict-dynamic'", "'sha256-YWJjZA=='"))
                    .permissions(scriptAndHeaders));
            ResolvedPolicy refused = resolve(override(1, csp("script-src", "'self'", "https://cdn.example"))
                    .permissions(scriptAndHeaders));

            assertEquals(List.of(Kind.TIGHTENED), kinds(tightened));
            assertEquals("script-src 'strict-dynamic' 'sha256-YWJjZA=='", directive(tightened, "script-src"));
            assertEquals(List.of(Kind.REFUSED_WEAKENING), kinds(refused));
            assertTrue(refused.resolutions().get(0).message().contains("'strict-dynamic'"));
            assertBaselineUnchanged(refused);
        }

        @Test
        void hstsMaxAgeJustUnderTheLockedMinimumIsRefusedAtItIsTightened() {
            ResolvedPolicy under = resolve(override(1, header("Strict-Transport-Security", "max-age=63071999; includeSubDomains"))
                    .permissions(scriptAndHeaders));
            ResolvedPolicy at = resolve(override(1, header("Strict-Transport-Security", "max-age=63072000; includeSubDomains"))
                    .permissions(scriptAndHeaders));

            assertEquals(List.of(Kind.REFUSED_WEAKENING), kinds(under));
            assertEquals("max-age=63072000; includeSubDomains", headerValue(under, HeaderKind.STRICT_TRANSPORT_SECURITY));
            assertEquals(List.of(Kind.TIGHTENED), kinds(at));
        }

        @Test
        void droppingIncludeSubDomainsIsRefusedUnlessGranted() {
            PolicyRows row = override(1, header("Strict-Transport-Security", "max-age=31536000"));

            assertEquals(List.of(Kind.REFUSED_WEAKENING, Kind.REFUSED_WEAKENING), kinds(resolve(row.permissions(scriptAndHeaders))));
            ResolvedPolicy granted = resolve(row.permissions(permits(Set.of(), Set.of("strict-transport-security"),
                    "strict-transport-security:max-age", "strict-transport-security:includesubdomains")));
            assertEquals("max-age=31536000", headerValue(granted, HeaderKind.STRICT_TRANSPORT_SECURITY));
            assertEquals(List.of(Kind.APPLIED), kinds(granted));
        }

        @Test
        void xContentTypeOptionsOnlyEverIsNosniff() {
            ResolvedPolicy resolved = resolve(override(1, header("X-Content-Type-Options", "none")).permissions(scriptAndHeaders));

            assertEquals(List.of(Kind.REFUSED_INVALID), kinds(resolved));
            assertEquals("nosniff", headerValue(resolved, HeaderKind.X_CONTENT_TYPE_OPTIONS));
        }

        @Test
        void anOverrideReplacesWhatAnEarlierAppendAdded() {
            ResolvedPolicy resolved = resolve(extend(1, csp("style-src", "https://fonts.example")),
                    override(2, csp("style-src", "'self'")).permissions(scriptAndHeaders));

            assertEquals("style-src 'self'", directive(resolved, "style-src"));
            assertEquals(List.of(Kind.APPLIED, Kind.CONFLICT_RESOLVED, Kind.APPLIED), kinds(resolved));
        }
    }

    @Nested
    class ReportOnly {
        @Test
        void bothCspHeadersAtOnceWithTheTrialStartingFromTheEnforcedPolicy() {
            PolicyConfig config = new PolicyConfig(Map.of("script-src", List.of("https://cdn.example")),
                    Map.of("require-trusted-types-for", List.of("'script'")), null, null, null);

            ResolvedPolicy resolved = resolve(extend(1, config));

            CspPolicy enforced = resolved.headers().csp().orElseThrow();
            CspPolicy trial = resolved.headers().cspReportOnly().orElseThrow();
            assertFalse(enforced.has("require-trusted-types-for"));
            assertEquals("require-trusted-types-for 'script'", reportOnlyDirective(resolved, "require-trusted-types-for"));
            assertEquals(directive(resolved, "script-src"), reportOnlyDirective(resolved, "script-src"));
            List<HttpHeader> rendered = resolved.headers().compile().render(SecurityNonce.generate());
            assertEquals(HeaderSet.CONTENT_SECURITY_POLICY, rendered.get(0).name());
            assertEquals(HeaderSet.CONTENT_SECURITY_POLICY_REPORT_ONLY, rendered.get(1).name());
            assertEquals(trial.directives().size(), enforced.directives().size() + 1);
        }

        @Test
        void aReportOnlyRowMayTrialALooserPolicyWithoutPermission() {
            ResolvedPolicy resolved = resolve(override(1, reportOnly("script-src", "'self'", "'unsafe-eval'"))
                    .type(PolicyType.CSP_REPORT_ONLY));

            assertEquals("script-src 'self' 'unsafe-eval'", reportOnlyDirective(resolved, "script-src"));
            assertEquals(PLATFORM.baseline().csp(), resolved.headers().csp());
            assertEquals(List.of(Kind.APPLIED), kinds(resolved));
        }

        @Test
        void aReportOnlyRowIgnoresItsEnforcedPart() {
            PolicyConfig config = new PolicyConfig(Map.of("img-src", List.of("https://a.example")),
                    Map.of("img-src", List.of("https://b.example")), null, null, null);

            ResolvedPolicy resolved = resolve(extend(1, config).type(PolicyType.CSP_REPORT_ONLY));

            assertEquals(List.of(Kind.IGNORED_NOT_APPLICABLE, Kind.APPLIED), kinds(resolved));
            assertEquals(PLATFORM.baseline().csp(), resolved.headers().csp());
            assertEquals("img-src 'self' data: https://b.example", reportOnlyDirective(resolved, "img-src"));
        }

        @Test
        void noTrialIsSentWhenNoRowSetsOne() {
            assertTrue(resolve(extend(1, csp("img-src", "https://a.example"))).headers().cspReportOnly().isEmpty());
        }
    }

    @Test
    void resolutionsNameRowDirectiveAndHeader() {
        Resolution resolution = resolve(extend(7, csp("object-src", "'self'"))).resolutions().get(0);

        assertEquals(new Resolution(7, Kind.REFUSED_WEAKENING, Optional.of(HeaderSet.CONTENT_SECURITY_POLICY),
                Optional.of("object-src"), resolution.message()), resolution);
        assertTrue(resolution.message().contains("'self'"), resolution.message());
    }

    @Test
    void theNowParameterDecidesTheWindow() {
        PolicyRows row = extend(1, csp("img-src", "https://a.example")).window(NOW, Optional.of(NOW.plusSeconds(10)));

        assertEquals(List.of(Kind.IGNORED_OUTSIDE_WINDOW),
                kinds(resolver.resolve(PLATFORM, List.of(row.row()), Instant.parse("2026-06-01T12:00:10Z"))));
    }
}
