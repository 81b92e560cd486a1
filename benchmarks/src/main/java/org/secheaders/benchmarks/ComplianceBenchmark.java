package org.secheaders.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.secheaders.compliance.report.ComplianceReportDocument;
import org.secheaders.compliance.report.ComplianceReportRenderer;
import org.secheaders.compliance.report.ComplianceReportService.GeneratedReport;
import org.secheaders.compliance.report.ComplianceReportService.ReportRequest;
import org.secheaders.compliance.report.ComplianceReportService;
import org.secheaders.domain.compliance.ComplianceEvaluation;
import org.secheaders.domain.compliance.ComplianceEvaluator;
import org.secheaders.domain.compliance.EvaluationOptions;
import org.secheaders.domain.compliance.EvidenceBundle;
import org.secheaders.domain.compliance.run.CheckRequest;
import org.secheaders.domain.compliance.run.CheckRun;
import org.secheaders.domain.compliance.run.ComplianceCheckService;
import org.secheaders.domain.compliance.run.ComplianceTarget;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.db.DatabaseConfig;
import org.secheaders.domain.model.Actor;
import org.secheaders.domain.model.ComplianceFramework;
import org.secheaders.domain.model.ComplianceReportFormat;
import org.secheaders.domain.model.Role;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.repo.TenantScope;
import org.secheaders.domain.scan.TargetPolicy;
import org.secheaders.platform.PlatformJson;

/**
 * The compliance checker end to end on an H2 file database, every framework each time:
 * {@code configured} checks one tenant from its configuration (policy resolution, history from the
 * audit log, 44 controls, Observatory grade, rows and audit entry stored); {@code urlScan} scans a
 * local Jetty serving a strong header set (HTTP and HTTPS probes as far as a plain-HTTP site allows,
 * CORS probes) and judges it; {@code reportPdf} and {@code reportMarkdown} generate and store a
 * report (a fresh configured check, the trend against the previous report, rendering). The parts:
 * {@code evaluateOnly} is the pure engine on the tenant's configured headers (no database),
 * {@code renderPdfOnly} the PDF renderer on a ready document.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ComplianceBenchmark {

    private static final Set<ComplianceFramework> ALL = EnumSet.allOf(ComplianceFramework.class);
    private static final Actor ACTOR = Actor.of("benchmark", Role.COMPLIANCE_OFFICER);
    private static final Map<String, String> SITE_HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'self'; script-src 'nonce-r4nd0m' 'strict-dynamic'; object-src 'none'; "
                    + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
            "Strict-Transport-Security", "max-age=63072000; includeSubDomains",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "strict-origin-when-cross-origin",
            "Cross-Origin-Opener-Policy", "same-origin",
            "Permissions-Policy", "camera=(), microphone=(), geolocation=()",
            "Set-Cookie", "__Host-SID=secret; Path=/; Secure; HttpOnly; SameSite=Lax");

    private static final byte[] PAGE = "<!doctype html><title>bench</title>".getBytes(StandardCharsets.UTF_8);

    private Path dataDir;
    private Database database;
    private Server site;
    private ComplianceCheckService checks;
    private ComplianceReportService reports;
    private Tenant tenant;
    private URI url;
    private final ComplianceEvaluator evaluator = ComplianceEvaluator.standard();
    private final ComplianceReportRenderer pdf = ComplianceReportRenderer.of(ComplianceReportFormat.PDF);
    private EvidenceBundle configuredBundle;
    private ComplianceReportDocument document;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dataDir = Files.createTempDirectory("secheaders-compliance-bench-");
        database = Database.open(DatabaseConfig.h2(dataDir));
        database.migrations().migrate();
        tenant = database.tenants().create(TenantScope.platform(),
                new Tenant.Draft("bench", "Benchmark tenant", "bench.example", Map.of()));
        checks = ComplianceCheckService.create(database, Clock.systemUTC(), TargetPolicy.anyAddress());
        reports = new ComplianceReportService(checks, database.tenants(), database.complianceReports(), Clock.systemUTC());
        site = new Server();
        ServerConnector connector = new ServerConnector(site);
        connector.setHost("127.0.0.1");
        site.addConnector(connector);
        site.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                SITE_HEADERS.forEach((name, value) -> response.getHeaders().add(name, value));
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
                response.write(true, ByteBuffer.wrap(PAGE), callback);
                return true;
            }
        });
        site.start();
        url = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/account");
        configuredBundle = EvidenceBundle.configured(checks.configuredHeaders(TenantScope.platform(), tenant.id()));
        // A real report's document, read back from its stored JSON
        TenantScope scope = TenantScope.tenant(tenant.id());
        GeneratedReport json = reports.generate(scope,
                new ReportRequest(ALL, ComplianceReportFormat.JSON, new ComplianceTarget.Configured(), Optional.empty()), ACTOR);
        document = PlatformJson.mapper().readValue(reports.find(scope, json.reportId()).orElseThrow().content(),
                ComplianceReportDocument.class);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        site.stop();
        database.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @Benchmark
    public CheckRun configured() {
        return checks.check(new CheckRequest(tenant.id(), ALL, new ComplianceTarget.Configured(), ACTOR));
    }

    @Benchmark
    public ComplianceEvaluation evaluateOnly() {
        return evaluator.evaluate(configuredBundle, ALL, EvaluationOptions.defaults());
    }

    @Benchmark
    public byte[] renderPdfOnly() {
        return pdf.render(document);
    }

    @Benchmark
    public CheckRun urlScan() {
        return checks.check(new CheckRequest(tenant.id(), ALL, new ComplianceTarget.Url(url), ACTOR));
    }

    @Benchmark
    public GeneratedReport reportPdf() {
        return reports.generate(TenantScope.tenant(tenant.id()),
                new ReportRequest(ALL, ComplianceReportFormat.PDF, new ComplianceTarget.Configured(), Optional.empty()), ACTOR);
    }

    @Benchmark
    public GeneratedReport reportMarkdown() {
        return reports.generate(TenantScope.tenant(tenant.id()),
                new ReportRequest(ALL, ComplianceReportFormat.MARKDOWN, new ComplianceTarget.Configured(), Optional.empty()),
                ACTOR);
    }
}
