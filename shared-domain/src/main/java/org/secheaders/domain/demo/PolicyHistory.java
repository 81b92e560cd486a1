package org.secheaders.domain.demo;

import java.time.Instant;
import java.util.List;
import org.secheaders.domain.model.PolicyInheritanceMode;
import org.secheaders.domain.model.PolicyType;
import org.secheaders.domain.policy.OverridePermissions;

/**
 * The life of a tenant's one policy row: created and activated with the first revision, updated
 * with each later one. The generator reads which policy pages carried at a moment; the seeder
 * replays the revisions through the policy repository.
 */
record PolicyHistory(
        PolicyType type,
        PolicyInheritanceMode inheritanceMode,
        OverridePermissions overridePermissions,
        List<PolicyRevision> revisions) {

    PolicyHistory {
        revisions = List.copyOf(revisions);
        if (revisions.isEmpty()) {
            throw new IllegalArgumentException("a policy history needs its first revision");
        }
        for (int i = 1; i < revisions.size(); i++) {
            if (!revisions.get(i).at().isAfter(revisions.get(i - 1).at())) {
                throw new IllegalArgumentException("revisions must be in time order");
            }
        }
    }

    /** Index of the revision in force at {@code moment}; the first one for earlier moments. */
    int revisionIndexAt(Instant moment) {
        int index = 0;
        while (index + 1 < revisions.size() && !revisions.get(index + 1).at().isAfter(moment)) {
            index++;
        }
        return index;
    }

    SitePolicy policyAt(Instant moment) {
        return revisions.get(revisionIndexAt(moment)).policy();
    }
}
