package org.secheaders.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.secheaders.domain.report.ReportSamples.CSP_REPORT;
import static org.secheaders.domain.report.ReportSamples.bytes;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.secheaders.domain.model.SecurityViolation;
import org.secheaders.domain.testing.SteppedClock;

class ProcessedViolationTest {
    private static final Instant T0 = Instant.parse("2026-05-01T12:00:00Z");

    @Test
    void becomesADraftWithEveryColumnAndTheFactsThatHaveNone() {
        ReportPipeline pipeline = ReportPipeline.builder(new SteppedClock(T0)).build();
        ReportTenant tenant = new ReportTenant(42, NoiseRules.defaults(),
                ClassificationContext.of(List.of("*.shop.example.com"), List.of(), List.of(), List.of("/checkout")));
        ProcessedViolation violation = pipeline.process(tenant, CSP_REPORT, bytes(ReportSamples.CHROME_INLINE),
                ClientInfo.of(ReportSamples.CHROME_UA, "203.0.113.77")).violations().get(0);

        SecurityViolation.Draft draft = violation.toDraft();

        assertEquals(42, draft.tenantId());
        assertEquals(violation.violationType(), draft.violationType());
        assertEquals("script-src-elem", draft.policyDirective());
        assertEquals(Optional.of("inline"), draft.blockedUri());
        assertEquals("https://shop.example.com/checkout", draft.documentUri());
        assertEquals(violation.referrer(), draft.referrer());
        assertEquals(Optional.of("Chrome 126 (Windows)"), draft.userAgent());
        assertEquals(violation.sourceFile(), draft.sourceFile());
        assertEquals(Optional.of(12), draft.lineNumber());
        assertEquals(Optional.of(5), draft.columnNumber());
        assertEquals(violation.severity(), draft.severityLevel());
        assertEquals(violation.classification(), draft.threatClassification());
        assertEquals(Optional.of("v1.malicious.injection-sample"), draft.classificationRule());
        assertEquals(T0, draft.receivedAt());
        assertEquals("enforce", draft.metadata().get("disposition"));
        assertEquals("chrome", draft.metadata().get("browser_family"));
        assertEquals(126, draft.metadata().get("browser_major_version"));
        assertEquals(violation.sample().orElseThrow(), draft.metadata().get("sample"));
        assertEquals(1, draft.metadata().get("duplicate_count"));
        assertEquals(violation.dedupeKey(), draft.metadata().get("dedupe_key"));
        assertEquals(violation.metadata().get("reason"), draft.metadata().get("reason"));
        assertEquals("v1", draft.metadata().get("rule_set"));
    }

    @Test
    void theCallersMetadataIsAddedToTheRow() {
        ReportPipeline pipeline = ReportPipeline.builder(new SteppedClock(T0)).build();
        ProcessedViolation violation = pipeline.process(ReportTenant.withDefaults(7), CSP_REPORT,
                bytes(ReportSamples.CHROME_INLINE), ClientInfo.none()).violations().get(0);

        SecurityViolation.Draft draft = violation.toDraft(Map.of("report_count", 3L, "wal_position", 120L));

        assertEquals(3L, draft.metadata().get("report_count"));
        assertEquals(120L, draft.metadata().get("wal_position"));
        assertEquals(violation.dedupeKey(), draft.metadata().get(ProcessedViolation.DEDUPE_KEY));
        assertEquals(violation.toDraft().metadata().size() + 2, draft.metadata().size());
    }
}
