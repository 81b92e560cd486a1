package org.secheaders.compliance.resource;

import java.util.Map;
import java.util.Optional;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.repo.ComplianceEventRepository;
import org.secheaders.domain.repo.TenantRepository;
import org.secheaders.platform.auth.ResourceCategory;
import org.secheaders.platform.tool.McpResourceTemplate;
import org.secheaders.platform.tool.ResourceNotFoundException;
import org.secheaders.platform.tool.ResourceText;
import org.secheaders.platform.tool.ToolContext;

/** {@code secheaders://tenants/{tenant}/compliance/events}: one tenant's newest non-compliance events. */
public final class TenantComplianceEventsResource implements McpResourceTemplate {

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
    public String mimeType() {
        return ComplianceEventListing.MIME_TYPE;
    }

    @Override
    public ResourceCategory category() {
        return ResourceCategory.COMPLIANCE;
    }

    @Override
    public Optional<String> tenantVariable() {
        return Optional.of("tenant");
    }

    @Override
    public ResourceText read(ToolContext context, Map<String, String> variables) {
        Tenant tenant = context.tenantId().flatMap(id -> tenants.findById(context.scope(), id))
                .orElseThrow(() -> new ResourceNotFoundException("no tenant '" + variables.get("tenant") + "'"));
        return new ResourceText(listing.read(context.scope(), tenant.slug()), ComplianceEventListing.MIME_TYPE);
    }
}
