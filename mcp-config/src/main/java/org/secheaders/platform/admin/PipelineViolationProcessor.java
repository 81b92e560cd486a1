package org.secheaders.platform.admin;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.secheaders.domain.demo.DemoReport;
import org.secheaders.domain.demo.ViolationProcessor;
import org.secheaders.domain.model.SecurityViolation;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.report.ClassificationContext;
import org.secheaders.domain.report.ClientInfo;
import org.secheaders.domain.report.DuplicateTally;
import org.secheaders.domain.report.NoiseRules;
import org.secheaders.domain.report.PipelineResult;
import org.secheaders.domain.report.ProcessedViolation;
import org.secheaders.domain.report.ReportPipeline;
import org.secheaders.domain.report.ReportTenant;

/**
 * The real report pipeline (parse, normalize, noise filter, deduplicate, classify) as the demo
 * seeder's {@link ViolationProcessor}, so demo violations are classified exactly as live ones.
 *
 * <p>The pipeline's clock follows the reports' receive times, and every dedupe window is closed at
 * the end of a batch, so each duplicate is counted on a row of the same batch. Rows carry the
 * collector's metadata: {@link ProcessedViolation#toDraft()}'s, and the counts {@code report_count},
 * {@code last_seen_at} and {@code distinct_clients}. Used by one seeding thread.
 */
public final class PipelineViolationProcessor implements ViolationProcessor {

    private static final String CONTENT_TYPE = "Content-Type";
    /** Where exfiltration matters most; the classifier weighs violations on these pages higher. */
    private static final List<String> SENSITIVE_PATHS = List.of("/checkout", "/login", "/account", "/payment");

    private final ReceiptClock clock = new ReceiptClock();
    private final ReportPipeline pipeline = ReportPipeline.builder(clock).build();
    private final Map<Long, ReportTenant> tenants = new HashMap<>();

    @Override
    public List<SecurityViolation.Draft> process(Tenant tenant, List<DemoReport> reports) {
        ReportTenant reportTenant = tenants.computeIfAbsent(tenant.id(), id -> reportTenant(tenant));
        Map<Window, Row> rows = new LinkedHashMap<>();
        for (DemoReport report : reports) {
            clock.now = report.receivedAt();
            PipelineResult result = pipeline.process(reportTenant, report.headers().get(CONTENT_TYPE),
                    report.body().getBytes(StandardCharsets.UTF_8), ClientInfo.of(report.userAgent(), report.clientAddress()));
            for (ProcessedViolation violation : result.violations()) {
                rows.put(Window.of(violation), new Row(violation, violation.duplicateCount(), violation.receivedAt(), 1));
            }
            count(result.duplicateTallies(), rows);
        }
        count(pipeline.closeAll(), rows);
        return rows.values().stream().map(Row::draft).toList();
    }

    /** The tenant's own domain and its subdomains are first-party. */
    private static ReportTenant reportTenant(Tenant tenant) {
        return new ReportTenant(tenant.id(), NoiseRules.defaults(), ClassificationContext.of(
                List.of("*." + tenant.primaryDomain()), List.of(), List.of(), SENSITIVE_PATHS));
    }

    private static void count(List<DuplicateTally> tallies, Map<Window, Row> rows) {
        for (DuplicateTally tally : tallies) {
            rows.computeIfPresent(new Window(tally.tenantId(), tally.dedupeKey(), tally.windowStart()),
                    (window, row) -> row.plus(tally));
        }
    }

    /** A dedupe window: the row its first report became. */
    private record Window(long tenantId, String dedupeKey, Instant start) {
        static Window of(ProcessedViolation violation) {
            return new Window(violation.tenantId(), violation.dedupeKey(), violation.receivedAt());
        }
    }

    /** A violation and the identical reports counted on it. */
    private record Row(ProcessedViolation violation, long reports, Instant lastSeen, int distinctClients) {

        Row plus(DuplicateTally tally) {
            return new Row(violation, reports + tally.duplicates(),
                    tally.lastSeen().isAfter(lastSeen) ? tally.lastSeen() : lastSeen,
                    Math.max(distinctClients, tally.distinctClients()));
        }

        /** The pipeline's row plus the collector's counts of the reports it stands for. */
        SecurityViolation.Draft draft() {
            return violation.toDraft().withMetadata(Map.of("report_count", reports,
                    "last_seen_at", lastSeen.toString(), "distinct_clients", distinctClients));
        }
    }

    /** The pipeline's clock: the receive time of the report being processed. */
    private static final class ReceiptClock implements InstantSource {
        private Instant now = Instant.EPOCH;

        @Override
        public Instant instant() {
            return now;
        }
    }
}
