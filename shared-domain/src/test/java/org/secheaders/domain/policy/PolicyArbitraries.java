package org.secheaders.domain.policy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.secheaders.domain.model.PolicyInheritanceMode;
import org.secheaders.domain.model.PolicyType;
import org.secheaders.domain.model.TenantSecurityPolicy;

/**
 * Generators of hostile tenant policy rows: every mode, type and window, directives that are locked,
 * governed by a lock through fallback, or free, and tokens chosen to weaken, inject or be invalid.
 */
final class PolicyArbitraries {

    /** Sources a lock must keep out of script-src and the directives falling back to it. */
    static final List<String> WEAKENING_SOURCES = List.of("*", "'unsafe-eval'", "'unsafe-hashes'", "'wasm-unsafe-eval'",
            "data:", "http:", "https:", "blob:", "ftp:", "ws:", "javascript:", "http://evil.example", "https://*",
            "*.com", "'nonce-abcdefghijklmnop'", "'trusted-types-eval'");

    private static final List<String> OTHER_TOKENS = List.of("'unsafe-inline'", "'self'", "'none'", "'strict-dynamic'",
            "'report-sample'", "'sha256-YWJjZA=='", "https://cdn.example", "cdn.example/js/", "self", "'self'; object-src *",
            "https://a.example,https://b.example", "a\r\nSet-Cookie: x=y", "", "'unsafe-evil'", "allow-scripts");

    private static final List<String> DIRECTIVES = List.of("script-src", "script-src-elem", "script-src-attr", "worker-src",
            "object-src", "base-uri", "frame-ancestors", "default-src", "child-src", "style-src", "img-src", "frame-src",
            "form-action", "report-uri", "report-to", "sandbox", "scirpt-src");

    private static final Map<String, List<String>> HEADER_VALUES = Map.of(
            "Strict-Transport-Security", List.of("max-age=0", "max-age=63071999; includeSubDomains", "max-age=63072000",
                    "max-age=99999999; includeSubDomains; preload", "max-age=63072000; includeSubDomains", "forever"),
            "X-Frame-Options", List.of("SAMEORIGIN", "DENY", "ALLOW-FROM https://evil.example"),
            "x-content-type-options", List.of("none", "nosniff", ""),
            "Referrer-Policy", List.of("unsafe-url", "no-referrer", "origin"),
            "Cross-Origin-Opener-Policy", List.of("unsafe-none", "same-origin-allow-popups", "same-origin"),
            "Cross-Origin-Embedder-Policy", List.of("unsafe-none", "require-corp"),
            "Permissions-Policy", List.of("camera=*", "camera=(), usb=(self)", "geolocation=(self \"https://evil.example\")"),
            "Reporting-Endpoints", List.of("csp-endpoint=\"https://evil.example/\"", "extra=\"/r\""),
            "X-Powered-By", List.of("PHP"));

    /** Grants for the weakenings above, to check that whatever weakens was granted. */
    static final List<String> GRANTS = List.of("script-src:'unsafe-eval'", "script-src:*", "script-src:data:",
            "script-src:'strict-dynamic'", "script-src-elem:https:", "worker-src:blob:", "object-src:'self'",
            "frame-ancestors:'self'", "base-uri:'self'", "strict-transport-security:max-age",
            "strict-transport-security:includesubdomains", "x-frame-options:sameorigin",
            "cross-origin-opener-policy:unsafe-none", "reporting-endpoints:csp-endpoint");

    private PolicyArbitraries() {
    }

    /** Rows of tenant 1 whose permissions may allow overrides but grant no weakening. */
    static Arbitrary<List<TenantSecurityPolicy>> rowsWithoutGrants() {
        return rows(1, tokens(Arbitraries.of(OTHER_TOKENS)), Arbitraries.just(Set.of()));
    }

    /** Rows of tenant 1 that may also hold weakening grants. */
    static Arbitrary<List<TenantSecurityPolicy>> rowsWithGrants() {
        return rows(1, tokens(Arbitraries.of(OTHER_TOKENS)), Arbitraries.of(GRANTS).set().ofMaxSize(4));
    }

