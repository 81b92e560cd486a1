package org.secheaders.compliance.resource;

import org.secheaders.domain.repo.ComplianceEventRepository;
import org.secheaders.domain.repo.TenantRepository;
import org.secheaders.platform.tool.ToolContext;

/** {@code secheaders://compliance/events}: every tenant's newest non-compliance events (platform-wide readers). */
public final class ComplianceEventsResource implements ComplianceListing {

    private final ComplianceEventListing listing;

    public ComplianceEventsResource(ComplianceEventRepository events, TenantRepository tenants) {
        this.listing = new ComplianceEventListing(events, tenants);
    }

    @Override
    public String uri() {
        return "secheaders://compliance/events";
    }

    @Override
    public String name() {
        return "compliance-events";
    }

    @Override
    public String title() {
        return "Non-compliance events";
    }

    @Override
    public String description() {
        return "The " + ComplianceEventListing.LISTED + " newest non-compliance events of all tenants, newest first: "
                + "controls that passed at the previous check and fail now, with the remediation and the webhook "
                + "delivery state. Tenant admins read secheaders://tenants/{tenant}/compliance/events instead.";
    }

    @Override
    public String read(ToolContext context) {
        return listing.read(context.scope(), "all tenants");
    }
}
