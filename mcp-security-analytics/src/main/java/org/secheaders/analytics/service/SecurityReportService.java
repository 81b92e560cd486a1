package org.secheaders.analytics.service;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.secheaders.analytics.service.AnomalyService.AnomalyFinding;
import org.secheaders.analytics.service.AnomalyService.FirstSightingFinding;
import org.secheaders.analytics.service.ExecutiveSummary.AnomalyCounts;
import org.secheaders.analytics.service.ExecutiveSummary.IncidentCounts;
import org.secheaders.analytics.service.ExecutiveSummary.IncidentLine;
import org.secheaders.analytics.service.ExecutiveSummary.Risk;
import org.secheaders.analytics.service.ExecutiveSummary.Trend;
import org.secheaders.analytics.service.ReportDocument.KeyFact;
import org.secheaders.analytics.service.SecurityMetricsService.Breakdown;
import org.secheaders.analytics.service.SecurityMetricsService.Overview;
import org.secheaders.domain.model.IncidentStatus;
import org.secheaders.domain.model.SecurityIncident;
import org.secheaders.domain.model.SecurityReport;
import org.secheaders.domain.model.SecurityReportFormat;
import org.secheaders.domain.model.SecurityReportInfo;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.model.ThreatClassification;
import org.secheaders.domain.repo.AuditLogRepository;
import org.secheaders.domain.repo.IncidentRepository;
import org.secheaders.domain.repo.Page;
import org.secheaders.domain.repo.PageRequest;
import org.secheaders.domain.repo.SecurityReportRepository;
import org.secheaders.domain.repo.TenantScope;
import org.secheaders.domain.repo.ViolationGrouping;
import org.secheaders.domain.repo.ViolationQuery;
import org.secheaders.domain.repo.ViolationRepository;

/**
 * Generates security reports for a period and scope (executive summary and detail tables), renders
 * them as JSON, Markdown or HTML and stores them, to be read back as MCP resources.
 */
public final class SecurityReportService {

    /** Where a stored report is served: {@code secheaders://reports/{id}}. */
    public static final String URI_PREFIX = "secheaders://reports/";

    private static final List<Dimension> DETAIL_DIMENSIONS = List.of(Dimension.DIRECTIVE, Dimension.HOST,
            Dimension.DOCUMENT, Dimension.CLASSIFICATION, Dimension.SEVERITY, Dimension.DAY);
    private static final List<IncidentStatus> OPEN_STATUSES =
            List.of(IncidentStatus.OPEN, IncidentStatus.INVESTIGATING, IncidentStatus.CONTAINED);

    private final SecurityMetricsService metrics;
    private final AnomalyService anomalies;
    private final ViolationRepository violations;
    private final IncidentRepository incidents;
    private final AuditLogRepository audit;
    private final SecurityReportRepository reports;
    private final TenantCatalog tenants;
    private final Clock clock;

