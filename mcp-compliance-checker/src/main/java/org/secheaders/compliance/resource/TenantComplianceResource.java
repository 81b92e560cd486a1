package org.secheaders.compliance.resource;

import java.util.Map;
import org.secheaders.compliance.service.StoredResults;
import org.secheaders.domain.compliance.run.ComplianceCheckService;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.repo.TenantRepository;
import org.secheaders.platform.tool.ResourceJson;
import org.secheaders.platform.tool.ResourceText;
import org.secheaders.platform.tool.ToolContext;

/** {@code secheaders://tenants/{tenant}/compliance}: a tenant's latest stored compliance results. */
public final class TenantComplianceResource implements TenantComplianceTemplate {

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
    public ResourceText read(ToolContext context, Map<String, String> variables) {
        Tenant tenant = TenantComplianceTemplate.tenant(context, variables, tenants);
        StoredResults results = StoredResults.of(tenant.slug(), tenant.id(), checks.latest(context.scope(), tenant.id()));
        return new ResourceText(ResourceJson.write(results), mimeType());
    }
}
