package org.secheaders.analytics.testing;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.secheaders.analytics.service.EffectivePolicyService;
import org.secheaders.analytics.service.TenantCatalog;
import org.secheaders.analytics.service.ViolationIntakeService;
import org.secheaders.analytics.service.ViolationSubmission;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.Actor;
import org.secheaders.domain.model.AggregationPeriod;
import org.secheaders.domain.model.HeaderProcessingMetric;
import org.secheaders.domain.model.IncidentSource;
import org.secheaders.domain.model.PolicyInheritanceMode;
import org.secheaders.domain.model.PolicyType;
import org.secheaders.domain.model.Role;
import org.secheaders.domain.model.SecurityIncident;
import org.secheaders.domain.model.SecurityMetric;
import org.secheaders.domain.model.SecuritySeverity;
import org.secheaders.domain.model.SecurityViolation;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.model.TenantSecurityPolicy;
import org.secheaders.domain.model.ThreatClassification;
import org.secheaders.domain.policy.OverridePermissions;
import org.secheaders.domain.policy.PlatformPolicy;
import org.secheaders.domain.policy.PolicyConfig;
import org.secheaders.domain.report.ClientInfo;
import org.secheaders.domain.report.CspViolationReport;
import org.secheaders.domain.report.ParsedReport;
import org.secheaders.domain.report.ProcessedViolation;
import org.secheaders.domain.report.ReportFormat;
import org.secheaders.domain.report.ReportPipeline;
import org.secheaders.domain.report.ReportTenant;
import org.secheaders.domain.repo.AuditLogRepository;
import org.secheaders.domain.repo.AuditQuery;
import org.secheaders.domain.repo.IncidentRepository;
import org.secheaders.domain.repo.PageRequest;
import org.secheaders.domain.repo.PolicyRepository;
import org.secheaders.domain.repo.TenantRepository;
import org.secheaders.domain.repo.TenantScope;
import org.secheaders.domain.repo.ViolationQuery;
import org.secheaders.domain.repo.ViolationRepository;
import org.secheaders.domain.testing.DbKind;
import org.secheaders.domain.testing.SteppedClock;
import org.secheaders.domain.testing.TestDatabase;
import org.secheaders.domain.testing.TestDatabases;

/**
 * Demo-like data on one H2 database, built once per test JVM, with a clock fixed at {@link #NOW}
 * afterwards:
 * <ul>
 *   <li>{@code acme}: 6 hours of background reports (an ad tracker in script-src-elem, third-party
 *       images, inline styles, browser-extension noise), some resolved; a policy allowing
 *       {@code https://cdn.partner.example} until alice removes it at {@link #POLICY_CHANGE_AT};
 *       from 3 minutes later a sustained burst of blocked {@code cdn.partner.example} scripts; a
 *       6-minute spike of one image host at {@link #IMAGE_SPIKE_START}; header p99 of about 80 µs
 *       jumping to 420 µs at {@link #TIMING_JUMP_AT}; one open incident.</li>
 *   <li>{@code globex}: background reports of a legacy CDN only.</li>
 *   <li>{@code initech}: no data, for tests that write.</li>
 * </ul>
 * Every report goes through the real {@link ReportPipeline} at the scenario clock's time; the burst
 * through {@link ViolationIntakeService}, as the tool would.
 */
public final class AnalyticsScenario {

