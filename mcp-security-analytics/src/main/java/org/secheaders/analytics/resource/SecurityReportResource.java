package org.secheaders.analytics.resource;

import java.util.Map;
import java.util.Optional;
import org.secheaders.analytics.service.SecurityReportService;
import org.secheaders.domain.model.SecurityReport;
import org.secheaders.platform.auth.ResourceCategory;
import org.secheaders.platform.tool.McpResourceTemplate;
import org.secheaders.platform.tool.ResourceNotFoundException;
import org.secheaders.platform.tool.ResourceText;
import org.secheaders.platform.tool.ToolContext;

/** {@code secheaders://reports/{id}}: a stored report as generated, in its format. */
public final class SecurityReportResource implements McpResourceTemplate {

    private final SecurityReportService reports;

    public SecurityReportResource(SecurityReportService reports) {
        this.reports = reports;
    }

    @Override
    public String uriTemplate() {
        return SecurityReportService.URI_PREFIX + "{id}";
    }

    @Override
    public String name() {
        return "report";
    }

    @Override
    public String title() {
        return "Security report";
    }

    @Override
    public String description() {
        return "A report stored by generate_security_report, as generated: text/markdown, text/html or application/json.";
    }

    @Override
    public String mimeType() {
        return "text/markdown";
    }

    @Override
    public ResourceCategory category() {
        return ResourceCategory.VIOLATIONS;
    }

    @Override
    public Optional<String> tenantVariable() {
        return Optional.empty();
    }

    @Override
    public ResourceText read(ToolContext context, Map<String, String> variables) {
        String id = variables.get("id");
        SecurityReport report = parse(id).flatMap(reportId -> reports.find(context.scope(), reportId))
                .orElseThrow(() -> new ResourceNotFoundException("no report " + id));
        return new ResourceText(report.content(), report.format().mimeType());
    }

    private static Optional<Long> parse(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
