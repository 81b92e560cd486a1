package org.secheaders.domain.model;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of an incident's timeline.
 *
 * @param eventType what happened: {@value #CREATED}, {@value #STATUS_CHANGED}, or a caller's own
 *                  type such as {@code note} or {@code containment_action}
 * @param actor     who or what caused it (user name, token name, detector id)
 */
public record IncidentEvent(
        long id,
        long incidentId,
        long tenantId,
        String eventType,
        String actor,
        Map<String, Object> details,
        Instant occurredAt) {

    /** Written by the repository when the incident is created. */
    public static final String CREATED = "created";
    /** Written by the repository on every status change, with {@code from} and {@code to} in the details. */
    public static final String STATUS_CHANGED = "status_changed";

    public IncidentEvent {
        details = Values.jsonMap(details);
    }
}