    /** Rows of one tenant whose own hosts, groups and removals carry {@code marker}, e.g. {@code tenant-a}. */
    static Arbitrary<List<TenantSecurityPolicy>> rowsOf(long tenantId, String marker) {
        Arbitrary<String> own = Arbitraries.integers().between(1, 50).map(n -> "https://h" + n + "." + marker + ".example");
        return rows(tenantId, tokens(Arbitraries.oneOf(own, Arbitraries.of(OTHER_TOKENS))), Arbitraries.just(Set.of()))
                .map(rows -> rows.stream().map(row -> withOwnExtras(row, marker)).toList());
    }

    private static Arbitrary<String> tokens(Arbitrary<String> others) {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(WEAKENING_SOURCES)),
                Tuple.of(3, others),
                Tuple.of(1, Arbitraries.strings().ascii().ofMaxLength(12)));
    }

    private static Arbitrary<List<TenantSecurityPolicy>> rows(
            long tenantId, Arbitrary<String> token, Arbitrary<Set<String>> grants) {
        Arbitrary<Map<String, List<String>>> csp =
                Arbitraries.maps(Arbitraries.of(DIRECTIVES), token.list().ofMaxSize(4)).ofMaxSize(4);
        Arbitrary<Map<String, String>> headers = Arbitraries.of(HEADER_VALUES.keySet())
                .flatMap(name -> Arbitraries.of(HEADER_VALUES.get(name)).map(value -> Map.entry(name, value)))
                .list().ofMaxSize(3)
                .map(entries -> {
                    Map<String, String> map = new LinkedHashMap<>();
                    entries.forEach(e -> map.put(e.getKey(), e.getValue()));
                    return map;
                });
        Arbitrary<List<String>> removals = Arbitraries.of("X-Debug", "Strict-Transport-Security", "Content-Security-Policy",
                "Bad Name", "x-frame-options").list().ofMaxSize(2);
        Arbitrary<Map<String, String>> endpoints = Arbitraries.maps(Arbitraries.of("csp-endpoint", "extra"),
                Arbitraries.of("/r", "https://evil.example/", "http://x.example/")).ofMaxSize(1);
        Arbitrary<PolicyConfig> config = Combinators.combine(csp, csp, headers, removals, endpoints).as(PolicyConfig::new);
        Arbitrary<OverridePermissions> permissions = Combinators.combine(
                Arbitraries.of(DIRECTIVES).set().ofMaxSize(5),
                Arbitraries.of(HEADER_VALUES.keySet()).set().ofMaxSize(5),
                grants).as(OverridePermissions::new);
        Arbitrary<TenantSecurityPolicy> row = Combinators.combine(
                Arbitraries.longs().between(1, 1_000_000),
                Arbitraries.of(PolicyType.class),
                Arbitraries.of(PolicyInheritanceMode.EXTEND, PolicyInheritanceMode.EXTEND, PolicyInheritanceMode.OVERRIDE,
                        PolicyInheritanceMode.OVERRIDE, PolicyInheritanceMode.INHERIT),
                config,
                permissions,
                Arbitraries.of(true, true, true, false),
                Arbitraries.integers().between(-48, 2),
                Arbitraries.integers().between(-2, 48).optional())
                .as((id, type, mode, cfg, perms, active, fromHours, untilHours) -> new TenantSecurityPolicy(
                        id, tenantId, "p" + id, type, cfg, mode, perms, active,
                        PolicyRows.NOW.plus(Duration.ofHours(fromHours)),
                        untilHours.map(h -> PolicyRows.NOW.plus(Duration.ofHours(h))), PolicyRows.NOW, PolicyRows.NOW));
        return row.list().ofMaxSize(6).uniqueElements(TenantSecurityPolicy::id);
    }

    /** Gives a row removals and a reporting group that only this tenant uses. */
    private static TenantSecurityPolicy withOwnExtras(TenantSecurityPolicy row, String marker) {
        PolicyConfig c = row.policyConfig();
        PolicyConfig own = new PolicyConfig(c.csp(), c.cspReportOnly(), c.headers(), List.of("X-" + marker + "-debug"),
                Map.of(marker + "-group", "https://reports." + marker + ".example/r"));
        return new TenantSecurityPolicy(row.id(), row.tenantId(), row.policyName(), row.policyType(), own,
                row.inheritanceMode(), row.overridePermissions(), row.active(), row.effectiveFrom(),
                row.effectiveUntil(), row.createdAt(), row.updatedAt());
    }
}
