package org.secheaders.domain.compliance.run;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.secheaders.domain.compliance.HistoryEvidence;
import org.secheaders.domain.compliance.HistoryEvidence.ConfigChange;
import org.secheaders.domain.compliance.HistoryEvidence.PastFailure;
import org.secheaders.domain.model.AuditLogEntry;
import org.secheaders.domain.model.SecuritySeverity;
import org.secheaders.domain.model.SecurityViolation;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.repo.AuditLogRepository;
import org.secheaders.domain.repo.AuditQuery;
import org.secheaders.domain.repo.Page;
import org.secheaders.domain.repo.PageRequest;
import org.secheaders.domain.repo.PolicyRepository;
import org.secheaders.domain.repo.TenantScope;
import org.secheaders.domain.repo.ViolationQuery;
import org.secheaders.domain.repo.ViolationRepository;

/**
 * What the database knows about a tenant over the observation window, for SOC 2 CC7.x/CC8.1:
 * <ul>
 *   <li>scans: earlier {@value ComplianceAudit#RUN_ACTION} runs, and the run being made ({@code asOf});</li>
 *   <li>failures: a control failing in a run opens a finding, the first later run where it passes
 *       resolves it; a remediation draft naming the control acknowledges it;</li>
 *   <li>changes: policy audit entries that change what is served (activation, deactivation, an edit
 *       of an active row), with their actor as author; an activation of someone else's edit names
 *       the editor as author and the activator as approver;</li>
 *   <li>the last violation report the collector stored.</li>
 * </ul>
 * The window is {@link #WINDOW} long and never starts before the tenant existed.
 */
public final class HistoryReader {

    /** SOC 2 Type II periods run 3 to 12 months; 90 days keeps a check's reads bounded. */
    public static final Duration WINDOW = Duration.ofDays(90);

    private final AuditLogRepository audit;
    private final ViolationRepository violations;

    public HistoryReader(AuditLogRepository audit, ViolationRepository violations) {
        this.audit = audit;
        this.violations = violations;
    }

    public HistoryEvidence read(TenantScope scope, Tenant tenant, Instant asOf) {
        Instant windowStart = asOf.minus(WINDOW).isBefore(tenant.createdAt()) ? minOf(tenant.createdAt(), asOf)
                : asOf.minus(WINDOW);
        // The upper bound is exclusive: entries stamped at asOf belong to this window too.
        AuditQuery window = AuditQuery.all().between(windowStart, asOf.plusMillis(1));
        List<AuditLogEntry> runs = oldestFirst(scope, window.withAction(ComplianceAudit.RUN_ACTION));
        List<AuditLogEntry> drafts = oldestFirst(scope, window.withAction(ComplianceAudit.DRAFT_ACTION));
        List<AuditLogEntry> policyChanges = oldestFirst(scope, new AuditQuery(Optional.empty(), Optional.empty(),
                Optional.of(PolicyRepository.AUDIT_TARGET), Optional.empty(), window.from(), window.to()));
        List<Instant> scans = new ArrayList<>(runs.stream().map(AuditLogEntry::occurredAt).toList());
        scans.add(asOf);
        Optional<Instant> lastReport = violations.query(scope, ViolationQuery.all().receivedBefore(asOf.plusMillis(1)),
                PageRequest.first(1)).items().stream().map(SecurityViolation::createdAt).findFirst();
        return new HistoryEvidence(windowStart, asOf, scans, failures(runs, drafts), changes(policyChanges), lastReport);
    }

    private static Instant minOf(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private List<AuditLogEntry> oldestFirst(TenantScope scope, AuditQuery query) {
        List<AuditLogEntry> entries = new ArrayList<>();
        PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
        Page<AuditLogEntry> found;
        do {
            found = audit.query(scope, query, page);
            entries.addAll(found.items());
            page = page.next();
        } while (found.hasMore());
        Collections.reverse(entries);
        return entries;
    }

    private static List<PastFailure> failures(List<AuditLogEntry> runs, List<AuditLogEntry> drafts) {
        Map<String, OpenFailure> open = new LinkedHashMap<>();
        List<PastFailure> failures = new ArrayList<>();
        for (AuditLogEntry run : runs) {
            Object failed = run.details().get(ComplianceAudit.FAILED);
            if (failed instanceof Map<?, ?> bySeverity) {
                bySeverity.forEach((control, severity) -> open.computeIfAbsent(String.valueOf(control),
                        id -> new OpenFailure(SecuritySeverity.fromWire(String.valueOf(severity)), run.occurredAt())));
            }
            forEachString(run.details().get(ComplianceAudit.PASSED), control -> {
                OpenFailure fixed = open.remove(control);
                if (fixed != null) {
                    failures.add(fixed.toPast(control, drafts, Optional.of(run.occurredAt())));
                }
            });
        }
        open.forEach((control, failure) -> failures.add(failure.toPast(control, drafts, Optional.empty())));
        return failures;
    }

    private record OpenFailure(SecuritySeverity severity, Instant detectedAt) {
        PastFailure toPast(String control, List<AuditLogEntry> drafts, Optional<Instant> resolvedAt) {
            Optional<Instant> acknowledged = drafts.stream()
                    .filter(draft -> !draft.occurredAt().isBefore(detectedAt))
                    .filter(draft -> draft.details().get(ComplianceAudit.CONTROLS) instanceof Collection<?> controls
                            && controls.contains(control))
                    .map(AuditLogEntry::occurredAt)
                    .findFirst();
            return new PastFailure(control, severity, detectedAt, acknowledged, resolvedAt);
        }
    }

    private static List<ConfigChange> changes(List<AuditLogEntry> entries) {
        Map<String, String> lastEditor = new HashMap<>();
        List<ConfigChange> changes = new ArrayList<>();
        for (AuditLogEntry entry : entries) {
            boolean active = Boolean.TRUE.equals(entry.details().get("active"));
            switch (entry.action()) {
                case "policy.create" -> lastEditor.put(entry.targetId(), entry.actor());
                case "policy.update" -> {
                    lastEditor.put(entry.targetId(), entry.actor());
                    if (active) {
                        changes.add(new ConfigChange(entry.occurredAt(), Optional.of(entry.actor()), Optional.empty()));
                    }
                }
                case "policy.activate" -> {
                    String editor = lastEditor.getOrDefault(entry.targetId(), entry.actor());
                    changes.add(editor.equals(entry.actor())
                            ? new ConfigChange(entry.occurredAt(), Optional.of(entry.actor()), Optional.empty())
                            : new ConfigChange(entry.occurredAt(), Optional.of(editor), Optional.of(entry.actor())));
                }
                case "policy.deactivate" ->
                        changes.add(new ConfigChange(entry.occurredAt(), Optional.of(entry.actor()), Optional.empty()));
                default -> {
                    // other policy actions do not change what is served
                }
            }
        }
        return changes;
    }

    private static void forEachString(Object value, Consumer<String> action) {
        if (value instanceof Collection<?> values) {
            values.forEach(v -> action.accept(String.valueOf(v)));
        }
    }
}
