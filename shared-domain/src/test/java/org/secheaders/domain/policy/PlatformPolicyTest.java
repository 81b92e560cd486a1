package org.secheaders.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.secheaders.domain.csp.CspParser;
import org.secheaders.domain.csp.CspPolicy;
import org.secheaders.domain.nonce.SecurityNonce;

class PlatformPolicyTest {
    private static final PlatformPolicy DEFAULTS = PlatformPolicy.defaults();

    private static Map<String, String> rendered() {
        Map<String, String> headers = new LinkedHashMap<>();
        DEFAULTS.baseline().compile().render(SecurityNonce.generate()).forEach(h -> headers.put(h.name(), h.value()));
        return headers;
    }

    @Test
    void theDefaultsAreLoadedOnceAndCarryTheDocumentedValues() {
        assertSame(DEFAULTS, PlatformPolicy.defaults());
        Map<String, String> headers = rendered();

        assertEquals(List.of("Content-Security-Policy", "Strict-Transport-Security", "X-Frame-Options",
                "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy", "Cross-Origin-Opener-Policy",
                "Cross-Origin-Embedder-Policy", "Cross-Origin-Resource-Policy", "Reporting-Endpoints"), List.copyOf(headers.keySet()));
        assertTrue(headers.get("Content-Security-Policy").matches("default-src 'none'; script-src 'nonce-[A-Za-z0-9+/]{24}' "
                + "'strict-dynamic'; style-src 'nonce-[A-Za-z0-9+/]{24}' 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self'; manifest-src 'self'; media-src 'self'; form-action 'self'; object-src 'none'; "
                + "base-uri 'none'; frame-ancestors 'none'; upgrade-insecure-requests; report-uri /csp-report; "
                + "report-to csp-endpoint"), headers.get("Content-Security-Policy"));
        assertEquals("max-age=63072000; includeSubDomains", headers.get("Strict-Transport-Security"));
        assertEquals("csp-endpoint=\"/csp-report\"", headers.get("Reporting-Endpoints"));
        assertEquals("/csp-report", DEFAULTS.reportCollectorPath());
        assertEquals(Set.of("Strict-Transport-Security"), DEFAULTS.baseline().httpsOnlyHeaders());
        assertEquals(Set.of("script-src", "object-src", "base-uri", "frame-ancestors"), DEFAULTS.locks().directives());
        assertTrue(DEFAULTS.locks().governs("script-src-elem"));
        assertFalse(DEFAULTS.locks().governs("img-src"));
    }

    /**
     * The defaults against MDN HTTP Observatory v6 (header-anchors.md §1), test by test:
     * <pre>
     * content-security-policy        csp-implemented-with-no-unsafe-default-src-none   +10
     * strict-transport-security      hsts-implemented-max-age-at-least-six-months        0  (+5 once on the preload list)
     * x-frame-options                x-frame-options-implemented-via-csp                +5
     * x-content-type-options         x-content-type-options-nosniff                      0
     * referrer-policy                referrer-policy-private                            +5
     * cross-origin-opener-policy     coop-implemented-with-same-origin                 +10
     * cross-origin-embedder-policy   coep-implemented-with-credentialless              +10
     * cross-origin-resource-policy   corp-implemented-with-same-origin                 +10
     * cookies, cross-origin-resource-sharing, redirection, subresource-integrity: set by the application, 0 assumed
     * score 150 (no penalties, so the bonuses count) → A+
     * </pre>
     * This test checks the conditions each of those results rests on; the grader itself is tested elsewhere.
     */
    @Test
    void theDefaultsMeetTheObservatoryConditionsForAPlus() {
        Map<String, String> headers = rendered();
        CspPolicy csp = CspParser.parse(headers.get("Content-Security-Policy")).policy();
        Set<String> broadOrUnsafe = Set.of("*", "http:", "https:", "ftp:", "data:", "'unsafe-inline'", "'unsafe-eval'");
        List<String> scriptAndStyle = new ArrayList<>();
        csp.sources("script-src").forEach(s -> scriptAndStyle.add(s.serialize()));
        csp.sources("style-src").forEach(s -> scriptAndStyle.add(s.serialize()));

        assertEquals(List.of("'none'"), csp.sources("default-src").stream().map(s -> s.serialize()).toList());
        assertTrue(scriptAndStyle.stream().noneMatch(broadOrUnsafe::contains), scriptAndStyle.toString());
        assertTrue(csp.sources("script-src").stream().anyMatch(s -> s.serialize().startsWith("'nonce-")),
                "'strict-dynamic' without a nonce would be csp-header-invalid");
        assertFalse(headers.get("Content-Security-Policy").contains("http:"));
        assertEquals("'none'", csp.directive("object-src").orElseThrow().sources().get(0).serialize());
        assertTrue(csp.has("frame-ancestors"), "x-frame-options-implemented-via-csp");
        assertTrue(StrictTransportSecurity.parse(headers.get("Strict-Transport-Security")).maxAgeSeconds() >= 15_552_000);
        assertTrue(Set.of("no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin")
                .contains(headers.get("Referrer-Policy")));
        assertEquals("nosniff", headers.get("X-Content-Type-Options"));
        assertEquals("same-origin", headers.get("Cross-Origin-Opener-Policy"));
        assertTrue(Set.of("require-corp", "credentialless").contains(headers.get("Cross-Origin-Embedder-Policy")));
        assertTrue(Set.of("same-origin", "same-site").contains(headers.get("Cross-Origin-Resource-Policy")));
        assertEquals(List.of(), CspParser.parse(headers.get("Content-Security-Policy")).findings());
    }

