package org.secheaders.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NoiseFilterTest {
    private final NoiseFilter filter = NoiseFilter.defaults();
    private final ReportNormalizer normalizer = new ReportNormalizer();

    private static CspViolationReport.Builder report() {
        return CspViolationReport.builder(ReportFormat.STRUCTURED)
                .documentUri("https://shop.example.com/").effectiveDirective("script-src-elem")
                .disposition("enforce");
    }

    private NoiseVerdict check(CspViolationReport.Builder builder, NoiseRules rules) {
        return filter.check(normalizer.normalize(builder.build(), Optional.empty()), rules);
    }

    private NoiseVerdict check(CspViolationReport.Builder builder) {
        return check(builder, NoiseRules.defaults());
    }

    private static NoiseVerdict.Noise noise(NoiseVerdict verdict) {
        return assertInstanceOf(NoiseVerdict.Noise.class, verdict);
    }

    @ParameterizedTest(name = "blocked {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "chrome-extension://kbfnbcaeplbcioakkpcpgfkobkghlhen/src/js/bundle.js | extension:chrome-extension:",
        "moz-extension                              | extension:moz-extension:",
        "safari-web-extension://E5A3/content.js     | extension:safari-web-extension:",
        "safari-extension                           | extension:safari-extension:",
        "ms-browser-extension                       | extension:ms-browser-extension:",
        "webkit-masked-url://hidden/                | extension:webkit-masked-url:",
        "nikkomsgchannel                            | extension:nikkomsgchannel:",
        "about                                      | browser-internal:about:",
        "view-source                                | browser-internal:view-source:",
        "resource://gre/modules/x.js                | browser-internal:resource:",
        "ms-appx-web                                | browser-internal:ms-appx-web:",
        "https://x.metrext.com/a.js                 | injector:*.metrext.com",
        "https://metrext.com/a.js                   | injector:*.metrext.com",
        "https://injections.adguard.com/x?x=1       | injector:injections.adguard.com",
        "https://gc.kis.v2.scr.kaspersky-labs.com/x | injector:*.kaspersky-labs.com",
        "https://translate.googleapis.com/translate_static/css/translateelement.css | injector:translate.googleapis.com",
        "http://localhost:3000/app.js               | local-address:*.localhost",
        "http://10.1.2.3:15871/x                    | local-address:private-address",
        "http://192.168.0.10/x                      | local-address:private-address",
        "http://172.20.0.1/x                        | local-address:private-address",
        "http://[::1]:8080/                         | local-address:private-address",
    })
    void recognizesDefaultNoiseInTheBlockedUri(String blocked, String ruleId) {
        NoiseVerdict.Noise noise = noise(check(report().blockedUri(blocked)));

        assertEquals(ruleId, noise.ruleId());
        assertEquals(NoiseLocation.BLOCKED_URI, noise.location());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://cdn.jsdelivr.net/npm/x.js",
        "http://172.32.0.1/x",
        "http://11.0.0.1/x",
        "https://notlocalhost.example/",
        "data",
        "inline",
    })
    void leavesOrdinaryReportsClean(String blocked) {
        assertInstanceOf(NoiseVerdict.Clean.class, check(report().blockedUri(blocked)));
    }

    @Test
    void checksTheSourceFileToo() {
        NoiseVerdict.Noise noise = noise(check(report().blockedUri("inline")
                .sourceFile("moz-extension://1234/content.js").sample("var x = 1")));

        assertEquals("extension:moz-extension:", noise.ruleId());
        assertEquals(NoiseLocation.SOURCE_FILE, noise.location());
    }

    @Test
    void checksTheDocumentExceptAboutDocuments() {
        NoiseVerdict.Noise extensionPage = noise(check(report().documentUri("chrome-extension://abc/popup.html")
                .blockedUri("inline")));
        assertEquals(NoiseLocation.DOCUMENT_URI, extensionPage.location());
        assertEquals("extension:chrome-extension:", extensionPage.ruleId());

        NoiseVerdict.Noise devMachine = noise(check(report().documentUri("http://localhost:8080/").blockedUri("inline")));
        assertEquals("local-address:*.localhost", devMachine.ruleId());

        assertInstanceOf(NoiseVerdict.Clean.class, check(report().documentUri("about:srcdoc").blockedUri("inline")));
        assertInstanceOf(NoiseVerdict.Clean.class,
                check(report().documentUri("https://addons.mozilla.org/en-US/").blockedUri("inline")),
                "injector hosts say nothing about the tenant's own pages");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "installGlobalHook(window)",
        "var lastpass_it = 1",
        "onclick attribute on DIV element",
        "(function(){ abNoOp()",
        "window.klTabId_kis = 'x'",
        ".cip-genpw-icon { margin: 0 }",
    })
    void recognizesInjectedScriptSignaturesInTheSample(String sample) {
        NoiseVerdict.Noise noise = noise(check(report().blockedUri("inline").sample(sample)));

        assertEquals(NoiseCategory.INJECTED_SCRIPT, noise.category());
        assertEquals(NoiseLocation.SAMPLE, noise.location());
    }

    @Test
    void flagsFirefoxBefore43ReportingItsOwnInlineScriptAsSelf() {
        CspViolationReport old = report().blockedUri("self").build();
        NoiseVerdict.Noise noise = noise(filter.check(normalizer.normalize(old,
                Optional.of("Mozilla/5.0 (Windows NT 6.1; rv:42.0) Gecko/20100101 Firefox/42.0")), NoiseRules.defaults()));
        assertEquals("browser-bug:" + NoiseFilter.FIREFOX_SELF_BUG_RULE, noise.ruleId());
        assertEquals(NoiseLocation.USER_AGENT, noise.location());

        assertInstanceOf(NoiseVerdict.Clean.class, filter.check(normalizer.normalize(old,
                Optional.of(ReportSamples.FIREFOX_UA)), NoiseRules.defaults()));
    }

    @Test
    void appliesTenantDenyPatterns() {
        NoiseRules rules = NoiseRules.of(List.of(), List.of("*.staging-proxy.example"), true);

        NoiseVerdict.Noise noise = noise(check(report().blockedUri("https://a.staging-proxy.example/x"), rules));
        assertEquals("tenant-deny:*.staging-proxy.example", noise.ruleId());
    }

    @Test
    void allowPatternsWinOverDenyPatternsAndDefaults() {
        NoiseRules rules = NoiseRules.of(List.of("widgets.amung.us", "*.partner.example"),
                List.of("*.partner.example"), true);

        NoiseVerdict amung = check(report().blockedUri("https://widgets.amung.us/x.js"), rules);
        assertEquals(new NoiseVerdict.Allowed("widgets.amung.us", NoiseLocation.BLOCKED_URI), amung);
        assertInstanceOf(NoiseVerdict.Allowed.class, check(report().blockedUri("https://cdn.partner.example/"), rules));
        assertEquals("injector:widgets.amung.us",
                noise(check(report().blockedUri("https://widgets.amung.us/x.js"))).ruleId());
    }

    @Test
    void tenantsCanTurnTheDefaultsOff() {
        NoiseRules noDefaults = NoiseRules.of(List.of(), List.of(), false);

        assertInstanceOf(NoiseVerdict.Clean.class, check(report().blockedUri("chrome-extension"), noDefaults));
        assertInstanceOf(NoiseVerdict.Clean.class,
                check(report().blockedUri("inline").sample("installGlobalHook(window)"), noDefaults));
    }

    @Test
    void tenantPatternsAreValidatedWhenBuilt() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> NoiseRules.of(List.of("ok.example"), List.of("bad host"), true));

        assertTrue(error.getMessage().startsWith("deny patterns: [0] invalid pattern 'bad host'"), error.getMessage());
    }

    @Test
    void theDefaultListParsesFromItsResource() {
        NoiseFilter reloaded = NoiseFilter.fromResource(NoiseFilter.DEFAULTS_RESOURCE);
        assertEquals("extension:chrome-extension:",
                noise(reloaded.check(normalizer.normalize(report().blockedUri("chrome-extension").build(),
                        Optional.empty()), NoiseRules.defaults())).ruleId());
    }

    @Test
    void rejectsAMalformedNoiseListNamingTheLine() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NoiseFilter.parse(List.of("x.example")))
                .getMessage().contains("line 1: entry before any [category]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NoiseFilter.parse(List.of("[nope]")))
                .getMessage().contains("unknown category 'nope'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NoiseFilter.parse(List.of("[tenant-deny]")))
                .getMessage().contains("unknown category"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> NoiseFilter.parse(List.of("# c", "[injector]", "\"open"))).getMessage().contains("line 3"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> NoiseFilter.parse(List.of("[injector]", "bad host"))).getMessage().contains("[injector]"));
    }
}