    public SecurityReportService(SecurityMetricsService metrics, AnomalyService anomalies, ViolationRepository violations,
            IncidentRepository incidents, AuditLogRepository audit, SecurityReportRepository reports,
            TenantCatalog tenants, Clock clock) {
        this.metrics = metrics;
        this.anomalies = anomalies;
        this.violations = violations;
        this.incidents = incidents;
        this.audit = audit;
        this.reports = reports;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** What the report reads from the violations, in one snapshot. */
    private record Evidence(Overview overview, List<Risk> risks, AnomalyService.Findings findings, Trend trend) {
    }

    public record ReportRequest(TimeRange period, SecurityReportFormat format, Optional<String> title, int topN) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record GeneratedReport(
            long reportId,
            String uri,
            String title,
            String format,
            String mimeType,
            String scope,
            TimeRange period,
            ExecutiveSummary summary,
            List<String> sections,
            int contentLength,
            String content) {
    }

    public static String uriOf(long reportId) {
        return URI_PREFIX + reportId;
    }

    /** Builds, renders and stores a report; {@code author} is recorded as its creator. */
    public GeneratedReport generate(TenantScope scope, ReportRequest request, String author) {
        TimeRange period = request.period();
        Map<Long, Tenant> visible = tenants.visible(scope);
        String scopeLabel = TenantCatalog.label(visible, scope);
        // One snapshot of the violations; each aggregate asked for once.
        Evidence evidence = violations.consistentRead(() -> {
            Overview overview = metrics.overview(scope, ViolationFilter.none().query(period), period,
                    DETAIL_DIMENSIONS, request.topN());
            return new Evidence(overview, topRisks(scope, period, overview.byClassification(), request.topN()),
                    anomalies.scan(scope, visible, period, AnomalyService.DEFAULT_HISTORY),
                    trend(scope, period, overview.total()));
        });
        Overview overview = evidence.overview();
        AnomalyService.Findings findings = evidence.findings();
        List<Risk> risks = evidence.risks();
        IncidentCounts open = openIncidents(scope, visible, request.topN());
        List<PolicyChange> changes = PolicyChange.during(audit, scope, period, visible);

        ExecutiveSummary summary = new ExecutiveSummary(overview.total(), overview.byClassification(),
                overview.bySeverity(), evidence.trend(), risks, anomalyCounts(findings), open, changes.size());
        String title = request.title().orElse("Security report for " + scopeLabel + ", "
                + period.start().toString().substring(0, 10) + " to " + period.end().toString().substring(0, 10));
        List<ReportTable> sections = new ArrayList<>();
        sections.add(riskTable(risks));
        overview.breakdowns().forEach(breakdown -> sections.add(breakdownTable(breakdown)));
        sections.add(anomalyTable(findings.anomalies()));
        sections.add(firstSightingTable(findings.firstSightings()));
        sections.add(incidentTable(open.incidents()));
        sections.add(policyChangeTable(changes));
        ReportDocument document = new ReportDocument(title, scopeLabel, period, clock.instant(), summary,
                keyFacts(summary), sections);

        String content = ReportRenderer.of(request.format()).render(document);
        Optional<Long> tenantId = scope instanceof TenantScope.ForTenant one ? Optional.of(one.tenantId()) : Optional.empty();
        SecurityReport stored = reports.insert(scope, new SecurityReport.Draft(tenantId, title, request.format(),
                period.start(), period.end(), JsonReportRenderer.asMap(summary), content, author));
        return new GeneratedReport(stored.id(), uriOf(stored.id()), title, request.format().wireName(),
                request.format().mimeType(), scopeLabel, period, summary,
                sections.stream().map(ReportTable::title).toList(), content.length(), content);
    }

    public Optional<SecurityReport> find(TenantScope scope, long reportId) {
        return reports.findById(scope, reportId);
    }

    public Page<SecurityReportInfo> list(TenantScope scope, PageRequest page) {
        return reports.list(scope, page);
    }

    private Trend trend(TenantScope scope, TimeRange period, long current) {
        TimeRange previousPeriod = period.previous();
        long previous = violations.count(scope, ViolationQuery.all().between(previousPeriod.start(), previousPeriod.end()));
        long change = current - previous;
        Optional<Double> percent = previous == 0 ? Optional.empty()
                : Optional.of(Rounding.round(100.0 * change / previous));
        return new Trend(previousPeriod, previous, change, percent, change > 0 ? "up" : change < 0 ? "down" : "flat");
    }

    /**
     * Malicious pairs first, then suspicious ones, each most frequent first. A classification the period
     * has none of is not asked for, nor are suspicious pairs once the malicious ones fill the table.
     */
    private List<Risk> topRisks(TenantScope scope, TimeRange period, Map<String, Long> byClassification, int topN) {
        List<Risk> risks = new ArrayList<>();
        for (ThreatClassification classification : List.of(ThreatClassification.MALICIOUS, ThreatClassification.SUSPICIOUS)) {
            if (risks.size() >= topN || !byClassification.containsKey(classification.wireName())) {
                continue;
            }
            ViolationQuery query = ViolationQuery.all().between(period.start(), period.end())
                    .withClassification(classification);
            violations.summarize(scope, query, List.of(ViolationGrouping.DIRECTIVE, ViolationGrouping.BLOCKED_RESOURCE),
                    topN).forEach(group -> risks.add(new Risk(group.key().require(ViolationGrouping.DIRECTIVE),
                    Blocked.of(group.key()), classification.wireName(), group.count(), group.firstSeen(), group.lastSeen())));
        }
        return risks.subList(0, Math.min(topN, risks.size()));
    }

    private IncidentCounts openIncidents(TenantScope scope, Map<Long, Tenant> visible, int topN) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        List<SecurityIncident> listed = new ArrayList<>();
        for (IncidentStatus status : OPEN_STATUSES) {
            Page<SecurityIncident> page = incidents.list(scope, Optional.of(status), PageRequest.first(topN));
            byStatus.put(status.wireName(), page.total());
            listed.addAll(page.items());
        }
        List<IncidentLine> worst = listed.stream()
                .sorted(Comparator.comparing(SecurityIncident::severity).reversed()
                        .thenComparing(Comparator.comparing(SecurityIncident::detectedAt).reversed()))
                .limit(topN)
                .map(incident -> new IncidentLine(incident.id(), TenantCatalog.slug(visible, incident.tenantId()),
                        incident.title(), incident.severity().wireName(), incident.status().wireName(),
                        incident.detectedAt()))
                .toList();
        return new IncidentCounts(byStatus.values().stream().mapToLong(Long::longValue).sum(), byStatus, worst);
    }

    private static AnomalyCounts anomalyCounts(AnomalyService.Findings findings) {
        Map<String, Integer> bySeverity = new TreeMap<>();
        findings.anomalies().forEach(a -> bySeverity.merge(a.severity(), 1, Integer::sum));
        findings.firstSightings().forEach(f -> bySeverity.merge(f.severity(), 1, Integer::sum));
        return new AnomalyCounts(findings.anomalies().size(), findings.firstSightings().size(), bySeverity);
    }

