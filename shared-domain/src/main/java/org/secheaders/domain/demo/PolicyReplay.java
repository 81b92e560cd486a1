package org.secheaders.domain.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.model.TenantSecurityPolicy;
import org.secheaders.domain.repo.TenantScope;

/**
 * Writes a {@link PolicyHistory} through the policy repository at the revisions' own times: the
 * first revision creates the row and activates it a minute later, each further one updates it.
 * The repository bumps the policy version and appends the audit entry of every step.
 */
final class PolicyReplay {
    private static final Duration REVIEW_BEFORE_ACTIVATION = Duration.ofMinutes(1);

    private final Database database;
    private final Backdated backdated;

    PolicyReplay(Database database, Backdated backdated) {
        this.database = database;
        this.backdated = backdated;
    }

    ReplayedPolicy replay(Tenant tenant, PolicyHistory history) {
        TenantScope scope = TenantScope.tenant(tenant.id());
        List<Long> versions = new ArrayList<>();
        long policyId = 0;
        for (PolicyRevision revision : history.revisions()) {
            TenantSecurityPolicy.Draft draft = new TenantSecurityPolicy.Draft(tenant.id(), revision.policyName(),
                    history.type(), revision.policy().toConfig(tenant.slug()), history.inheritanceMode(),
                    history.overridePermissions(), revision.at(), Optional.empty());
            if (versions.isEmpty()) {
                policyId = backdated.policies(revision.at()).insert(scope, draft, revision.actor()).id();
                backdated.policies(revision.at().plus(REVIEW_BEFORE_ACTIVATION))
                        .activate(scope, policyId, revision.actor());
            } else {
                backdated.policies(revision.at()).update(scope, policyId, draft, revision.actor()).orElseThrow();
            }
            versions.add(database.policyVersions().current(scope, tenant.id()));
        }
        return new ReplayedPolicy(policyId,
                history.revisions().stream().map(PolicyRevision::at).toList(), versions);
    }
}