    @Test
    void everyProblemOfAnInvalidFileIsNamedWithItsFieldAndValue() {
        String json = """
                {"baseline": {
                   "csp": {"script-src": ["'strict-dynamic'", "'self'; object-src *"], "style-src": ["'self'"],
                           "report-uri": ["https://elsewhere.example"], "img-src": ["'nonce-abcdefghijkl'"]},
                   "headers": {"Strict-Transport-Security": "max-age=forever", "X-Powered-By": "x",
                               "Reporting-Endpoints": "a=\\"/r\\""},
                   "removeHeaders": ["X-Frame-Options", "Bad Name"]},
                 "nonceDirectives": ["style-src", "frame-src", "sandbox"],
                 "reportCollectorPath": "http://collector.example/",
                 "reportGroup": "CSP",
                 "lockedDirectives": ["script-srcc"],
                 "lockedHeaders": ["X-Frame-Option"]}
                """;

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PlatformPolicy.fromJson(json));

        String message = e.getMessage();
        for (String expected : List.of("reportCollectorPath 'http://collector.example/'", "reportGroup 'CSP'",
                "baseline.csp.script-src: ''self'; object-src *'", "baseline.csp.report-uri is derived",
                "baseline.csp.img-src: a fixed nonce", "baseline.csp.script-src: 'strict-dynamic' needs",
                "baseline.headers.Strict-Transport-Security 'max-age=forever'", "baseline.headers.X-Powered-By is not a managed header",
                "baseline.headers.Reporting-Endpoints: list groups in baseline.reportingEndpoints",
                "baseline.removeHeaders 'X-Frame-Options' is a managed security header", "baseline.removeHeaders 'Bad Name'",
                "nonceDirectives 'frame-src' is not a directive of baseline.csp",
                "nonceDirectives 'sandbox' is not a directive that takes sources",
                "lockedDirectives 'script-srcc'", "lockedHeaders 'X-Frame-Option'")) {
            assertTrue(message.contains(expected), "missing <" + expected + "> in:\n" + message);
        }
    }

    @Test
    void unknownFieldsFailTheLoad() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PlatformPolicy.fromJson("{\"baseline\": {}, \"lockedHeader\": []}"));

        assertTrue(e.getMessage().contains("lockedHeader"), e.getMessage());
    }

    @Test
    void aMinimalFileGivesAHeaderSetWithoutCsp() {
        PlatformPolicy minimal = PlatformPolicy.fromJson("{\"baseline\": {\"headers\": {\"X-Content-Type-Options\": \"nosniff\"}}}");

        assertEquals(Optional.empty(), minimal.baseline().csp());
        assertEquals(List.of(new HttpHeader("X-Content-Type-Options", "nosniff"),
                        new HttpHeader("Reporting-Endpoints", "csp-endpoint=\"/csp-report\"")),
                minimal.baseline().compile().render(SecurityNonce.generate()));
    }

    /** Headers we strip beyond OWASP's list, each a known version leak: Rails, generic version, proxies. */
    private static final Set<String> REMOVALS_BEYOND_OWASP = Set.of("x-runtime", "x-version", "x-backend-server");

    @Test
    void theRemovalListIsOwaspsCoreWithDocumentedAdditions() throws IOException {
        Set<String> owasp = new HashSet<>();
        sharedConformance("oshp-headers-remove.json").get("headers").forEach(n -> owasp.add(n.asText().toLowerCase(Locale.ROOT)));
        Set<String> ours = new TreeSet<>();
        DEFAULTS.baseline().headersToRemove().forEach(n -> ours.add(n.toLowerCase(Locale.ROOT)));

        Set<String> beyond = new TreeSet<>(ours);
        beyond.removeAll(owasp);
        assertEquals(REMOVALS_BEYOND_OWASP, beyond);
        assertTrue(ours.containsAll(Set.of("server", "x-powered-by", "x-aspnet-version", "x-aspnetmvc-version")));
    }

    /**
     * Where our defaults are weaker than OWASP's recommended values, deliberately: strict-origin-when-cross-origin
     * keeps same-origin Referer checks (e.g. Django's CSRF check) working; credentialless does not break
     * cross-origin images and fonts without CORP; OWASP's longer Permissions-Policy list also denies
     * fullscreen, autoplay, clipboard and WebAuthn, which ordinary sites use.
     */
    @Test
    void weDeviateFromOwaspsRecommendedValuesOnlyWhereDocumented() throws IOException {
        Set<String> weaker = new TreeSet<>();
        for (JsonNode entry : sharedConformance("oshp-headers-add.json").get("headers")) {
            Optional<HeaderKind> kind = HeaderKind.byName(entry.get("name").asText());
            if (kind.isEmpty()) {
                continue;
            }
            SecurityHeader recommended = kind.get().parse(entry.get("value").asText());
            SecurityHeader ours = DEFAULTS.baseline().header(kind.get()).orElseThrow();
            if (!ours.weakerThan(recommended).isEmpty()) {
                weaker.add(kind.get().headerName());
            }
        }

        assertEquals(Set.of("Cross-Origin-Embedder-Policy", "Permissions-Policy", "Referrer-Policy"), weaker);
    }

    private static JsonNode sharedConformance(String file) throws IOException {
        String dir = System.getProperty("secheaders.shared.dir", "../shared");
        Path path = Path.of(dir, "conformance", file);
        Assumptions.assumeTrue(Files.isRegularFile(path), "no " + path + " (shared conformance data not present)");
        return new ObjectMapper().readTree(Files.readString(path));
    }
}
