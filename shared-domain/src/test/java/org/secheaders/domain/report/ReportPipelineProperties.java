package org.secheaders.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.secheaders.domain.testing.SteppedClock;

class ReportPipelineProperties {
    private final ReportPipeline pipeline = ReportPipeline.builder(new SteppedClock(Instant.EPOCH)).build();
    private final ReportTenant tenant = ReportTenant.withDefaults(1);

    @Property(tries = 1000)
    void neverThrowsAndAccountsForEveryReport(@ForAll("mutatedSamples") byte[] body) {
        PipelineResult result = pipeline.process(tenant, ReportSamples.REPORTS_JSON, body,
                ClientInfo.of(ReportSamples.CHROME_UA, "192.0.2.1"));
        List<ParsedReport> parsed = new ReportParser().parse(ReportSamples.REPORTS_JSON, body).reports();

        long csp = parsed.stream().filter(CspViolationReport.class::isInstance).count();
        int emitted = result.violations().stream().mapToInt(ProcessedViolation::duplicateCount).sum();
        assertEquals(csp, emitted + result.suppressedDuplicates(), "every CSP report is emitted or counted");
        assertEquals(parsed.size() - csp, result.otherReportCounts().values().stream().mapToInt(i -> i).sum());
        result.violations().stream().flatMap(v -> List.of(v.documentUri(), v.blockedUri()).stream())
                .forEach(uri -> assertFalse(uri.contains("?") || uri.contains("#"), uri));
    }

    @Provide
    Arbitrary<byte[]> mutatedSamples() {
        return ReportArbitraries.mutatedSamples();
    }
}
