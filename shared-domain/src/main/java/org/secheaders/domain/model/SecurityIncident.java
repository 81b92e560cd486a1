package org.secheaders.domain.model;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A security incident of one tenant; its history is the list of {@link IncidentEvent}s.
 *
 * @param relatedKeys what the incident is about, e.g. violation ids, directive, blocked host (JSON object)
 * @param resolvedAt  set when the incident entered {@code resolved} or {@code closed}; cleared on reopen
 */
public record SecurityIncident(
        long id,
        long tenantId,
        String title,
        String description,
        SecuritySeverity severity,
        IncidentStatus status,
        ThreatClassification threatClassification,
        IncidentSource source,
        Map<String, Object> relatedKeys,
        Instant detectedAt,
        Optional<Instant> resolvedAt,
        Instant createdAt,
        Instant updatedAt) {

    public SecurityIncident {
        relatedKeys = Values.jsonMap(relatedKeys);
    }

    /** A newly detected incident; it is stored as {@link IncidentStatus#OPEN}. */
    public record Draft(
            long tenantId,
            String title,
            String description,
            SecuritySeverity severity,
            ThreatClassification threatClassification,
            IncidentSource source,
            Map<String, Object> relatedKeys,
            Instant detectedAt) {

        public Draft {
            Values.requireText(title, "title");
            description = description == null ? "" : description;
            Values.require(severity, "severity");
            Values.require(threatClassification, "threat_classification");
            Values.require(source, "source");
            relatedKeys = Values.jsonMap(relatedKeys);
            Values.require(detectedAt, "detected_at");
        }
    }
}
