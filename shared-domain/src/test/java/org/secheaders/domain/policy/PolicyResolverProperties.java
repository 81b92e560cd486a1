package org.secheaders.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.secheaders.domain.csp.CspDirective;
import org.secheaders.domain.csp.CspParser;
import org.secheaders.domain.csp.CspPolicy;
import org.secheaders.domain.csp.SourceExpression;
import org.secheaders.domain.model.PolicyInheritanceMode;
import org.secheaders.domain.model.TenantSecurityPolicy;
import org.secheaders.domain.nonce.SecurityNonce;

class PolicyResolverProperties {
    private static final PlatformPolicy PLATFORM = PlatformPolicy.defaults();
    private static final List<String> SCRIPT_FAMILY = List.of("script-src", "script-src-elem", "script-src-attr", "worker-src");
    private final PolicyResolver resolver = new PolicyResolver();

    @Provide
    Arbitrary<List<TenantSecurityPolicy>> rowsWithoutGrants() {
        return PolicyArbitraries.rowsWithoutGrants();
    }

    @Provide
    Arbitrary<List<TenantSecurityPolicy>> rowsWithGrants() {
        return PolicyArbitraries.rowsWithGrants();
    }

    @Provide
    Arbitrary<List<TenantSecurityPolicy>> tenantA() {
        return PolicyArbitraries.rowsOf(1, "tenant-a");
    }

    @Provide
    Arbitrary<List<TenantSecurityPolicy>> tenantB() {
        return PolicyArbitraries.rowsOf(2, "tenant-b");
    }

    /** Checked on the rendered headers, independently of {@link Strictness}: what the locks promise a browser sees. */
    @Property(tries = 1000)
    void withoutGrantsNoLockedDirectiveOrHeaderIsEverWeakened(@ForAll("rowsWithoutGrants") List<TenantSecurityPolicy> rows) {
        HeaderSet resolved = resolver.resolve(PLATFORM, rows, PolicyRows.NOW).headers();

        CspPolicy enforced = CspParser.parse(resolved.compile().render(SecurityNonce.generate()).get(0).value()).policy();
        for (String directive : SCRIPT_FAMILY) {
            List<String> sources = enforced.sources(directive).stream().map(SourceExpression::serialize).toList();
            sources.forEach(s -> assertFalse(PolicyArbitraries.WEAKENING_SOURCES.contains(s), directive + " gained " + s));
            if (sources.contains("'unsafe-inline'")) {
                assertTrue(sources.stream().anyMatch(s -> s.startsWith("'nonce-") || s.startsWith("'sha")), directive + " " + sources);
            }
            if (enforced.has(directive) && !sources.contains("'strict-dynamic'")) {
                assertTrue(sources.stream().noneMatch(s -> s.equals("'self'") || s.contains(":") || s.contains(".")),
                        directive + " lost 'strict-dynamic' but kept an allowlist: " + sources);
            }
        }
        for (String directive : List.of("object-src", "base-uri", "frame-ancestors")) {
            assertTrue(enforced.has(directive) && Sources.allowsNothing(enforced.sources(directive)),
                    directive + " " + enforced.sources(directive));
        }
        StrictTransportSecurity hsts = (StrictTransportSecurity) resolved.header(HeaderKind.STRICT_TRANSPORT_SECURITY).orElseThrow();
        assertTrue(hsts.maxAgeSeconds() >= 63072000 && hsts.includeSubDomains(), hsts.value());
        assertEquals(FrameOptions.DENY, resolved.header(HeaderKind.X_FRAME_OPTIONS).orElseThrow());
        assertEquals(ContentTypeOptions.NOSNIFF, resolved.header(HeaderKind.X_CONTENT_TYPE_OPTIONS).orElseThrow());
        assertEquals(CrossOriginOpenerPolicy.SAME_ORIGIN, resolved.header(HeaderKind.CROSS_ORIGIN_OPENER_POLICY).orElseThrow());
        assertEquals("/csp-report", ((ReportingEndpoints) resolved.header(HeaderKind.REPORTING_ENDPOINTS).orElseThrow())
                .endpoints().get("csp-endpoint"));
        assertEquals(List.of(), Strictness.weakenings(PLATFORM.baseline().csp().orElseThrow(), resolved.csp().orElseThrow(),
                resolved.nonceDirectives(), PLATFORM.locks()));
    }

