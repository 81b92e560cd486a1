package org.secheaders.compliance.resource;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.secheaders.compliance.report.ComplianceReportService;
import org.secheaders.domain.model.ComplianceReport;
import org.secheaders.domain.model.ComplianceReportFormat;
import org.secheaders.platform.auth.ResourceCategory;
import org.secheaders.platform.tool.McpResourceTemplate;
import org.secheaders.platform.tool.ResourceBlob;
import org.secheaders.platform.tool.ResourceContent;
import org.secheaders.platform.tool.ResourceNotFoundException;
import org.secheaders.platform.tool.ResourceText;
import org.secheaders.platform.tool.ToolContext;

/** {@code secheaders://compliance-reports/{id}}: a stored compliance report as generated; PDF as a blob. */
public final class ComplianceReportResource implements McpResourceTemplate {

    private final ComplianceReportService reports;

    public ComplianceReportResource(ComplianceReportService reports) {
        this.reports = reports;
    }

    @Override
    public String uriTemplate() {
        return ComplianceReportService.URI_PREFIX + "{id}";
    }

    @Override
    public String name() {
        return "compliance-report";
    }

    @Override
    public String title() {
        return "Compliance report";
    }

    @Override
    public String description() {
        return "A report stored by generate_compliance_report, as generated: text/markdown, text/html, application/json, "
                + "or application/pdf (binary, base64 blob contents).";
    }

    @Override
    public String mimeType() {
        return ComplianceReportFormat.MARKDOWN.mimeType();
    }

    @Override
    public ResourceCategory category() {
        return ResourceCategory.COMPLIANCE;
    }

    @Override
    public Optional<String> tenantVariable() {
        return Optional.empty();
    }

    @Override
    public ResourceContent read(ToolContext context, Map<String, String> variables) {
        String id = variables.get("id");
        // up to 18 digits always fits a long
        ComplianceReport report = Optional.of(id).filter(text -> text.matches("[0-9]{1,18}"))
                .flatMap(text -> reports.find(context.scope(), Long.parseLong(text)))
                .orElseThrow(() -> new ResourceNotFoundException("no compliance report " + id));
        ComplianceReportFormat format = report.info().format();
        return format.binary() ? new ResourceBlob(report.content(), format.mimeType())
                : new ResourceText(new String(report.content(), StandardCharsets.UTF_8), format.mimeType());
    }
}
