package org.secheaders.analytics.service;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.secheaders.domain.model.AuditLogEntry;
import org.secheaders.domain.policy.CspSourceChange;

/**
 * A tenant policy write from the audit log ({@code policy.*} actions).
 *
 * @param changeId       the audit entry's id, by which results refer to the change ("policy change #12")
 * @param removedSources the CSP sources the write took away, as {@code directive source}
 * @param sources        the full change, for matching blocked hosts
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PolicyChange(
        long changeId,
        String tenant,
        long tenantId,
        String action,
        String policyId,
        Optional<String> policyName,
        Optional<Long> policyVersion,
        String actor,
        Instant occurredAt,
        List<String> removedSources,
        @JsonIgnore CspSourceChange sources) {

    static final String ACTION_PREFIX = "policy.";

    static boolean isPolicyChange(AuditLogEntry entry) {
        return entry.action().startsWith(ACTION_PREFIX) && entry.tenantId().isPresent();
    }

    static PolicyChange of(AuditLogEntry entry, String tenant) {
        CspSourceChange sources = CspSourceChange.fromAuditDetails(entry.details());
        List<String> removed = Stream.of(sources.enforced().removed(), sources.reportOnly().removed())
                .flatMap(byDirective -> byDirective.entrySet().stream())
                .flatMap(directive -> directive.getValue().stream().map(source -> directive.getKey() + " " + source))
                .distinct().sorted().toList();
        Map<String, Object> details = entry.details();
        return new PolicyChange(entry.id(), tenant, entry.tenantId().orElseThrow(), entry.action(), entry.targetId(),
                Optional.ofNullable(details.get("policy_name")).map(Object::toString),
                Optional.ofNullable(details.get("policy_version")).filter(Number.class::isInstance)
                        .map(version -> ((Number) version).longValue()),
                entry.actor(), entry.occurredAt(), removed, sources);
    }

    /** The removed sources that allowed {@code blocked} for {@code directive}, nearest directive first. */
    List<CspSourceChange.RemovedSource> removedFor(String directive, String blocked) {
        return sources.removedFor(directive, blocked);
    }
}
