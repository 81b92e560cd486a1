package org.secheaders.domain.repo;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.secheaders.domain.db.UtcTimestamps;
import org.secheaders.domain.model.IncidentEvent;
import org.secheaders.domain.model.IncidentSource;
import org.secheaders.domain.model.IncidentStatus;
import org.secheaders.domain.model.SecurityIncident;
import org.secheaders.domain.model.SecuritySeverity;
import org.secheaders.domain.model.ThreatClassification;

/**
 * Incidents and their timelines. Creating an incident and changing its status append the
 * {@link IncidentEvent#CREATED} / {@link IncidentEvent#STATUS_CHANGED} event in the same transaction.
 */
public final class IncidentRepository {
    private static final String SELECT = """
            SELECT id, tenant_id, title, description, severity, status, threat_classification, source,
                   related_keys, detected_at, resolved_at, created_at, updated_at
            FROM security_incidents""";
    private static final String INSERT = """
            INSERT INTO security_incidents (tenant_id, title, description, severity, status,
                threat_classification, source, related_keys, detected_at, created_at, updated_at)
            VALUES (:tenant_id, :title, :description, :severity, :status,
                :threat_classification, :source, :related_keys, :detected_at, :now, :now)""";
    private static final String UPDATE_STATUS = """
            UPDATE security_incidents SET status = :status, resolved_at = :resolved_at, updated_at = :now
            WHERE id = :id""";
    private static final String SELECT_EVENTS =
            "SELECT id, incident_id, tenant_id, event_type, actor, details, occurred_at FROM incident_events";
    private static final String INSERT_EVENT = """
            INSERT INTO incident_events (incident_id, tenant_id, event_type, actor, details, occurred_at)
            VALUES (:incident_id, :tenant_id, :event_type, :actor, :details, :occurred_at)""";

    private final Jdbi jdbi;
    private final Clock clock;