    @Property(tries = 1000)
    void everyWeakeningThatRemainsWasGrantedToAnApplyingRow(@ForAll("rowsWithGrants") List<TenantSecurityPolicy> rows) {
        HeaderSet resolved = resolver.resolve(PLATFORM, rows, PolicyRows.NOW).headers();
        Set<String> granted = new HashSet<>();
        rows.stream()
                .filter(row -> row.appliesAt(PolicyRows.NOW) && row.inheritanceMode() != PolicyInheritanceMode.INHERIT)
                .forEach(row -> granted.addAll(row.overridePermissions().weakenings()));

        List<Weakening> weakenings = new ArrayList<>(Strictness.weakenings(PLATFORM.baseline().csp().orElseThrow(),
                resolved.csp().orElseThrow(), resolved.nonceDirectives(), PLATFORM.locks()));
        for (HeaderKind kind : PLATFORM.locks().headers()) {
            weakenings.addAll(Strictness.weakenings(PLATFORM.baseline().header(kind).orElseThrow(),
                    resolved.header(kind).orElseThrow()));
        }

        weakenings.forEach(w -> assertTrue(granted.contains(w.grantKey()), w + " not granted by " + granted));
    }

    @Property(tries = 1000)
    void twoTenantsResolutionsNeverMix(@ForAll("tenantA") List<TenantSecurityPolicy> a,
            @ForAll("tenantB") List<TenantSecurityPolicy> b) {
        ResolvedPolicy aAlone = resolver.resolve(PLATFORM, a, PolicyRows.NOW);
        ResolvedPolicy bAlone = resolver.resolve(PLATFORM, b, PolicyRows.NOW);

        List<ResolvedPolicy> interleaved = IntStream.range(0, 4).parallel()
                .mapToObj(i -> resolver.resolve(PLATFORM, i % 2 == 0 ? a : b, PolicyRows.NOW))
                .toList();

        for (int i = 0; i < interleaved.size(); i++) {
            assertEquals(i % 2 == 0 ? aAlone : bAlone, interleaved.get(i));
        }
        assertFalse(everything(aAlone).contains("tenant-b"), everything(aAlone));
        assertFalse(everything(bAlone).contains("tenant-a"), everything(bAlone));
    }

    @Property(tries = 1000)
    void theInputOrderOfRowsNeverMatters(@ForAll("rowsWithGrants") List<TenantSecurityPolicy> rows, @ForAll long seed) {
        List<TenantSecurityPolicy> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, new Random(seed));

        assertEquals(resolver.resolve(PLATFORM, rows, PolicyRows.NOW), resolver.resolve(PLATFORM, shuffled, PolicyRows.NOW));
    }

    @Property(tries = 1000)
    void everyRenderCarriesItsFreshNonceInEveryNonceDirective(@ForAll("rowsWithGrants") List<TenantSecurityPolicy> rows) {
        HeaderSet resolved = resolver.resolve(PLATFORM, rows, PolicyRows.NOW).headers();
        CompiledHeaderSet compiled = resolved.compile();

        SecurityNonce first = SecurityNonce.generate();
        SecurityNonce second = SecurityNonce.generate();
        List<HttpHeader> firstRender = compiled.render(first);
        assertNonceEverywhere(firstRender, resolved, first);
        assertNonceEverywhere(compiled.render(second), resolved, second);
        assertNotEquals(firstRender.get(0), compiled.render(second).get(0));
    }

    private static void assertNonceEverywhere(List<HttpHeader> headers, HeaderSet resolved, SecurityNonce nonce) {
        SourceExpression expected = new SourceExpression.Nonce(nonce.value());
        int cspHeaders = 0;
        for (HttpHeader header : headers) {
            if (!header.name().startsWith(HeaderSet.CONTENT_SECURITY_POLICY)) {
                continue;
            }
            cspHeaders++;
            CspPolicy policy = CspParser.parse(header.value()).policy();
            for (CspDirective directive : policy.directives()) {
                List<SourceExpression> nonces = directive.sources().stream()
                        .filter(s -> s instanceof SourceExpression.Nonce).toList();
                List<SourceExpression> others = directive.sources().stream()
                        .filter(s -> !(s instanceof SourceExpression.Nonce)).toList();
                boolean carries = resolved.nonceDirectives().contains(directive.name()) && !Sources.allowsNothing(others);
                assertEquals(carries ? List.of(expected) : List.of(), nonces, header.name() + ": " + directive.serialize());
            }
        }
        assertEquals((resolved.csp().isPresent() ? 1 : 0) + (resolved.cspReportOnly().isPresent() ? 1 : 0), cspHeaders);
    }

    private static String everything(ResolvedPolicy resolved) {
        StringBuilder all = new StringBuilder();
        resolved.headers().compile().render(SecurityNonce.generate()).forEach(h -> all.append(h.value()).append('\n'));
        resolved.headers().headersToRemove().forEach(h -> all.append(h).append('\n'));
        resolved.resolutions().forEach(r -> all.append(r.message()).append('\n'));
        return all.toString();
    }
}