    public static final Instant NOW = Instant.parse("2026-03-10T12:00:30Z");
    public static final Instant BACKGROUND_START = NOW.truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(6));
    public static final Instant POLICY_CHANGE_AT = Instant.parse("2026-03-10T11:20:00Z");
    public static final Instant PARTNER_BURST_START = POLICY_CHANGE_AT.plus(Duration.ofMinutes(3));
    public static final int PARTNER_BURST_MINUTES = 30;
    public static final int PARTNER_BURST_PER_MINUTE = 40;
    public static final Instant IMAGE_SPIKE_START = Instant.parse("2026-03-10T11:45:00Z");
    public static final int IMAGE_SPIKE_MINUTES = 6;
    public static final int IMAGE_SPIKE_PER_MINUTE = 60;
    public static final Instant TIMING_JUMP_AT = Instant.parse("2026-03-10T11:25:00Z");
    public static final String PARTNER_HOST = "cdn.partner.example";
    public static final String IMAGE_HOST = "images.thirdparty.example";
    public static final String ALICE = "alice";

    private static AnalyticsScenario shared;

    private final TestDatabase test;
    private final SteppedClock clock = new SteppedClock(BACKGROUND_START);
    private final Tenant acme;
    private final Tenant globex;
    private final Tenant initech;
    private long policyChangeId;
    private long backgroundPerMinute;

    /** One background source: a directive and blocked URI reported {@code perMinute} times a minute. */
    private record Source(String directive, String blockedUri, String document, int perMinute) {
    }

    private static final List<Source> ACME_BACKGROUND = List.of(
            new Source("script-src-elem", "https://ads.tracker.example/t.js", "/", 3),
            new Source("img-src", "https://" + IMAGE_HOST + "/pixel.png", "/products", 2),
            new Source("style-src-elem", "inline", "/", 1),
            new Source("script-src-elem", "chrome-extension://abcdefghijklmnop/inject.js", "/", 1));
    private static final List<Source> GLOBEX_BACKGROUND = List.of(
            new Source("script-src-elem", "https://cdn.globex-legacy.example/lib.js", "/", 2));

    private AnalyticsScenario(TestDatabase test) {
        this.test = test;
        Database db = test.database();
        TenantRepository tenants = new TenantRepository(db.jdbi(), clock, db.policyVersions());
        this.acme = tenants.create(TenantScope.platform(), new Tenant.Draft("acme", "Acme", "acme.example", Map.of()));
        this.globex = tenants.create(TenantScope.platform(), new Tenant.Draft("globex", "Globex", "globex.example", Map.of()));
        this.initech = tenants.create(TenantScope.platform(), new Tenant.Draft("initech", "Initech", "initech.example", Map.of()));
    }

    /** The scenario every test class of this module shares; its database is dropped when the JVM exits. */
    public static synchronized AnalyticsScenario shared() {
        if (shared == null) {
            AnalyticsScenario scenario = new AnalyticsScenario(TestDatabases.create(DbKind.H2));
            Runtime.getRuntime().addShutdownHook(new Thread(scenario.test::close, "drop-analytics-scenario"));
            scenario.build();
            shared = scenario;
        }
        return shared;
    }

    public Database database() {
        return test.database();
    }

    /** Fixed at {@link #NOW} once the scenario is built. */
    public SteppedClock clock() {
        return clock;
    }

    public Tenant acme() {
        return acme;
    }

    public Tenant globex() {
        return globex;
    }

    public Tenant initech() {
        return initech;
    }

    /** The audit id of alice's policy update that removed {@value #PARTNER_HOST}. */
    public long policyChangeId() {
        return policyChangeId;
    }

    /** acme's background reports per minute. */
    public long acmeBackgroundPerMinute() {
        return backgroundPerMinute;
    }

    private void build() {
        Database db = database();
        backgroundPerMinute = ACME_BACKGROUND.stream().mapToInt(Source::perMinute).sum();
        long partnerPolicy = partnerPolicy(db);
        ReportPipeline pipeline = ReportPipeline.builder(clock).build();
        List<SecurityViolation.Draft> drafts = new ArrayList<>();
        int line = 0;
        for (Instant minute = BACKGROUND_START; minute.isBefore(NOW.truncatedTo(ChronoUnit.MINUTES));
                minute = minute.plus(Duration.ofMinutes(1))) {
            clock.set(minute.plusSeconds(7));
            line = background(pipeline, acme, ACME_BACKGROUND, line, drafts);
            line = background(pipeline, globex, GLOBEX_BACKGROUND, line, drafts);
            if (minute.equals(POLICY_CHANGE_AT)) {
                removePartnerCdn(db, partnerPolicy);
            }
            if (!minute.isBefore(IMAGE_SPIKE_START) && minute.isBefore(IMAGE_SPIKE_START.plus(Duration.ofMinutes(IMAGE_SPIKE_MINUTES)))) {
                line = repeat(pipeline, acme, new Source("img-src", "https://" + IMAGE_HOST + "/pixel.png", "/products",
                        IMAGE_SPIKE_PER_MINUTE - 2), line, drafts);
            }
        }
        db.violations().insertBatch(TenantScope.platform(), drafts);
        partnerBurst(db);
        resolveSome(db);
        headerTimings(db);
        new IncidentRepository(db.jdbi(), clock).create(TenantScope.tenant(acme.id()), new SecurityIncident.Draft(
                acme.id(), "Ad tracker blocked on every page", "script-src-elem violations from ads.tracker.example",
                SecuritySeverity.MEDIUM, ThreatClassification.SUSPICIOUS, IncidentSource.ANOMALY,
                Map.of("blocked_host", "ads.tracker.example"), BACKGROUND_START.plus(Duration.ofHours(2))), "detector");
        clock.set(NOW);
    }

    private int background(ReportPipeline pipeline, Tenant tenant, List<Source> sources, int line,
            List<SecurityViolation.Draft> drafts) {
        int next = line;
        for (Source source : sources) {
            next = repeat(pipeline, tenant, source, next, drafts);
        }
        return next;
    }

    /** {@code perMinute} reports differing only in their line number, so none is folded into another. */
    private static int repeat(ReportPipeline pipeline, Tenant tenant, Source source, int line,
            List<SecurityViolation.Draft> drafts) {
        List<ParsedReport> reports = new ArrayList<>();
        for (int i = 0; i < source.perMinute(); i++) {
            reports.add(CspViolationReport.builder(ReportFormat.STRUCTURED)
                    .documentUri("https://" + tenant.primaryDomain() + source.document())
                    .effectiveDirective(source.directive())
                    .blockedUri(source.blockedUri())
                    .disposition("enforce")
                    .lineNumber(line + i + 1)
                    .userAgent("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                            + "Chrome/126.0.0.0 Safari/537.36")
                    .build());
        }
        ReportTenant reportTenant = ReportTenant.withDefaults(tenant.id());
        pipeline.process(reportTenant, reports, ClientInfo.none()).violations().stream()
                .map(ProcessedViolation::toDraft).forEach(drafts::add);
        return line + source.perMinute();
    }

    /** acme's active policy, created a day before the data starts, which allows the partner CDN. */
    private long partnerPolicy(Database db) {
        PolicyRepository policies = policies(db);
        Actor alice = Actor.of(ALICE, Role.TENANT_ADMIN);
        clock.set(BACKGROUND_START.minus(Duration.ofDays(1)));
        TenantSecurityPolicy row = policies.insert(TenantScope.tenant(acme.id()), partnerPolicyDraft(
                List.of("'self'", "https://" + PARTNER_HOST)), alice);
        policies.activate(TenantScope.tenant(acme.id()), row.id(), alice);
        return row.id();
    }

    private void removePartnerCdn(Database db, long policyId) {
        clock.set(POLICY_CHANGE_AT);
        policies(db).update(TenantScope.tenant(acme.id()), policyId, partnerPolicyDraft(List.of("'self'")),
                Actor.of(ALICE, Role.TENANT_ADMIN));
        policyChangeId = db.auditLog().query(TenantScope.tenant(acme.id()),
                AuditQuery.all().withAction("policy.update"), PageRequest.first(1))
                .items().get(0).id();
    }

    private TenantSecurityPolicy.Draft partnerPolicyDraft(List<String> scriptSources) {
        return new TenantSecurityPolicy.Draft(acme.id(), "acme main", PolicyType.CSP,
                new PolicyConfig(Map.of("script-src", scriptSources), Map.of(), Map.of(), List.of(), Map.of()),
                PolicyInheritanceMode.EXTEND, OverridePermissions.none(), BACKGROUND_START.minus(Duration.ofDays(1)),
                Optional.empty());
    }

    private PolicyRepository policies(Database db) {
        AuditLogRepository audit = new AuditLogRepository(db.jdbi(), clock);
        return new PolicyRepository(db.jdbi(), clock, db.policyVersions(), audit);
    }

    /** Half raw report-uri bodies, half Reporting API batches, through the intake service at each minute. */
    private void partnerBurst(Database db) {
        TenantCatalog catalog = new TenantCatalog(db.tenants());
        ViolationIntakeService intake = new ViolationIntakeService(ReportPipeline.builder(clock).build(), db.violations(),
                new EffectivePolicyService(PlatformPolicy.defaults(), db.policies(), db.policyVersions(), clock), catalog);
        for (int m = 0; m < PARTNER_BURST_MINUTES; m++) {
            clock.set(PARTNER_BURST_START.plus(Duration.ofMinutes(m)).plusSeconds(20));
            StringBuilder batch = new StringBuilder("[");
            for (int i = 0; i < PARTNER_BURST_PER_MINUTE; i++) {
                String body = "{\"documentURL\":\"https://acme.example/checkout\",\"effectiveDirective\":\"script-src-elem\","
                        + "\"blockedURL\":\"https://" + PARTNER_HOST + "/widget.js\",\"disposition\":\"enforce\","
                        + "\"sourceFile\":\"https://acme.example/app.js\",\"lineNumber\":" + (m * 100 + i + 1)
                        + ",\"statusCode\":200}";
                batch.append(i == 0 ? "" : ",").append("{\"type\":\"csp-violation\",\"age\":10,"
                        + "\"url\":\"https://acme.example/checkout\",\"user_agent\":\"Mozilla/5.0 Firefox/128.0\",\"body\":")
                        .append(body).append('}');
            }
            intake.track(TenantScope.tenant(acme.id()), acme.id(), new ViolationSubmission.RawReport(
                    "application/reports+json", batch.append(']').toString().getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** Ten ad-tracker reports of the first hour, resolved after 1, 2, ..., 10 hours. */
    private void resolveSome(Database db) {
        TenantScope scope = TenantScope.tenant(acme.id());
        List<SecurityViolation> first = db.violations().query(scope, ViolationQuery.all()
                        .between(BACKGROUND_START, BACKGROUND_START.plus(Duration.ofMinutes(10)))
                        .withBlockedHost("ads.tracker.example"), PageRequest.first(10)).items();
        for (int i = 0; i < first.size(); i++) {
            SecurityViolation violation = first.get(i);
            clock.set(violation.createdAt().plus(Duration.ofHours(i + 1)));
            new ViolationRepository(db.jdbi(), db.dialect(), clock).resolve(scope, violation.id(), "allow-listed");
        }
    }

    /** acme's header_processing p99 per minute: 75–85 µs, 420 µs from the jump on. */
    private void headerTimings(Database db) {
        HeaderProcessingMetric p99 = HeaderProcessingMetric.TIME_P99;
        List<SecurityMetric.Draft> samples = new ArrayList<>();
        int i = 0;
        for (Instant minute = BACKGROUND_START; minute.isBefore(NOW); minute = minute.plus(Duration.ofMinutes(1)), i++) {
            double micros = minute.isBefore(TIMING_JUMP_AT) ? 75 + (i % 11) : 420;
            samples.add(new SecurityMetric.Draft(acme.id(), HeaderProcessingMetric.METRIC_TYPE, p99.metricName(),
                    BigDecimal.valueOf(micros), p99.unit(), AggregationPeriod.MINUTE,
                    Map.of(HeaderProcessingMetric.TENANT_TAG, "acme"), minute));
        }
        db.metrics().insertBatch(TenantScope.tenant(acme.id()), samples);
    }
}
