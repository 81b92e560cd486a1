package org.secheaders.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secheaders.domain.report.ReportSamples.CSP_REPORT;
import static org.secheaders.domain.report.ReportSamples.REPORTS_JSON;
import static org.secheaders.domain.report.ReportSamples.bytes;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.secheaders.domain.model.SecuritySeverity;
import org.secheaders.domain.model.ThreatClassification;
import org.secheaders.domain.model.ViolationType;
import org.secheaders.domain.testing.SteppedClock;

class ReportPipelineTest {
    private static final Instant T0 = Instant.parse("2026-05-01T12:00:00Z");
    private static final String CLIENT_IP = "203.0.113.77";

    private final SteppedClock clock = new SteppedClock(T0);
    private final ReportPipeline pipeline = ReportPipeline.builder(clock).build();
    private final ReportTenant tenant = new ReportTenant(42, NoiseRules.defaults(),
            ClassificationContext.of(List.of("*.shop.example.com"), List.of(), List.of(), List.of("/checkout")));
    private final ClientInfo chrome = ClientInfo.of(ReportSamples.CHROME_UA, CLIENT_IP);

    private PipelineResult post(String contentType, String body) {
        return pipeline.process(tenant, contentType, bytes(body), chrome);
    }

    @Test
    void turnsALegacyChromeReportIntoAStorableViolation() {
        PipelineResult result = post(CSP_REPORT, ReportSamples.CHROME_INLINE);

        assertEquals(1, result.violations().size());
        ProcessedViolation v = result.violations().get(0);
        assertEquals(42, v.tenantId());
        assertEquals(T0, v.receivedAt());
        assertEquals(ViolationType.XSS, v.violationType());
        assertEquals("script-src-elem", v.policyDirective());
        assertEquals("inline", v.blockedUri());
        assertEquals("https://shop.example.com/checkout", v.documentUri());
        assertEquals(Optional.of("https://www.google.com/search"), v.referrer());
        assertEquals(Optional.of("https://shop.example.com/checkout"), v.sourceFile());
        assertEquals(12, v.lineNumber().getAsInt());
        assertEquals(5, v.columnNumber().getAsInt());
        assertEquals("Chrome 126 (Windows)", v.userAgent());
        assertEquals(BrowserFamily.CHROME, v.browserFamily());
        assertEquals(126, v.browserMajorVersion().getAsInt());
        assertEquals(ThreatClassification.MALICIOUS, v.classification());
        assertEquals(SecuritySeverity.CRITICAL, v.severity());
        assertEquals("v1.malicious.injection-sample", v.ruleId());
        assertEquals(Disposition.ENFORCE, v.disposition());
        assertEquals(Optional.of("document.write('<script src=//x.y/a.js')"), v.sample());
        assertEquals(1, v.duplicateCount());
        assertEquals(32, v.dedupeKey().length());
        assertEquals("report_uri", v.metadata().get("report_format"));
        assertEquals("v1", v.metadata().get("rule_set"));
        assertEquals("200", v.metadata().get("status_code"));
        assertEquals("windows", v.metadata().get("os_family"));
        assertEquals("inline sample contains <script", v.metadata().get("evidence"));
        assertTrue(v.metadata().containsKey("policy_hash"));
        assertEquals(List.of(), result.errors());
    }

    @Test
    void processesAReportingApiBatchCountingOtherTypesAndNoise() {
        PipelineResult result = post(REPORTS_JSON, ReportSamples.CHROMIUM_BATCH);

        assertEquals(Map.of("deprecation", 1), result.otherReportCounts());
        assertEquals(Map.of("local-address:private-address", 1), result.noiseCounts(),
                "the headless test page on 127.0.0.1 is a developer machine");
        assertEquals(List.of("v1.noise.local-address", "v1.suspicious.unknown-script-host"),
                result.violations().stream().map(ProcessedViolation::ruleId).toList());
        ProcessedViolation noise = result.violations().get(0);
        assertEquals(ThreatClassification.FALSE_POSITIVE, noise.classification());
        assertEquals("local-address:private-address", noise.metadata().get("noise_rule"));
        assertEquals(BrowserFamily.BOT, noise.browserFamily(), "HeadlessChrome from the report's own user_agent");
    }

    @Test
    void countOnlyModeCountsNoiseWithoutEmittingIt() {
        ReportPipeline countOnly = ReportPipeline.builder(clock).noiseHandling(NoiseHandling.COUNT_ONLY).build();
        PipelineResult result = countOnly.process(tenant, REPORTS_JSON, bytes(ReportSamples.CHROMIUM_BATCH), chrome);

        assertEquals(Map.of("local-address:private-address", 1), result.noiseCounts());
        assertEquals(List.of("v1.suspicious.unknown-script-host"),
                result.violations().stream().map(ProcessedViolation::ruleId).toList());
    }

