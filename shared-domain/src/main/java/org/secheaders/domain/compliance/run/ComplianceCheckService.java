package org.secheaders.domain.compliance.run;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.secheaders.domain.compliance.ComplianceEvaluation;
import org.secheaders.domain.compliance.ComplianceEvaluator;
import org.secheaders.domain.compliance.ConfiguredVsObserved;
import org.secheaders.domain.compliance.ControlResult;
import org.secheaders.domain.compliance.EvaluationOptions;
import org.secheaders.domain.compliance.EvidenceBundle;
import org.secheaders.domain.compliance.EvidenceSource;
import org.secheaders.domain.compliance.FrameworkResult;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.grading.HeaderField;
import org.secheaders.domain.grading.RedirectHop;
import org.secheaders.domain.grading.ResponseHeaders;
import org.secheaders.domain.model.AuditLogEntry;
import org.secheaders.domain.model.CheckResult;
import org.secheaders.domain.model.ComplianceCheck;
import org.secheaders.domain.model.ComplianceFramework;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.policy.PlatformPolicy;
import org.secheaders.domain.repo.TenantScope;
import org.secheaders.domain.scan.HeaderScanner;
import org.secheaders.domain.scan.NotEvaluatedReason;
import org.secheaders.domain.scan.RedactedHeaders;
import org.secheaders.domain.scan.ScanRequest;
import org.secheaders.domain.scan.ScanResult;
import org.secheaders.domain.scan.ScannerSettings;
import org.secheaders.domain.scan.TargetPolicy;

/**
 * Checks a stored tenant: gathers the evidence its target names (configured headers, a live scan
 * with drift against the configuration, or supplied headers) plus its history, evaluates it with the
 * tenant's options, stores one {@code ComplianceCheck} row per control with the next due time of its
 * framework, and audits the run. Equal evidence, history and options give an equal evaluation.
 * Thread-safe; share one per server.
 */
public final class ComplianceCheckService implements TenantComplianceChecker {

    private final Database database;
    private final ComplianceEvaluator evaluator;
    private final HeaderScanner scanner;
    private final ConfiguredHeaders configured;
    private final HistoryReader history;
    private final CheckCadence cadence;
    private final Clock clock;

    public ComplianceCheckService(Database database, ComplianceEvaluator evaluator, HeaderScanner scanner,
            PlatformPolicy platform, CheckCadence cadence, Clock clock) {
        this.database = database;
        this.evaluator = evaluator;
        this.scanner = scanner;
        this.configured = new ConfiguredHeaders(platform, database.policies());
        this.history = new HistoryReader(database.auditLog(), database.violations());
        this.cadence = cadence;
        this.clock = clock;
    }

    /**
     * The built-in catalogue without the OSHP reference, a scanner with default limits that may
     * reach the addresses {@code targets} allows (see docs/SCANNING.md, "Safety"), the default
     * platform policy and a daily cadence.
     */
    public static ComplianceCheckService create(Database database, Clock clock, TargetPolicy targets) {
        return new ComplianceCheckService(database, ComplianceEvaluator.standard(),
                new HeaderScanner(ScannerSettings.defaults().withTargetPolicy(targets)), PlatformPolicy.defaults(),
                CheckCadence.daily(), clock);
    }

    public ComplianceEvaluator evaluator() {
        return evaluator;
    }

    /** With the platform scope: for the scheduler and the CLI, which act for every tenant. */
    @Override
    public CheckRun check(CheckRequest request) {
        return check(TenantScope.platform(), request);
    }

    /**
     * @throws IllegalArgumentException when {@code scope} has no such tenant, or its settings are malformed
     */
    public CheckRun check(TenantScope scope, CheckRequest request) {
        CheckInputs inputs = inputs(scope, request.tenantId(), request.target(), request.overrides());
        Tenant tenant = inputs.tenant();
        Instant now = inputs.at();
        ComplianceEvaluation evaluation = evaluator.evaluate(inputs.bundle(), request.frameworks(), inputs.options());
        TenantCheckSettings settings = inputs.settings();
        TargetEvidence target = inputs.target();

        List<ComplianceCheck> before = new ArrayList<>();
        TenantScope own = TenantScope.tenant(tenant.id());
        request.frameworks().forEach(framework -> before.addAll(database.complianceChecks().findByFramework(own, framework)));
        List<ComplianceCheck> stored = database.complianceChecks().upsert(scope,
                CheckRows.drafts(tenant.id(), evaluation, target, now, settings.cadence()), request.actor());
        List<ControlTransition> transitions = CheckRows.transitions(before, evaluation);
        Map<ComplianceFramework, Instant> next = new EnumMap<>(ComplianceFramework.class);
        evaluation.frameworks().forEach(f -> next.put(f.framework(), settings.cadence().nextAfter(f.framework(), now)));
        database.auditLog().append(scope, new AuditLogEntry.Draft(Optional.of(tenant.id()), request.actor(),
                ComplianceAudit.RUN_ACTION, ComplianceAudit.TENANT_TARGET, Long.toString(tenant.id()),
                runDetails(evaluation, target, transitions)));
        return new CheckRun(tenant.id(), tenant.slug(), now, evaluation, stored, transitions, next, target);
    }

