package org.secheaders.analytics.service;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The first page of a security report: every figure computed from the period's data. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ExecutiveSummary(
        long violations,
        Map<String, Long> byClassification,
        Map<String, Long> bySeverity,
        Trend trend,
        List<Risk> topRisks,
        AnomalyCounts anomalies,
        IncidentCounts openIncidents,
        int policyChanges) {

    /**
     * Violations against the previous period of equal length.
     *
     * @param changePercent absent when the previous period had none
     * @param direction     {@code up}, {@code down} or {@code flat}
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Trend(TimeRange previousPeriod, long previousViolations, long change, Optional<Double> changePercent,
            String direction) {
    }

    /** A malicious or suspicious (directive, blocked) pair. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Risk(String directive, String blocked, String classification, long count, Instant firstSeen,
            Instant lastSeen) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record AnomalyCounts(int rateAnomalies, int firstSightings, Map<String, Integer> bySeverity) {
    }

    /** Incidents not resolved or closed, by status, with the most severe listed. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record IncidentCounts(long total, Map<String, Long> byStatus, List<IncidentLine> incidents) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record IncidentLine(long id, String tenant, String title, String severity, String status, Instant detectedAt) {
    }
}
