package org.secheaders.domain.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.repo.AuditLogRepository;
import org.secheaders.domain.repo.IncidentRepository;
import org.secheaders.domain.repo.PolicyRepository;
import org.secheaders.domain.repo.TenantRepository;

/**
 * The database's repositories with a clock stopped at a past moment, so the demo history is
 * written through the normal repositories (version bumps, audit entries and incident events
 * included) yet carries the times it happened at.
 */
final class Backdated {
    private final Database database;

    Backdated(Database database) {
        this.database = database;
    }

    TenantRepository tenants(Instant at) {
        return new TenantRepository(database.jdbi(), clock(at), database.policyVersions());
    }

    PolicyRepository policies(Instant at) {
        return new PolicyRepository(database.jdbi(), clock(at), database.policyVersions(),
                new AuditLogRepository(database.jdbi(), clock(at)));
    }

    IncidentRepository incidents(Instant at) {
        return new IncidentRepository(database.jdbi(), clock(at));
    }

    private static Clock clock(Instant at) {
        return Clock.fixed(at, ZoneOffset.UTC);
    }
}