    /**
     * Everything a check of {@code target} evaluates, gathered now without storing anything: for
     * what-if work such as remediation, which must judge exactly what a check would judge.
     *
     * @throws IllegalArgumentException when {@code scope} has no such tenant, or its settings are malformed
     */
    public CheckInputs inputs(TenantScope scope, long tenantId, ComplianceTarget target, OptionOverrides overrides) {
        Tenant tenant = tenant(scope, tenantId);
        Instant now = clock.instant();
        TenantCheckSettings settings = TenantCheckSettings.of(tenant, cadence);
        Gathered gathered = gather(scope, tenant, target, now);
        EvidenceBundle bundle = gathered.bundle().withHistory(history.read(scope, tenant, now));
        if (overrides.profile().isPresent()) {
            bundle = bundle.withProfile(overrides.profile().get());
        }
        return new CheckInputs(tenant, now, settings, overrides.applyTo(settings.options()), bundle, gathered.target());
    }

    /** The tenant's stored results of every framework, by framework and control id. */
    public List<ComplianceCheck> latest(TenantScope scope, long tenantId) {
        tenant(scope, tenantId);
        TenantScope own = TenantScope.tenant(tenantId);
        List<ComplianceCheck> rows = new ArrayList<>();
        for (ComplianceFramework framework : ComplianceFramework.values()) {
            rows.addAll(database.complianceChecks().findByFramework(own, framework));
        }
        return rows;
    }

    /** The tenant's configured headers now, as a check of the configuration judges them. */
    public ResponseHeaders configuredHeaders(TenantScope scope, long tenantId) {
        return configured.of(scope, tenant(scope, tenantId).id(), clock.instant());
    }

    private Tenant tenant(TenantScope scope, long tenantId) {
        return database.tenants().findById(scope, tenantId)
                .orElseThrow(() -> new IllegalArgumentException("no tenant with id " + tenantId));
    }

    private record Gathered(EvidenceBundle bundle, TargetEvidence target) {
    }

    private Gathered gather(TenantScope scope, Tenant tenant, ComplianceTarget target, Instant now) {
        if (target instanceof ComplianceTarget.Supplied supplied) {
            return new Gathered(EvidenceBundle.supplied(supplied.headers()),
                    headersOnly(EvidenceSource.SUPPLIED, supplied.headers()));
        }
        ResponseHeaders config = configured.of(scope, tenant.id(), now);
        if (target instanceof ComplianceTarget.Url url) {
            return scan(url.url().toString(), config);
        }
        return new Gathered(EvidenceBundle.configured(config), headersOnly(EvidenceSource.CONFIGURED, config));
    }

    /**
     * Only this URL (and its redirects and probes) is fetched; a failure becomes not-evaluated
     * evidence, except a target the policy refuses, which fails the check.
     *
     * @throws TargetRefusedException when the URL or a redirect resolves to an address class the scanner may not reach
     */
    private Gathered scan(String url, ResponseHeaders config) {
        ScanResult result = scanner.scan(ScanRequest.of(url));
        if (result instanceof ScanResult.Scanned scanned) {
            EvidenceBundle bundle = EvidenceBundle.observed(scanned.evidence())
                    .withDrift(new ConfiguredVsObserved(config, scanned.evidence().headers()));
            return new Gathered(bundle, new TargetEvidence(EvidenceSource.OBSERVED, Optional.of(url),
                    lines(scanned.rawHeaderLines()), scanned.chain().stream().map(ComplianceCheckService::hop).toList(),
                    Optional.empty()));
        }
        ScanResult.NotEvaluated failed = (ScanResult.NotEvaluated) result;
        if (failed.reason() == NotEvaluatedReason.FORBIDDEN_TARGET) {
            throw new TargetRefusedException(failed.message());
        }
        String reason = failed.reason().name().toLowerCase(java.util.Locale.ROOT) + ": " + failed.message();
        return new Gathered(EvidenceBundle.unavailable(EvidenceSource.OBSERVED, reason),
                new TargetEvidence(EvidenceSource.OBSERVED, Optional.of(url), List.of(), List.of(), Optional.of(reason)));
    }

    private static String hop(RedirectHop hop) {
        return hop.status() + " " + hop.url();
    }

    private static TargetEvidence headersOnly(EvidenceSource source, ResponseHeaders headers) {
        return new TargetEvidence(source, Optional.empty(), lines(RedactedHeaders.redact(headers).fields()), List.of(),
                Optional.empty());
    }

    private static List<String> lines(List<HeaderField> fields) {
        return RedactedHeaders.redact(fields).stream().map(field -> field.name() + ": " + field.value()).toList();
    }

    /** What {@link HistoryReader} reads back: failing controls with severity, passing controls. */
    private static Map<String, Object> runDetails(ComplianceEvaluation evaluation, TargetEvidence target,
            List<ControlTransition> transitions) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("source", target.source().wireName());
        details.put("target", target.label());
        Map<String, Object> frameworks = new LinkedHashMap<>();
        for (FrameworkResult framework : evaluation.frameworks()) {
            frameworks.put(framework.framework().wireName(),
                    Map.of("status", framework.status().wireName(), "score", framework.score()));
        }
        details.put("frameworks", frameworks);
        Map<String, Object> failed = new LinkedHashMap<>();
        List<String> passed = new ArrayList<>();
        for (ControlResult control : evaluation.controls()) {
            if (control.evaluated() && control.result() == CheckResult.FAIL) {
                failed.put(control.controlId(), control.severity().wireName());
            } else if (control.evaluated() && control.result() == CheckResult.PASS) {
                passed.add(control.controlId());
            }
        }
        details.put(ComplianceAudit.FAILED, failed);
        details.put(ComplianceAudit.PASSED, passed);
        details.put("transitions", transitions.size());
        target.notEvaluated().ifPresent(reason -> details.put("not_evaluated", reason));
        return details;
    }
}
