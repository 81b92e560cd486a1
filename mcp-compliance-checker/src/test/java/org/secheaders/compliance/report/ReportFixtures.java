package org.secheaders.compliance.report;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.secheaders.compliance.report.ComplianceReportDocument.TenantSection;
import org.secheaders.domain.compliance.ComplianceEvaluator;
import org.secheaders.domain.compliance.ConfiguredVsObserved;
import org.secheaders.domain.compliance.EvaluationOptions;
import org.secheaders.domain.compliance.EvidenceBundle;
import org.secheaders.domain.compliance.run.CheckRun;
import org.secheaders.domain.grading.ResponseHeaders;
import org.secheaders.domain.model.ComplianceFramework;

/** Report documents built from real evaluations, without a database. */
final class ReportFixtures {

    static final Instant CHECKED_AT = Instant.parse("2026-12-01T09:00:00Z");
    private static final ComplianceEvaluator EVALUATOR = ComplianceEvaluator.standard();

    private ReportFixtures() {
    }

    static CheckRun run(long tenantId, String slug, EvidenceBundle bundle) {
        return new CheckRun(tenantId, slug, CHECKED_AT, EVALUATOR.evaluate(bundle, EnumSet.allOf(ComplianceFramework.class),
                EvaluationOptions.defaults()), List.of(), List.of(), Map.of());
    }

    static CheckRun configured(long tenantId, String slug, ResponseHeaders headers) {
        return run(tenantId, slug, EvidenceBundle.configured(headers));
    }

    /** Observed headers paired with the configured ones, as a URL scan with drift gives. */
    static CheckRun drifted(long tenantId, String slug, ResponseHeaders configured, ResponseHeaders observed) {
        return run(tenantId, slug, EvidenceBundle.supplied(observed).withDrift(new ConfiguredVsObserved(configured, observed)));
    }

    static ComplianceReportDocument document(String title, boolean platform, CheckRun... runs) {
        List<TenantSection> sections = Arrays.stream(runs).map(run -> ReportAssembler.section(run, Optional.empty())).toList();
        return new ComplianceReportDocument(title, platform ? ComplianceReportService.ALL_TENANTS : runs[0].tenantSlug(),
                platform, "configured", CHECKED_AT.plusSeconds(5), runs[0].evaluation().catalogueVersion(),
                Arrays.stream(ComplianceFramework.values()).map(ComplianceFramework::wireName).toList(), sections,
                runs[0].evaluation().disclaimer());
    }
}
