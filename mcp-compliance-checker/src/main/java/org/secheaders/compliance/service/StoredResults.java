package org.secheaders.compliance.service;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.secheaders.domain.model.ComplianceCheck;
import org.secheaders.domain.model.ComplianceFramework;

/**
 * A tenant's latest stored result per control, by framework: what the last check of each control
 * found (whichever target it judged), with its evidence and remediation.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StoredResults(String tenant, long tenantId, List<Framework> frameworks) {

    /**
     * @param status and {@code score}: as the framework's most recent check computed them
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Framework(String framework, Instant lastCheckedAt, Optional<Instant> nextCheckAt,
                            Optional<String> status, Optional<Integer> score, List<Control> controls) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Control(String controlId, String controlName, String checkResult, String complianceStatus,
                          Instant checkedAt, Optional<Instant> nextCheckAt, Map<String, Object> evidence,
                          List<String> remediation) {
    }

    public static StoredResults of(String tenant, long tenantId, List<ComplianceCheck> rows) {
        Map<ComplianceFramework, List<ComplianceCheck>> byFramework = new EnumMap<>(ComplianceFramework.class);
        rows.forEach(row -> byFramework.computeIfAbsent(row.framework(), f -> new ArrayList<>()).add(row));
        List<Framework> frameworks = new ArrayList<>();
        byFramework.forEach((framework, list) -> {
            ComplianceCheck latest = list.stream().max(Comparator.comparing(ComplianceCheck::checkedAt)
                    .thenComparing(ComplianceCheck::controlId)).orElseThrow();
            frameworks.add(new Framework(framework.wireName(), latest.checkedAt(),
                    list.stream().flatMap(r -> r.nextCheckAt().stream()).min(Comparator.naturalOrder()),
                    Optional.ofNullable(latest.metadata().get("framework_status")).map(String::valueOf),
                    Optional.ofNullable(latest.metadata().get("framework_score")).filter(Number.class::isInstance)
                            .map(n -> ((Number) n).intValue()),
                    list.stream().sorted(Comparator.comparing(ComplianceCheck::controlId))
                            .map(r -> new Control(r.controlId(), r.controlName(), r.checkResult().wireName(),
                                    r.complianceStatus().wireName(), r.checkedAt(), r.nextCheckAt(), r.evidenceData(),
                                    r.remediationSuggestions()))
                            .toList()));
        });
        return new StoredResults(tenant, tenantId, frameworks);
    }
}
