package org.secheaders.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secheaders.domain.report.ReportSamples.bytes;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportNormalizerTest {
    private final ReportNormalizer normalizer = new ReportNormalizer();
    private final ReportParser parser = new ReportParser();

    private NormalizedReport normalize(String body, String requestUserAgent) {
        CspViolationReport report = (CspViolationReport) parser.parse(ReportSamples.JSON, bytes(body)).reports().get(0);
        return normalizer.normalize(report, Optional.ofNullable(requestUserAgent));
    }

    private static CspViolationReport.Builder report() {
        return CspViolationReport.builder(ReportFormat.STRUCTURED)
                .documentUri("https://app.example.com/page").effectiveDirective("script-src-elem");
    }

    private NormalizedReport normalize(CspViolationReport.Builder builder) {
        return normalizer.normalize(builder.build(), Optional.empty());
    }

    @ParameterizedTest(name = "blocked-uri {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "inline                 | inline",
        "eval                   | eval",
        "wasm-eval              | wasm-eval",
        "trusted-types-policy   | trusted-types-policy",
        "trusted-types-sink     | trusted-types-sink",
        "INLINE                 | inline",
        "self                   | 'self'",
        "'self'                 | 'self'",
        "\"\"                     | 'self'",
        "data                   | data:",
        "data:                  | data:",
        "blob                   | blob:",
        "moz-extension          | moz-extension:",
        "chrome-extension://id/x.js | chrome-extension:",
        "about                  | about:",
        "https://cdn.example.com/lib.js?v=3#x | https://cdn.example.com/lib.js",
    })
    void normalizesEveryBlockedUriForm(String raw, String expected) {
        assertEquals(expected, normalize(report().blockedUri(raw)).blocked().value());
    }

    @Test
    void defaultsAMissingBlockedUriToSelf() {
        assertEquals(Optional.of(BlockedKeyword.SELF), normalize(report()).blockedKeyword());
    }

    @Test
    void normalizesRelaysRealChromeReport() {
        NormalizedReport report = normalize(ReportSamples.RELAY_REAL, ReportSamples.CHROME_UA);

        assertEquals("script-src", report.directive());
        assertEquals("http://baddomain.com/test.js", report.blocked().value());
        assertEquals("https://sentry.io/sentry/csp/issues/88513416/", report.document().value());
        assertEquals(Disposition.ENFORCE, report.disposition());
        assertEquals(OptionalInt.of(24), report.lineNumber());
        assertEquals("Chrome 126 (Windows)", report.userAgent().display());
        assertEquals(16, report.policyHash().orElseThrow().length());
    }

    @Test
    void takesTheFirstTokenOfOldFirefoxsViolatedDirectiveAndItsEllipsis() {
        NormalizedReport report = normalize(ReportSamples.FIREFOX_OLD, ReportSamples.FIREFOX_UA);

        assertEquals("style-src", report.directive());
        assertEquals(Optional.of(BlockedKeyword.SELF), report.blockedKeyword());
        Sample sample = report.sample().orElseThrow();
        assertEquals("body { background: url(https://track.exa", sample.text());
        assertTrue(sample.truncated());
        assertEquals(Optional.empty(), report.referrer());
    }

    @Test
    void readsOldFirefoxsEvalSampleAsEval() {
        NormalizedReport report = normalize(ReportSamples.FIREFOX_EVAL, null);

        assertEquals(Optional.of(BlockedKeyword.EVAL), report.blockedKeyword());
        assertEquals("script-src", report.directive());
    }

    @Test
    void keepsSafarisOriginOnlyBlockedUriAndUnknownDisposition() {
        NormalizedReport report = normalize(ReportSamples.SAFARI_14, ReportSamples.SAFARI_UA);

        assertEquals("https://cdn.thirdparty.example", report.blocked().value());
        assertEquals(Disposition.UNKNOWN, report.disposition());
        assertEquals("Safari 14 (macOS)", report.userAgent().display());
    }

    @Test
    void readsAnOldBrowsersEmptyBlockedUriAsSelf() {
        assertEquals(Optional.of(BlockedKeyword.SELF), normalize(ReportSamples.EMPTY_BLOCKED, null).blockedKeyword());
    }

    @Test
    void prefersTheReportsOwnUserAgentOverTheRequestHeader() {
        NormalizedReport report = normalize(ReportSamples.MDN_REPORT_TO, ReportSamples.CHROME_UA);

        assertEquals(BrowserFamily.FIREFOX, report.userAgent().family());
        assertEquals(OptionalInt.of(149), report.userAgent().majorVersion());
        assertEquals(OptionalLong.of(53531), report.ageMillis());
    }

    @Test
    void stripsQueryAndFragmentFromEveryUri() {
        NormalizedReport report = normalize(ReportSamples.CHROME_INLINE, null);

        assertEquals("https://shop.example.com/checkout", report.document().value());
        assertEquals("https://www.google.com/search", report.referrer().orElseThrow().value());
        assertEquals("https://shop.example.com/checkout", report.sourceFile().orElseThrow().value());
    }

    @Test
    void derivesTheDirectiveFromViolatedDirectiveOnlyWhenEffectiveIsMissing() {
        NormalizedReport both = normalize(CspViolationReport.builder(ReportFormat.STRUCTURED)
                .documentUri("https://a.example/").effectiveDirective("Script-Src-Elem")
                .violatedDirective("script-src 'self'"));
        NormalizedReport violatedOnly = normalize(CspViolationReport.builder(ReportFormat.STRUCTURED)
                .documentUri("https://a.example/").violatedDirective("  img-src https://x.example 'self'"));

        assertEquals("script-src-elem", both.directive());
        assertEquals("img-src", violatedOnly.directive());
    }

    @Test
    void capsSamplesAtFortyCharacters() {
        Sample sample = normalize(report().blockedUri("inline").sample("x".repeat(100))).sample().orElseThrow();

        assertEquals(40, sample.text().length());
        assertTrue(sample.truncated());
        Sample exact = normalize(report().blockedUri("inline").sample("y".repeat(40))).sample().orElseThrow();
        assertFalse(exact.truncated());
    }

    @Test
    void splitsTrustedTypesSamplesIntoSinkAndCode() {
        Sample sample = normalize(report().effectiveDirective("require-trusted-types-for")
                .blockedUri("trusted-types-sink").sample("Element innerHTML|<img src=x onerror=alert(1)>"))
                .sample().orElseThrow();

        assertEquals(Optional.of("Element innerHTML"), sample.sink());
        assertEquals("<img src=x onerror=alert(1)>", sample.text());
        Sample inline = normalize(report().blockedUri("inline").sample("a|b")).sample().orElseThrow();
        assertEquals(Optional.empty(), inline.sink());
        assertEquals("a|b", inline.text());
    }

    @Test
    void keepsAboutDocumentsAndReducesExtensionDocumentsToTheirScheme() {
        assertEquals("about:srcdoc", normalize(report().documentUri("about:srcdoc")).document().value());
        assertEquals("chrome-extension:",
                normalize(report().documentUri("chrome-extension://abc/popup.html")).document().value());
    }

    @Test
    void reducesTheUserAgentAndNeverKeepsTheRawString() {
        NormalizedReport report = normalizer.normalize(report().build(), Optional.of(ReportSamples.CHROME_UA));

        assertEquals(new ReducedUserAgent(BrowserFamily.CHROME, OptionalInt.of(126), OsFamily.WINDOWS), report.userAgent());
        assertFalse(report.toString().contains("AppleWebKit"));
        assertEquals(ReducedUserAgent.UNKNOWN, normalize(report()).userAgent());
    }

    @Test
    void mapsDispositionsCaseInsensitively() {
        assertEquals(Disposition.REPORT, normalize(report().disposition("Report")).disposition());
        assertEquals(Disposition.ENFORCE, normalize(report().disposition("enforce")).disposition());
        assertEquals(Disposition.UNKNOWN, normalize(report().disposition("reporting")).disposition());
    }

    @Test
    void hashesThePolicyInsteadOfKeepingItsReportingKeys() {
        NormalizedReport report = normalize(ReportSamples.RELAY_REAL, null);

        assertFalse(report.toString().contains("sentry_key"));
        assertEquals(report.policyHash(), normalize(ReportSamples.RELAY_REAL, null).policyHash());
        assertTrue(report.policyHash().orElseThrow().matches("[0-9a-f]{16}"));
    }
}