    private static List<KeyFact> keyFacts(ExecutiveSummary summary) {
        List<KeyFact> facts = new ArrayList<>();
        facts.add(new KeyFact("Violations", summary.violations() + " (" + counts(summary.byClassification()) + ")"));
        facts.add(new KeyFact("By severity", counts(summary.bySeverity())));
        Trend trend = summary.trend();
        facts.add(new KeyFact("Trend", trend.direction() + " " + signed(trend.change())
                + trend.changePercent().map(p -> " (" + signed(p) + "%)").orElse("")
                + " against " + trend.previousViolations() + " in the previous period"));
        facts.add(new KeyFact("Top risk", summary.topRisks().stream().findFirst()
                .map(risk -> risk.directive() + " → " + risk.blocked() + ", " + risk.count() + " " + risk.classification())
                .orElse("no malicious or suspicious reports")));
        AnomalyCounts anomalies = summary.anomalies();
        facts.add(new KeyFact("Anomalies", "rate anomalies " + anomalies.rateAnomalies() + ", first sightings "
                + anomalies.firstSightings() + (anomalies.bySeverity().isEmpty() ? "" : "; by severity: "
                + counts(anomalies.bySeverity()))));
        facts.add(new KeyFact("Open incidents", summary.openIncidents().total()
                + (summary.openIncidents().total() == 0 ? "" : " (" + counts(summary.openIncidents().byStatus()) + ")")));
        facts.add(new KeyFact("Policy changes", Integer.toString(summary.policyChanges())));
        return facts;
    }

    private static ReportTable riskTable(List<Risk> risks) {
        return table("Top risks", List.of("Directive", "Blocked", "Classification", "Reports", "First seen", "Last seen"),
                risks, risk -> List.of(risk.directive(), risk.blocked(), risk.classification(),
                        Long.toString(risk.count()), risk.firstSeen().toString(), risk.lastSeen().toString()));
    }

    private static ReportTable breakdownTable(Breakdown breakdown) {
        String dimension = breakdown.groupBy();
        String column = dimension.substring(0, 1).toUpperCase(Locale.ROOT) + dimension.substring(1);
        return table("Violations by " + dimension, List.of(column, "Reports", "Share"), breakdown.counts(),
                share -> List.of(share.key(), Long.toString(share.count()), percent(share.share())));
    }

    private static ReportTable anomalyTable(List<AnomalyFinding> anomalies) {
        return table("Anomalies", List.of("Tenant", "Series", "Kind", "Start", "End", "Observed/min", "Expected", "Upper",
                        "Method", "Severity", "Explanation"), anomalies,
                a -> List.of(a.tenant(), a.directive().map(d -> d + " → " + a.blocked().orElseThrow()).orElse("all reports"),
                        a.kind(), a.windowStart().toString(), a.windowEnd().toString(), Double.toString(a.observed()),
                        Double.toString(a.expected()), Double.toString(a.upper()), a.method(), a.severity(), a.explanation()));
    }

    private static ReportTable firstSightingTable(List<FirstSightingFinding> sightings) {
        return table("First sightings", List.of("Tenant", "Directive", "Blocked", "First seen", "Reports", "Severity"),
                sightings, f -> List.of(f.tenant(), f.directive(), f.blocked(), f.firstSeen().toString(),
                        Long.toString(f.observed()), f.severity()));
    }

    private static ReportTable incidentTable(List<IncidentLine> incidents) {
        return table("Open incidents", List.of("Incident", "Tenant", "Title", "Severity", "Status", "Detected"), incidents,
                i -> List.of("#" + i.id(), i.tenant(), i.title(), i.severity(), i.status(), i.detectedAt().toString()));
    }

    private static ReportTable policyChangeTable(List<PolicyChange> changes) {
        return table("Policy changes", List.of("Change", "Tenant", "Action", "Policy", "Actor", "At", "Removed sources"),
                changes, c -> List.of("#" + c.changeId(), c.tenant(), c.action(),
                        "#" + c.policyId() + c.policyName().map(name -> " " + name).orElse(""), c.actor(),
                        c.occurredAt().toString(), String.join(", ", c.removedSources())));
    }

    private static <T> ReportTable table(String title, List<String> columns, List<T> items, Function<T, List<String>> row) {
        return new ReportTable(title, columns, items.stream().map(row).toList());
    }

    private static String counts(Map<String, ? extends Number> counts) {
        List<String> parts = new ArrayList<>();
        counts.forEach((key, count) -> parts.add(key.replace('_', ' ') + " " + count));
        return String.join(", ", parts);
    }

    private static String percent(double share) {
        return Rounding.round(share * 100) + "%";
    }

    private static String signed(Number value) {
        return (value.doubleValue() > 0 ? "+" : "") + value;
    }
}
