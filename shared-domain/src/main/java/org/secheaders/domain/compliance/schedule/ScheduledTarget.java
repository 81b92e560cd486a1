package org.secheaders.domain.compliance.schedule;

import java.net.URI;
import org.secheaders.domain.compliance.run.ComplianceTarget;
import org.secheaders.domain.model.Tenant;

/** What scheduled checks judge for each tenant ({@code compliance.scheduler.target}). */
public enum ScheduledTarget {
    /** The tenant's configured headers: no network traffic, the default. */
    CONFIGURED,
    /** The live headers of {@code https://<primary domain>/}. */
    PRIMARY_DOMAIN;

    public ComplianceTarget of(Tenant tenant) {
        return switch (this) {
            case CONFIGURED -> new ComplianceTarget.Configured();
            case PRIMARY_DOMAIN -> new ComplianceTarget.Url(URI.create("https://" + tenant.primaryDomain() + "/"));
        };
    }
}
