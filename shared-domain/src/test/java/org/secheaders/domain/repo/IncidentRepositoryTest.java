package org.secheaders.domain.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.IncidentEvent;
import org.secheaders.domain.model.IncidentSource;
import org.secheaders.domain.model.IncidentStatus;
import org.secheaders.domain.model.SecurityIncident;
import org.secheaders.domain.model.SecuritySeverity;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.model.ThreatClassification;
import org.secheaders.domain.testing.DbKind;
import org.secheaders.domain.testing.TestDatabases;
import org.secheaders.domain.testing.TestTenants;

class IncidentRepositoryTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    private static final Instant DETECTED = Instant.parse("2025-06-01T12:00:00Z");

    static SecurityIncident.Draft incident(long tenantId, String title, Instant detectedAt) {
        return new SecurityIncident.Draft(tenantId, title, "Spike of script-src violations from one host",
                SecuritySeverity.HIGH, ThreatClassification.MALICIOUS, IncidentSource.ANOMALY,
                Map.of("blocked_host", "evil.example", "violation_ids", List.of(1, 2, 3)), detectedAt);
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void createsAnOpenIncidentWithACreatedEvent(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(db);
        TenantScope scope = TenantScope.tenant(tenant.id());
        SecurityIncident.Draft draft = incident(tenant.id(), "Injected script", DETECTED);

        SecurityIncident created = db.incidents().create(scope, draft, "anomaly-detector");

        assertEquals(IncidentStatus.OPEN, created.status());
        assertEquals("Injected script", created.title());
        assertEquals(draft.description(), created.description());
        assertEquals(SecuritySeverity.HIGH, created.severity());
        assertEquals(ThreatClassification.MALICIOUS, created.threatClassification());
        assertEquals(IncidentSource.ANOMALY, created.source());
        assertEquals(draft.relatedKeys(), created.relatedKeys());
        assertEquals(DETECTED, created.detectedAt());
        assertEquals(Optional.empty(), created.resolvedAt());
        assertEquals(Optional.of(created), db.incidents().findById(scope, created.id()));

        List<IncidentEvent> timeline = db.incidents().timeline(scope, created.id());
        assertEquals(1, timeline.size());
        IncidentEvent event = timeline.get(0);
        assertEquals(IncidentEvent.CREATED, event.eventType());
        assertEquals("anomaly-detector", event.actor());
        assertEquals(created.id(), event.incidentId());
        assertEquals(tenant.id(), event.tenantId());
        assertEquals(Map.of("source", "anomaly"), event.details());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void statusChangesStampResolutionAndExtendTheTimeline(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(db);
        TenantScope scope = TenantScope.tenant(tenant.id());
        long id = db.incidents().create(scope, incident(tenant.id(), "Injected script", DETECTED), "detector").id();

        SecurityIncident investigating = db.incidents()
                .updateStatus(scope, id, IncidentStatus.INVESTIGATING, "bob", Map.of("note", "looking")).orElseThrow();
        assertEquals(Optional.empty(), investigating.resolvedAt());

        SecurityIncident resolved = db.incidents().updateStatus(scope, id, IncidentStatus.RESOLVED, "bob", Map.of()).orElseThrow();
        Instant resolvedAt = resolved.resolvedAt().orElseThrow();
        SecurityIncident closed = db.incidents().updateStatus(scope, id, IncidentStatus.CLOSED, "bob", Map.of()).orElseThrow();
        assertEquals(Optional.of(resolvedAt), closed.resolvedAt(), "closing a resolved incident keeps its resolution time");
        SecurityIncident reopened = db.incidents().updateStatus(scope, id, IncidentStatus.OPEN, "carol", Map.of()).orElseThrow();
        assertEquals(Optional.empty(), reopened.resolvedAt());

        IncidentEvent note = db.incidents().addEvent(scope, id, "note", "carol", Map.of("text", "recurred")).orElseThrow();
        assertEquals("note", note.eventType());

        List<IncidentEvent> timeline = db.incidents().timeline(scope, id);
        assertEquals(List.of(IncidentEvent.CREATED, IncidentEvent.STATUS_CHANGED, IncidentEvent.STATUS_CHANGED,
                        IncidentEvent.STATUS_CHANGED, IncidentEvent.STATUS_CHANGED, "note"),
                timeline.stream().map(IncidentEvent::eventType).toList());
        assertEquals(Map.of("note", "looking", "from", "open", "to", "investigating"), timeline.get(1).details());
        assertEquals(Map.of("from", "closed", "to", "open"), timeline.get(4).details());
        assertEquals(note, timeline.get(5));
        assertEquals(Optional.empty(), db.incidents().updateStatus(scope, Long.MAX_VALUE, IncidentStatus.CLOSED, "bob", Map.of()));
        assertEquals(Optional.empty(), db.incidents().addEvent(scope, Long.MAX_VALUE, "note", "bob", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> db.incidents().addEvent(scope, id, " ", "bob", Map.of()));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void listsMostRecentlyDetectedFirstFilteredByStatus(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(db);
        TenantScope scope = TenantScope.tenant(tenant.id());
        SecurityIncident old = db.incidents().create(scope, incident(tenant.id(), "old", DETECTED), "detector");
        SecurityIncident recent = db.incidents().create(scope, incident(tenant.id(), "recent", DETECTED.plusSeconds(60)), "detector");
        SecurityIncident newest = db.incidents().create(scope, incident(tenant.id(), "newest", DETECTED.plusSeconds(120)), "detector");
        db.incidents().updateStatus(scope, recent.id(), IncidentStatus.CONTAINED, "bob", Map.of());

        Page<SecurityIncident> all = db.incidents().list(scope, Optional.empty(), PageRequest.first(2));
        assertEquals(3, all.total());
        assertEquals(List.of(newest.id(), recent.id()), all.items().stream().map(SecurityIncident::id).toList());
        assertEquals(List.of(old.id()), db.incidents().list(scope, Optional.empty(), all.request().next()).items().stream()
                .map(SecurityIncident::id).toList());
        Page<SecurityIncident> open = db.incidents().list(scope, Optional.of(IncidentStatus.OPEN), PageRequest.first(10));
        assertEquals(List.of(newest.id(), old.id()), open.items().stream().map(SecurityIncident::id).toList());
        assertTrue(db.incidents().list(scope, Optional.of(IncidentStatus.CLOSED), PageRequest.first(10)).items().isEmpty());
    }
}
