package org.secheaders.compliance.resource;

import java.util.Map;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.repo.ComplianceEventRepository;
import org.secheaders.domain.repo.TenantRepository;
import org.secheaders.platform.tool.ResourceText;
import org.secheaders.platform.tool.ToolContext;

/** {@code secheaders://tenants/{tenant}/compliance/events}: one tenant's newest non-compliance events. */
public final class TenantComplianceEventsResource implements TenantComplianceTemplate {

    private final ComplianceEventListing listing;
    private final TenantRepository tenants;

    public TenantComplianceEventsResource(ComplianceEventRepository events, TenantRepository tenants) {
        this.listing = new ComplianceEventListing(events, tenants);
        this.tenants = tenants;
    }

    @Override
    public String uriTemplate() {
        return "secheaders://tenants/{tenant}/compliance/events";
    }

    @Override
    public String name() {
        return "tenant-compliance-events";
    }

    @Override
    public String title() {
        return "A tenant's non-compliance events";
    }

    @Override
    public String description() {
        return "The tenant's " + ComplianceEventListing.LISTED + " newest non-compliance events, newest first: controls "
                + "that passed at the previous check and fail now, with the remediation and the webhook delivery state.";
    }

    @Override
    public ResourceText read(ToolContext context, Map<String, String> variables) {
        Tenant tenant = TenantComplianceTemplate.tenant(context, variables, tenants);
        return new ResourceText(listing.read(context.scope(), tenant.slug()), mimeType());
    }
}