    public IncidentRepository(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Opens an incident; {@code actor} is who or what raised it (user, detector id). */
    public SecurityIncident create(TenantScope scope, SecurityIncident.Draft draft, String actor) {
        scope.requireAccess(draft.tenantId());
        return jdbi.inTransaction(handle -> {
            Instant now = clock.instant();
            long id = handle.createUpdate(INSERT)
                    .bind("tenant_id", draft.tenantId())
                    .bind("title", draft.title())
                    .bind("description", draft.description())
                    .bind("severity", draft.severity().wireName())
                    .bind("status", IncidentStatus.OPEN.wireName())
                    .bind("threat_classification", draft.threatClassification().wireName())
                    .bind("source", draft.source().wireName())
                    .bind("related_keys", Json.write(draft.relatedKeys()))
                    .bind("detected_at", draft.detectedAt())
                    .bind("now", now)
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            SecurityIncident incident = find(handle, scope, id).orElseThrow();
            appendEvent(handle, incident, IncidentEvent.CREATED, actor, Map.of("source", draft.source().wireName()), now);
            return incident;
        });
    }

    public Optional<SecurityIncident> findById(TenantScope scope, long id) {
        return jdbi.withHandle(handle -> find(handle, scope, id));
    }

    /** Incidents, most recently detected first, optionally only those in {@code status}. */
    public Page<SecurityIncident> list(TenantScope scope, Optional<IncidentStatus> status, PageRequest page) {
        Where where = Where.scoped(scope).and(status.map(IncidentStatus::wireName), "status = :status", "status");
        return jdbi.inTransaction(handle -> {
            long total = where.bind(handle.createQuery("SELECT COUNT(*) FROM security_incidents" + where.sql()))
                    .mapTo(Long.class)
                    .one();
            List<SecurityIncident> items = where.bind(handle.createQuery(
                            SELECT + where.sql() + " ORDER BY detected_at DESC, id DESC LIMIT :limit OFFSET :offset"))
                    .bind("limit", page.limit())
                    .bind("offset", page.offset())
                    .map(IncidentRepository::map)
                    .list();
            return new Page<>(items, total, page);
        });
    }

    /**
     * Moves the incident to {@code status}: entering resolved/closed stamps {@code resolved_at}
     * (kept when moving between the two), any other status clears it. The timeline gets a
     * {@link IncidentEvent#STATUS_CHANGED} event with {@code from}, {@code to} and {@code details}.
     * Empty if the scope has no such incident.
     */
    public Optional<SecurityIncident> updateStatus(
            TenantScope scope, long id, IncidentStatus status, String actor, Map<String, Object> details) {
        return jdbi.inTransaction(handle -> {
            Optional<SecurityIncident> existing = find(handle, scope, id);
            if (existing.isEmpty()) {
                return existing;
            }
            Instant now = clock.instant();
            Optional<Instant> resolvedAt = status.isResolution()
                    ? existing.get().resolvedAt().or(() -> Optional.of(now))
                    : Optional.empty();
            handle.createUpdate(UPDATE_STATUS)
                    .bind("status", status.wireName())
                    .bindByType("resolved_at", resolvedAt.orElse(null), Instant.class)
                    .bind("now", now)
                    .bind("id", id)
                    .execute();
            Map<String, Object> eventDetails = new LinkedHashMap<>(details);
            eventDetails.put("from", existing.get().status().wireName());
            eventDetails.put("to", status.wireName());
            SecurityIncident updated = find(handle, scope, id).orElseThrow();
            appendEvent(handle, updated, IncidentEvent.STATUS_CHANGED, actor, eventDetails, now);
            return Optional.of(updated);
        });
    }

    /** Adds an event to the incident's timeline; empty if the scope has no such incident. */
    public Optional<IncidentEvent> addEvent(
            TenantScope scope, long incidentId, String eventType, String actor, Map<String, Object> details) {
        return jdbi.inTransaction(handle -> {
            Optional<SecurityIncident> incident = find(handle, scope, incidentId);
            return incident.isEmpty()
                    ? Optional.<IncidentEvent>empty()
                    : Optional.of(appendEvent(handle, incident.get(), eventType, actor, details, clock.instant()));
        });
    }

    /** The incident's events, oldest first; empty if the scope has no such incident. */
    public List<IncidentEvent> timeline(TenantScope scope, long incidentId) {
        Where where = Where.scoped(scope).and("incident_id = :incident_id", "incident_id", incidentId);
        return jdbi.withHandle(handle -> where
                .bind(handle.createQuery(SELECT_EVENTS + where.sql() + " ORDER BY occurred_at, id"))
                .map(IncidentRepository::mapEvent)
                .list());
    }

    private static IncidentEvent appendEvent(Handle handle, SecurityIncident incident, String eventType,
                                             String actor, Map<String, Object> details, Instant now) {
        if (eventType == null || eventType.isBlank() || actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("event_type and actor are required");
        }
        long id = handle.createUpdate(INSERT_EVENT)
                .bind("incident_id", incident.id())
                .bind("tenant_id", incident.tenantId())
                .bind("event_type", eventType)
                .bind("actor", actor)
                .bind("details", Json.write(details))
                .bind("occurred_at", now)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
        return handle.createQuery(SELECT_EVENTS + " WHERE id = :id")
                .bind("id", id)
                .map(IncidentRepository::mapEvent)
                .one();
    }

    private static Optional<SecurityIncident> find(Handle handle, TenantScope scope, long id) {
        Where where = Where.scoped(scope).and("id = :id", "id", id);
        return where.bind(handle.createQuery(SELECT + where.sql())).map(IncidentRepository::map).findOne();
    }

    private static SecurityIncident map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new SecurityIncident(
                rs.getLong("id"),
                rs.getLong("tenant_id"),
                rs.getString("title"),
                rs.getString("description"),
                SecuritySeverity.fromWire(rs.getString("severity")),
                IncidentStatus.fromWire(rs.getString("status")),
                ThreatClassification.fromWire(rs.getString("threat_classification")),
                IncidentSource.fromWire(rs.getString("source")),
                Json.readObject(rs.getString("related_keys")),
                UtcTimestamps.read(rs, "detected_at"),
                UtcTimestamps.readOptional(rs, "resolved_at"),
                UtcTimestamps.read(rs, "created_at"),
                UtcTimestamps.read(rs, "updated_at"));
    }

    private static IncidentEvent mapEvent(ResultSet rs, StatementContext ctx) throws SQLException {
        return new IncidentEvent(
                rs.getLong("id"),
                rs.getLong("incident_id"),
                rs.getLong("tenant_id"),
                rs.getString("event_type"),
                rs.getString("actor"),
                Json.readObject(rs.getString("details")),
                UtcTimestamps.read(rs, "occurred_at"));
    }
}
