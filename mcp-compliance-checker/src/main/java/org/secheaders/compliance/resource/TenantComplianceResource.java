package org.secheaders.compliance.resource;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Map;
import java.util.Optional;
import org.secheaders.compliance.service.StoredResults;
import org.secheaders.domain.compliance.run.ComplianceCheckService;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.repo.TenantRepository;
import org.secheaders.platform.PlatformJson;
import org.secheaders.platform.auth.ResourceCategory;
import org.secheaders.platform.tool.McpResourceTemplate;
import org.secheaders.platform.tool.ResourceNotFoundException;
import org.secheaders.platform.tool.ResourceText;
import org.secheaders.platform.tool.ToolContext;

/** {@code secheaders://tenants/{tenant}/compliance}: a tenant's latest stored compliance results. */
public final class TenantComplianceResource implements McpResourceTemplate {

    static final String MIME_TYPE = "application/json";

    private final ComplianceCheckService checks;
    private final TenantRepository tenants;

    public TenantComplianceResource(ComplianceCheckService checks, TenantRepository tenants) {
        this.checks = checks;
        this.tenants = tenants;
    }

    @Override
    public String uriTemplate() {
        return "secheaders://tenants/{tenant}/compliance";
    }

    @Override
    public String name() {
        return "tenant-compliance";
    }

    @Override
    public String title() {
        return "A tenant's latest compliance results";
    }

    @Override
    public String description() {
        return "The latest stored result of every control checked for the tenant, by framework: outcome, status, "
                + "evidence (header lines with cookie values redacted, checks, rule, citation), remediation, when it was "
                + "checked and when it is due again, and each framework's status and score from its latest check.";
    }

    @Override
    public String mimeType() {
        return MIME_TYPE;
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
        StoredResults results = StoredResults.of(tenant.slug(), tenant.id(), checks.latest(context.scope(), tenant.id()));
        try {
            return new ResourceText(PlatformJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(results),
                    MIME_TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored results always serialize", e);
        }
    }
}