    @Test
    void countsOtherReportTypesWithABoundedLabelSet() {
        PipelineResult result = post(REPORTS_JSON, ReportSamples.OTHER_TYPES);

        assertEquals(10, result.otherReportCounts().values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(1, result.otherReportCounts().get("other"));
        assertEquals(1, result.otherReportCounts().get("network-error"));
        assertEquals(List.of(), result.violations());
    }

    @Test
    void collapsesIdenticalReportsInOneBatchIntoOneViolation() {
        String item = "{\"type\":\"csp-violation\",\"url\":\"https://shop.example.com/a?x=%d\",\"body\":{"
                + "\"effectiveDirective\":\"img-src\",\"blockedURL\":\"https://pixel.example/p.gif?u=%d\","
                + "\"disposition\":\"enforce\"}}";
        String batch = "[" + String.join(",", item.formatted(1, 1), item.formatted(2, 2), item.formatted(3, 3)) + "]";

        PipelineResult result = post(REPORTS_JSON, batch);

        assertEquals(1, result.violations().size());
        assertEquals(3, result.violations().get(0).duplicateCount());
        assertEquals(0, result.suppressedDuplicates());
    }

    @Test
    void laterDuplicatesAreSuppressedAndTalliedWhenTheWindowCloses() {
        ProcessedViolation first = post(CSP_REPORT, ReportSamples.SAFARI_14).violations().get(0);
        clock.advance(Duration.ofSeconds(4));
        PipelineResult second = post(CSP_REPORT, ReportSamples.SAFARI_14);
        PipelineResult third = pipeline.process(tenant, CSP_REPORT, bytes(ReportSamples.SAFARI_14),
                ClientInfo.of(ReportSamples.SAFARI_UA, "198.51.100.1"));

        assertEquals(List.of(), second.violations());
        assertEquals(1, second.suppressedDuplicates());
        assertEquals(1, third.suppressedDuplicates());
        assertEquals(List.of(), pipeline.drainClosedTallies());

        clock.advance(Duration.ofSeconds(6));
        List<DuplicateTally> tallies = pipeline.drainClosedTallies();
        assertEquals(List.of(new DuplicateTally(42, first.dedupeKey(), first.receivedAt(), T0.plusSeconds(4), 2, 2)),
                tallies);

        PipelineResult reopened = post(CSP_REPORT, ReportSamples.SAFARI_14);
        assertEquals(1, reopened.violations().size(), "a new window stores a new row");
    }

    @Test
    void talliesAlsoLeaveWithTheNextRequest() {
        post(CSP_REPORT, ReportSamples.SAFARI_14);
        post(CSP_REPORT, ReportSamples.SAFARI_14);
        clock.advance(Duration.ofSeconds(10));

        PipelineResult next = post(CSP_REPORT, ReportSamples.FIREFOX_108);

        assertEquals(1, next.duplicateTallies().size());
        assertEquals(1, next.duplicateTallies().get(0).duplicates());
        assertEquals(List.of(), pipeline.closeAll(), "nothing else had duplicates");
    }

    @Test
    void tenantsNeverShareDedupeWindows() {
        post(CSP_REPORT, ReportSamples.SAFARI_14);
        PipelineResult other = pipeline.process(ReportTenant.withDefaults(7), CSP_REPORT,
                bytes(ReportSamples.SAFARI_14), chrome);

        assertEquals(1, other.violations().size());
        assertEquals(7, other.violations().get(0).tenantId());
    }

    @Test
    void passesParseErrorsThroughAndNeverThrows() {
        PipelineResult rejected = pipeline.process(tenant, "text/plain", bytes("{}"), chrome);
        assertTrue(rejected.rejected());
        assertEquals(ReportErrorCode.UNSUPPORTED_CONTENT_TYPE, rejected.errors().get(0).code());

        PipelineResult partial = post(REPORTS_JSON, "[1, " + ReportSamples.MDN_REPORT_TO.substring(1));
        assertFalse(partial.rejected());
        assertEquals(1, partial.violations().size());
        assertEquals(0, partial.errors().get(0).item().getAsInt());
    }

    @Test
    void acceptsStructuredReportsFromTheMcpTool() {
        CspViolationReport report = CspViolationReport.builder(ReportFormat.STRUCTURED)
                .documentUri("https://www.shop.example.com/checkout/pay?order=9").effectiveDirective("connect-src")
                .blockedUri("https://exfil.example/c?cc=4111").disposition("enforce").build();

        PipelineResult result = pipeline.process(tenant, List.of(report), ClientInfo.none());

        ProcessedViolation v = result.violations().get(0);
        assertEquals("v1.malicious.exfiltration", v.ruleId());
        assertEquals("structured", v.metadata().get("report_format"));
        assertEquals("Unknown", v.userAgent());
    }

    @Test
    void keepsNoQueryFragmentRawUserAgentClientKeyOrPolicyInItsOutput() {
        PipelineResult result = merge(post(REPORTS_JSON, ReportSamples.MDN_REPORT_TO),
                post(REPORTS_JSON, ReportSamples.CHROMIUM_BATCH), post(CSP_REPORT, ReportSamples.RELAY_REAL),
                post(CSP_REPORT, ReportSamples.CHROME_INLINE));

        assertEquals(5, result.violations().size());
        for (ProcessedViolation v : result.violations()) {
            Stream.concat(Stream.of(v.blockedUri(), v.documentUri()),
                            Stream.of(v.referrer(), v.sourceFile()).flatMap(Optional::stream))
                    .forEach(uri -> assertFalse(uri.contains("?") || uri.contains("#"), uri));
        }
        String everything = result.toString();
        for (String secret : List.of("Mozilla/5.0", "AppleWebKit", CLIENT_IP, "sentry_key", "s3cr3t", "session=",
                "1515535030116", "report-to csp-endpoint-name")) {
            assertFalse(everything.contains(secret), secret);
        }
    }

    private static PipelineResult merge(PipelineResult... results) {
        return new PipelineResult(Stream.of(results).flatMap(r -> r.violations().stream()).toList(), List.of(), 0,
                Map.of(), Map.of(), List.of());
    }
}
