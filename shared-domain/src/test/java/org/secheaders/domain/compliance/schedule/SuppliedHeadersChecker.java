package org.secheaders.domain.compliance.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.secheaders.domain.compliance.ComplianceEvaluation;
import org.secheaders.domain.compliance.ComplianceEvaluator;
import org.secheaders.domain.compliance.ControlResult;
import org.secheaders.domain.compliance.EvaluationOptions;
import org.secheaders.domain.compliance.EvidenceBundle;
import org.secheaders.domain.compliance.run.CheckRequest;
import org.secheaders.domain.compliance.run.CheckRun;
import org.secheaders.domain.compliance.run.ControlTransition;
import org.secheaders.domain.compliance.run.TenantComplianceChecker;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.grading.ResponseHeaders;
import org.secheaders.domain.model.ComplianceCheck;
import org.secheaders.domain.model.ComplianceFramework;
import org.secheaders.domain.model.ComplianceStatus;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.repo.TenantScope;

/**
 * A small real checker for the scheduler tests (the production one is ComplianceCheckService): it
 * evaluates headers the test sets per tenant with the real engine, stores the rows with a daily
 * next check, and reports transitions against the stored rows. Tenants in {@link #failing} throw.
 */
final class SuppliedHeadersChecker implements TenantComplianceChecker {
    static final Duration PERIOD = Duration.ofDays(1);
    static final ResponseHeaders STRONG = ResponseHeaders.of(
            "Strict-Transport-Security", "max-age=63072000; includeSubDomains; preload",
            "Content-Security-Policy", "default-src 'none'; script-src 'self'; img-src 'self'; style-src 'self';"
                    + " frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'",
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Content-Type", "text/html; charset=utf-8");
    static final ResponseHeaders WITHOUT_HSTS = ResponseHeaders.fromFieldLines(STRONG.fields().stream()
            .filter(field -> !field.name().equalsIgnoreCase("Strict-Transport-Security")).toList());

    private final Database database;
    private final Clock clock;
    private final Map<Long, ResponseHeaders> headers = new ConcurrentHashMap<>();
    final Set<Long> failing = ConcurrentHashMap.newKeySet();
    final List<CheckRequest> calls = new CopyOnWriteArrayList<>();

    SuppliedHeadersChecker(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    SuppliedHeadersChecker serve(Tenant tenant, ResponseHeaders served) {
        headers.put(tenant.id(), served);
        return this;
    }

    @Override
    public CheckRun check(CheckRequest request) {
        calls.add(request);
        if (failing.contains(request.tenantId())) {
            throw new IllegalArgumentException("tenant " + request.tenantId() + " cannot be judged: test failure");
        }
        TenantScope scope = TenantScope.tenant(request.tenantId());
        Tenant tenant = database.tenants().findById(scope, request.tenantId()).orElseThrow();
        ComplianceEvaluation evaluation = ComplianceEvaluator.standard().evaluate(
                EvidenceBundle.supplied(headers.getOrDefault(tenant.id(), STRONG)), request.frameworks(),
                EvaluationOptions.defaults());
        Instant checkedAt = clock.instant();
        List<ComplianceCheck.Draft> drafts = new ArrayList<>();
        List<ControlTransition> transitions = new ArrayList<>();
        for (ControlResult control : evaluation.controls()) {
            database.complianceChecks().findByKey(scope, tenant.id(), control.framework(), control.controlId())
                    .filter(previous -> previous.checkResult() != control.result())
                    .ifPresent(previous -> transitions.add(new ControlTransition(control.framework(), control.controlId(),
                            control.name(), previous.checkResult(), control.result(), control.severity(),
                            control.remediation())));
            drafts.add(new ComplianceCheck.Draft(tenant.id(), control.framework(), control.controlId(), control.name(),
                    control.result(), ComplianceStatus.PENDING, Map.of(), List.of(control.remediation()), checkedAt,
                    Optional.of(checkedAt.plus(PERIOD)), Map.of()));
        }
        List<ComplianceCheck> stored = database.complianceChecks().upsert(scope, drafts, request.actor());
        Map<ComplianceFramework, Instant> next = new EnumMap<>(ComplianceFramework.class);
        request.frameworks().forEach(framework -> next.put(framework, checkedAt.plus(PERIOD)));
        return new CheckRun(tenant.id(), tenant.slug(), checkedAt, evaluation, stored, transitions, next);
    }
}
