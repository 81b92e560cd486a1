package org.secheaders.analytics.service;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.secheaders.domain.model.SecurityViolation;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.report.ClientInfo;
import org.secheaders.domain.report.PipelineResult;
import org.secheaders.domain.report.ProcessedViolation;
import org.secheaders.domain.report.ReportError;
import org.secheaders.domain.report.ReportPipeline;
import org.secheaders.domain.report.ReportTenant;
import org.secheaders.domain.report.ReportTenants;
import org.secheaders.domain.repo.TenantScope;
import org.secheaders.domain.repo.ViolationRepository;

/**
 * Takes CSP violation reports for one tenant through the real report pipeline (parse, normalize,
 * noise filter, deduplicate, classify) and stores what it returns.
 *
 * <p>The pipeline instance, and so its 10-second dedupe windows, is shared by every call of this
 * process: a report repeated within a window is counted in {@code duplicates_suppressed} of the call
 * that sent it, not stored again. The tallies the pipeline emits when windows close are therefore
 * not applied: each suppressed report was already reported to its caller.
 */
public final class ViolationIntakeService {

    private final ReportPipeline pipeline;
    private final ViolationRepository violations;
    private final EffectivePolicyService policies;
    private final TenantCatalog tenants;

    public ViolationIntakeService(ReportPipeline pipeline, ViolationRepository violations,
            EffectivePolicyService policies, TenantCatalog tenants) {
        this.pipeline = pipeline;
        this.violations = violations;
        this.policies = policies;
        this.tenants = tenants;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record IntakeResult(
            String tenant,
            int received,
            List<StoredViolation> stored,
            int duplicatesSuppressed,
            NoiseSummary noise,
            Map<String, Integer> otherReports,
            List<Problem> errors,
            double processingMs) {
    }

    /** A stored violation with the verdict of the rule that decided it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record StoredViolation(
            long id,
            String directive,
            String blockedUri,
            String documentUri,
            String violationType,
            String severity,
            String classification,
            String ruleId,
            String reason,
            String evidence,
            int duplicateCount,
            Optional<String> noiseRule) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record NoiseSummary(int total, Map<String, Integer> byRule) {
    }

    /** A parse error: {@code item} is the batch index when only that report was skipped. */
    public record Problem(String code, Optional<Integer> item, String message) {
        static Problem of(ReportError error) {
            OptionalInt item = error.item();
            return new Problem(error.code().wireName(), item.isPresent() ? Optional.of(item.getAsInt()) : Optional.empty(),
                    error.message());
        }
    }

    /**
     * @param scope the caller's authorized scope, which must permit {@code tenantId}
     * @throws ReportRejectedException when the body cannot be read at all
     * @throws IllegalArgumentException when the scope has no such tenant
     */
    public IntakeResult track(TenantScope scope, long tenantId, ViolationSubmission submission) {
        long started = System.nanoTime();
        Tenant tenant = tenants.find(scope, tenantId)
                .orElseThrow(() -> new IllegalArgumentException("no tenant " + tenantId));
        ReportTenant reportTenant = reportTenant(scope, tenant);
        PipelineResult result = submission instanceof ViolationSubmission.RawReport raw
                ? pipeline.process(reportTenant, raw.contentType(), raw.body(), ClientInfo.none())
                : pipeline.process(reportTenant, List.of(((ViolationSubmission.StructuredReport) submission).report()),
                        ClientInfo.none());
        if (result.rejected()) {
            throw new ReportRejectedException(result.errors().get(0));
        }
        List<ProcessedViolation> processed = result.violations();
        List<SecurityViolation.Draft> drafts = processed.stream().map(ProcessedViolation::toDraft).toList();
        List<Long> ids = drafts.isEmpty() ? List.of() : violations.insert(scope, drafts);
        List<StoredViolation> stored = new ArrayList<>(processed.size());
        for (int i = 0; i < processed.size(); i++) {
            stored.add(stored(ids.get(i), processed.get(i)));
        }
        int received = processed.stream().mapToInt(ProcessedViolation::duplicateCount).sum()
                + result.suppressedDuplicates();
        double elapsedMs = (System.nanoTime() - started) / 1_000_000.0;
        return new IntakeResult(tenant.slug(), received, stored, result.suppressedDuplicates(),
                new NoiseSummary(result.noiseCounts().values().stream().mapToInt(Integer::intValue).sum(),
                        new TreeMap<>(result.noiseCounts())),
                new TreeMap<>(result.otherReportCounts()),
                result.errors().stream().map(Problem::of).toList(),
                Math.round(elapsedMs * 1000) / 1000.0);
    }

    /**
     * The classifier's view of the tenant, built as every collector builds it ({@link ReportTenants}); the
     * collector route the server mounts in HTTP mode uses it too.
     */
    public ReportTenant reportTenant(TenantScope scope, Tenant tenant) {
        return ReportTenants.of(tenant, policies.allowedHosts(scope, tenant));
    }

    private static StoredViolation stored(long id, ProcessedViolation violation) {
        return new StoredViolation(id, violation.policyDirective(), violation.blockedUri(), violation.documentUri(),
                violation.violationType().wireName(), violation.severity().wireName(),
                violation.classification().wireName(), violation.ruleId(), violation.verdict().reason(),
                violation.verdict().evidence(), violation.duplicateCount(),
                Optional.ofNullable(violation.metadata().get("noise_rule")));
    }
}
