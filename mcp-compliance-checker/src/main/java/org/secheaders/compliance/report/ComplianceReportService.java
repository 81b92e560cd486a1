package org.secheaders.compliance.report;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.secheaders.compliance.report.ComplianceReportDocument.TenantSection;
import org.secheaders.compliance.report.ReportAssembler.Previous;
import org.secheaders.domain.compliance.run.CheckRequest;
import org.secheaders.domain.compliance.run.CheckRun;
import org.secheaders.domain.compliance.run.ComplianceTarget;
import org.secheaders.domain.compliance.run.TenantComplianceChecker;
import org.secheaders.domain.model.Actor;
import org.secheaders.domain.model.ComplianceFramework;
import org.secheaders.domain.model.ComplianceReport;
import org.secheaders.domain.model.ComplianceReportFormat;
import org.secheaders.domain.model.ComplianceReportInfo;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.model.TenantStatus;
import org.secheaders.domain.repo.ComplianceReportRepository;
import org.secheaders.domain.repo.Page;
import org.secheaders.domain.repo.PageRequest;
import org.secheaders.domain.repo.TenantRepository;
import org.secheaders.domain.repo.TenantScope;

/**
 * Generates compliance reports: fresh checks of one tenant, or of every active tenant for the
 * platform scope, through {@link TenantComplianceChecker} (which records them like any check),
 * assembled with the trend against the previous report of the same scope, rendered, and stored to
 * be read back as MCP resources.
 */
public final class ComplianceReportService {

    /** Where a stored report is served: {@code secheaders://compliance-reports/{id}}. */
    public static final String URI_PREFIX = "secheaders://compliance-reports/";
    /** How a platform-wide report names its scope. */
    public static final String ALL_TENANTS = "all tenants";
    /** Text content up to this size is returned by the tool as well; larger reports are read as the resource. */
    public static final int INLINE_CONTENT_LIMIT = 65_536;

    private final TenantComplianceChecker checker;
    private final TenantRepository tenants;
    private final ComplianceReportRepository reports;
    private final Clock clock;

    public ComplianceReportService(TenantComplianceChecker checker, TenantRepository tenants,
                                   ComplianceReportRepository reports, Clock clock) {
        this.checker = checker;
        this.tenants = tenants;
        this.reports = reports;
        this.clock = clock;
    }

    /** What pasted headers are stored as: a trend compares them with the previous pasted set. */
    public static final String SUPPLIED = "supplied headers";

    /**
     * @param target the configured headers, or (tenant scope only) a live URL or supplied headers
     * @param title  empty: "Compliance report for &lt;scope&gt;"
     */
    public record ReportRequest(Set<ComplianceFramework> frameworks, ComplianceReportFormat format, ComplianceTarget target,
                                Optional<String> title) {
        public ReportRequest {
            frameworks = Set.copyOf(frameworks);
            if (frameworks.isEmpty()) {
                throw new IllegalArgumentException("frameworks must name at least one framework");
            }
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(title, "title");
        }

        /** The frameworks in {@link ComplianceFramework} order. */
        List<ComplianceFramework> ordered() {
            return Arrays.stream(ComplianceFramework.values()).filter(frameworks::contains).toList();
        }

        /** How the report stores its target: {@code configured}, the URL, or {@value #SUPPLIED}. */
        String targetLabel() {
            if (target instanceof ComplianceTarget.Url url) {
                return url.url().toString();
            }
            return target instanceof ComplianceTarget.Supplied ? SUPPLIED : ComplianceReport.CONFIGURED;
        }
    }

    /**
     * What the tool returns.
     *
     * @param content the text of a json, markdown or html report up to {@value #INLINE_CONTENT_LIMIT} bytes
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record GeneratedReport(long reportId, String uri, String title, String format, String mimeType, String scope,
                                  String target, List<String> frameworks, List<TenantSummary> tenants,
                                  int contentLength, Optional<String> content) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TenantSummary(String tenant, String source, Optional<String> observatory, ExecutiveSummary summary) {
    }

    public static String uriOf(long reportId) {
        return URI_PREFIX + reportId;
    }

    /**
     * Checks, assembles, renders and stores a report.
     *
     * @throws IllegalArgumentException when a URL or headers are given for the platform scope, no tenant is active,
     *                                  or the checker cannot judge the target
     */
    public GeneratedReport generate(TenantScope scope, ReportRequest request, Actor actor) {
        Optional<Long> tenantId = scope instanceof TenantScope.ForTenant one ? Optional.of(one.tenantId()) : Optional.empty();
        if (tenantId.isEmpty() && !(request.target() instanceof ComplianceTarget.Configured)) {
            throw new IllegalArgumentException("a url or headers report needs a tenant: the platform scope checks "
                    + "configured headers");
        }
        List<Tenant> checked = tenantId.isPresent()
                ? List.of(tenants.findById(scope, tenantId.get())
                        .orElseThrow(() -> new IllegalArgumentException("no tenant " + tenantId.get())))
                : tenants.list(scope).stream().filter(t -> t.status() == TenantStatus.ACTIVE).toList();
        if (checked.isEmpty()) {
            throw new IllegalArgumentException("there is no active tenant to report on");
        }
        Optional<Previous> previous = reports.latest(scope, tenantId, request.targetLabel())
                .flatMap(report -> ReportSnapshot.fromJson(report.summary())
                        .map(snapshot -> new Previous(report.id(), report.info().createdAt(), snapshot)));

        List<TenantSection> sections = new ArrayList<>();
        String catalogueVersion = "";
        String disclaimer = "";
        for (Tenant tenant : checked) {
            CheckRun run = checker.check(new CheckRequest(tenant.id(), request.frameworks(), request.target(), actor));
            catalogueVersion = run.evaluation().catalogueVersion();
            disclaimer = run.evaluation().disclaimer();
            sections.add(ReportAssembler.section(run, previous));
        }
        String scopeLabel = tenantId.isPresent() ? checked.get(0).slug() : ALL_TENANTS;
        List<String> frameworks = request.ordered().stream().map(ComplianceFramework::wireName).toList();
        String title = request.title().orElse("Compliance report for " + scopeLabel);
        ComplianceReportDocument document = new ComplianceReportDocument(title, scopeLabel, tenantId.isEmpty(), request.targetLabel(),
                clock.instant(), catalogueVersion, frameworks, sections, disclaimer);

        byte[] content = ComplianceReportRenderer.of(request.format()).render(document);
        ComplianceReport stored = reports.insert(scope, new ComplianceReport.Draft(tenantId, title, request.format(),
                request.ordered(), request.targetLabel(), ReportSnapshot.of(document).toJson(), content, actor.name()));
        Optional<String> inline = request.format().binary() || content.length > INLINE_CONTENT_LIMIT
                ? Optional.empty() : Optional.of(new String(content, StandardCharsets.UTF_8));
        return new GeneratedReport(stored.id(), uriOf(stored.id()), title, request.format().wireName(),
                request.format().mimeType(), scopeLabel, request.targetLabel(), frameworks,
                sections.stream().map(s -> new TenantSummary(s.tenant(), s.source(), s.observatory(), s.summary()))
                        .collect(Collectors.toList()),
                content.length, inline);
    }

    public Optional<ComplianceReport> find(TenantScope scope, long reportId) {
        return reports.findById(scope, reportId);
    }

    public Page<ComplianceReportInfo> list(TenantScope scope, PageRequest page) {
        return reports.list(scope, page);
    }
}
