package org.secheaders.domain.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.secheaders.domain.model.IncidentSource;
import org.secheaders.domain.model.IncidentStatus;
import org.secheaders.domain.model.SecurityIncident;
import org.secheaders.domain.model.SecuritySeverity;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.model.ThreatClassification;
import org.secheaders.domain.repo.TenantScope;

/**
 * The incidents the tenants' teams worked on during the demo period, each with its timeline: the
 * attack burst (contained, still open for forensics) and the policy regression (resolved as a
 * false positive after the rollback). Every step is written at the time it happened.
 */
final class DemoIncidents {
    static final String DETECTOR = "anomaly-detector";
    static final int COUNT = 2;

    private final Backdated backdated;

    DemoIncidents(Backdated backdated) {
        this.backdated = backdated;
    }

    void attack(Tenant tenant, PlantedPattern.AttackBurst burst) {
        String analyst = "s.lindqvist@" + tenant.primaryDomain();
        Instant detected = burst.start().plus(Duration.ofMinutes(6));
        Timeline timeline = open(tenant, detected, new SecurityIncident.Draft(tenant.id(),
                "Script injection on checkout sending cookies to " + burst.exfiltrationHost(),
                "Burst of blocked inline script, fetch and image requests to a host never seen for this tenant, "
                        + "from the checkout pages of many shoppers.",
                SecuritySeverity.CRITICAL, ThreatClassification.MALICIOUS, IncidentSource.ANOMALY,
                Map.of("blocked_host", burst.exfiltrationHost(),
                        "directives", List.of("connect-src", "script-src-elem", "img-src"),
                        "documents", burst.paths()),
                detected));
        timeline.status(detected.plus(Duration.ofMinutes(12)), IncidentStatus.INVESTIGATING, analyst,
                Map.of("note", "Paged on-call. Every report names the reviews widget as source file."));
        timeline.event(burst.end().plus(Duration.ofMinutes(2)), "containment_action", analyst,
                Map.of("action", "Removed the reviews widget from " + String.join(" and ", burst.paths())));
        timeline.status(burst.end().plus(Duration.ofMinutes(9)), IncidentStatus.CONTAINED, analyst,
                Map.of("note", "No reports to " + burst.exfiltrationHost() + " since the widget was removed."));
        timeline.event(burst.end().plus(Duration.ofHours(2)), "note", analyst,
                Map.of("text", "Vendor confirms a tampered embed.js build; forcing re-login for sessions active "
                        + "during the window."));
    }

    void regression(Tenant tenant, PlantedPattern.PolicyRegression regression, ReplayedPolicy policy) {
        String engineer = "m.okafor@" + tenant.primaryDomain();
        Instant detected = regression.start().plus(Duration.ofMinutes(9));
        Timeline timeline = open(tenant, detected, new SecurityIncident.Draft(tenant.id(),
                "style-src-elem violations jumped after a policy update",
                "Inline style violations on most pages, starting minutes after a policy change.",
                SecuritySeverity.MEDIUM, ThreatClassification.SUSPICIOUS, IncidentSource.ANOMALY,
                Map.of("directives", regression.directives(),
                        "policy_id", policy.policyId(),
                        "policy_version", policy.versionAt(regression.changedAt())),
                detected));
        timeline.status(detected.plus(Duration.ofMinutes(15)), IncidentStatus.INVESTIGATING, engineer,
                Map.of("note", "Starts 4 minutes after the policy.update by ci-deploy (deploy-4711)."));
        timeline.event(detected.plus(Duration.ofMinutes(40)), "note", engineer,
                Map.of("text", "The reports are the article template's inline <style> blocks and style "
                        + "attributes; the new hash list misses them."));
        timeline.event(regression.rolledBackAt(), "containment_action", engineer,
                Map.of("action", "Rolled style-src back to 'unsafe-inline'",
                        "policy_version", policy.versionAt(regression.rolledBackAt())));
        timeline.status(regression.rolledBackAt().plus(Duration.ofMinutes(20)), IncidentStatus.RESOLVED, engineer,
                Map.of("resolution", "false_positive",
                        "note", "A policy bug, not an attack; hashes will be generated at build time."));
    }

    private Timeline open(Tenant tenant, Instant detected, SecurityIncident.Draft draft) {
        SecurityIncident incident = backdated.incidents(detected.plus(Duration.ofMinutes(1)))
                .create(TenantScope.tenant(tenant.id()), draft, DETECTOR);
        return new Timeline(incident);
    }

    /** Appends to one incident's timeline, each step at its own time. */
    private final class Timeline {
        private final SecurityIncident incident;
        private final TenantScope scope;

        Timeline(SecurityIncident incident) {
            this.incident = incident;
            this.scope = TenantScope.tenant(incident.tenantId());
        }

        void status(Instant at, IncidentStatus status, String actor, Map<String, Object> details) {
            backdated.incidents(at).updateStatus(scope, incident.id(), status, actor, details).orElseThrow();
        }

        void event(Instant at, String type, String actor, Map<String, Object> details) {
            backdated.incidents(at).addEvent(scope, incident.id(), type, actor, details).orElseThrow();
        }
    }
}
