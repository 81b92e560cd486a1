package org.secheaders.analytics.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.secheaders.analytics.service.ViolationIntakeService.IntakeResult;
import org.secheaders.analytics.service.ViolationIntakeService.StoredViolation;
import org.secheaders.analytics.testing.AnalyticsScenario;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.SecurityViolation;
import org.secheaders.domain.policy.PlatformPolicy;
import org.secheaders.domain.report.CspViolationReport;
import org.secheaders.domain.report.ReportFormat;
import org.secheaders.domain.report.ReportPipeline;
import org.secheaders.domain.repo.TenantScope;

class ViolationIntakeServiceTest {

    private final AnalyticsScenario scenario = AnalyticsScenario.shared();
    private final Database db = scenario.database();
    private final ViolationIntakeService intake = service(scenario);
    private final TenantScope initech = TenantScope.tenant(scenario.initech().id());

    static ViolationIntakeService service(AnalyticsScenario scenario) {
        Database db = scenario.database();
        return new ViolationIntakeService(ReportPipeline.builder(scenario.clock()).build(), db.violations(),
                new EffectivePolicyService(PlatformPolicy.defaults(), db.policies(), db.policyVersions(), scenario.clock()),
                new TenantCatalog(db.tenants()));
    }

    private IntakeResult raw(String contentType, String body) {
        return intake.track(initech, scenario.initech().id(),
                new ViolationSubmission.RawReport(contentType, body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void storesALegacyReportWithTheRuleThatClassifiedIt() {
        IntakeResult result = raw("application/csp-report", """
                {"csp-report": {"document-uri": "https://initech.example/login?next=/admin",
                  "effective-directive": "script-src-elem", "blocked-uri": "inline", "disposition": "enforce",
                  "script-sample": "document.cookie='x'", "line-number": 7, "source-file": "https://initech.example/login"}}""");

        assertEquals(1, result.received());
        StoredViolation stored = result.stored().get(0);
        assertEquals("malicious", stored.classification());
        assertEquals("critical", stored.severity());
        assertEquals("xss", stored.violationType());
        assertEquals("v1.malicious.injection-sample", stored.ruleId());
        assertTrue(stored.evidence().contains("document.cookie"), stored.evidence());
        assertEquals("https://initech.example/login", stored.documentUri(), "the query string is never kept");
        SecurityViolation row = db.violations().findById(initech, stored.id()).orElseThrow();
        assertEquals(Optional.of("v1.malicious.injection-sample"), row.classificationRule());
        assertEquals(AnalyticsScenario.NOW, row.createdAt());
        assertEquals("enforce", row.metadata().get("disposition"));
        assertTrue(result.processingMs() > 0);
        assertEquals("initech", result.tenant());
    }

    @Test
    void countsNoiseOtherReportTypesAndSkippedItemsOfABatch() {
        IntakeResult result = raw("application/reports+json", """
                [{"type": "csp-violation", "url": "https://initech.example/", "body": {"documentURL": "https://initech.example/",
                   "effectiveDirective": "script-src-elem", "blockedURL": "chrome-extension://abc/x.js", "disposition": "enforce"}},
                 {"type": "deprecation", "url": "https://initech.example/", "body": {"id": "x", "message": "old"}},
                 {"type": "csp-violation", "url": "https://initech.example/", "body": {"blockedURL": "https://a.example/"}}]""");

        assertEquals(1, result.noise().total());
        assertEquals(Map.of("extension:chrome-extension:", 1), result.noise().byRule());
        assertEquals(Optional.of("extension:chrome-extension:"), result.stored().get(0).noiseRule());
        assertEquals("false_positive", result.stored().get(0).classification());
        assertEquals(Map.of("deprecation", 1), result.otherReports());
        assertEquals(1, result.errors().size());
        assertEquals(Optional.of(2), result.errors().get(0).item());
        assertEquals("missing_field", result.errors().get(0).code());
    }

    @Test
    void aRepeatWithinTheDedupeWindowIsCountedNotStored() {
        CspViolationReport report = CspViolationReport.builder(ReportFormat.STRUCTURED)
                .documentUri("https://initech.example/pricing").effectiveDirective("img-src")
                .blockedUri("https://pixel.tracker.example/p.gif").lineNumber(4242).build();

        IntakeResult first = intake.track(initech, scenario.initech().id(), new ViolationSubmission.StructuredReport(report));
        IntakeResult repeat = intake.track(initech, scenario.initech().id(), new ViolationSubmission.StructuredReport(report));

        assertEquals(1, first.stored().size());
        assertEquals(List.of(), repeat.stored());
        assertEquals(1, repeat.duplicatesSuppressed());
        assertEquals(1, repeat.received());
    }

    @Test
    void theTenantsOwnHostsAreFirstPartyAndUnknownScriptHostsSuspicious() {
        IntakeResult own = structured("https://static.initech.example/app.js", 9001);
        IntakeResult foreign = structured("https://evil-cdn.example/app.js", 9002);

        assertTrue(!own.stored().get(0).ruleId().equals("v1.suspicious.unknown-script-host"), own::toString);
        assertEquals("v1.suspicious.unknown-script-host", foreign.stored().get(0).ruleId());
    }

    @Test
    void anUnreadableBodyIsRejectedAndAnotherTenantRefused() {
        assertThrows(ReportRejectedException.class, () -> raw("application/csp-report", "{not json"));
        assertThrows(IllegalArgumentException.class, () -> intake.track(TenantScope.tenant(scenario.globex().id()),
                scenario.initech().id(), new ViolationSubmission.RawReport("application/json", "[]".getBytes(StandardCharsets.UTF_8))),
                "a tenant scope finds no other tenant to store for");
    }

    private IntakeResult structured(String blocked, int line) {
        return intake.track(initech, scenario.initech().id(), new ViolationSubmission.StructuredReport(
                CspViolationReport.builder(ReportFormat.STRUCTURED).documentUri("https://initech.example/")
                        .effectiveDirective("script-src-elem").blockedUri(blocked).disposition("enforce")
                        .lineNumber(line).build()));
    }
}
