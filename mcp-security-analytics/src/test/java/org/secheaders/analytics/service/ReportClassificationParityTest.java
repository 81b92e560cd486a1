package org.secheaders.analytics.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.Actor;
import org.secheaders.domain.model.PolicyInheritanceMode;
import org.secheaders.domain.model.PolicyType;
import org.secheaders.domain.model.Role;
import org.secheaders.domain.model.SecurityViolation;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.model.TenantSecurityPolicy;
import org.secheaders.domain.policy.OverridePermissions;
import org.secheaders.domain.policy.PlatformPolicy;
import org.secheaders.domain.policy.PolicyConfig;
import org.secheaders.domain.report.ClientInfo;
import org.secheaders.domain.report.ReportPipeline;
import org.secheaders.domain.report.ReportTenant;
import org.secheaders.domain.repo.PageRequest;
import org.secheaders.domain.repo.TenantScope;
import org.secheaders.domain.repo.ViolationQuery;
import org.secheaders.domain.testing.DbKind;
import org.secheaders.domain.testing.TestDatabase;
import org.secheaders.domain.testing.TestDatabases;
import org.secheaders.domain.testing.TestTenants;
import org.secheaders.enforcement.collector.CollectorConfig;
import org.secheaders.enforcement.collector.DatabaseTenantDirectory;
import org.secheaders.enforcement.collector.ReportCollector;
import org.secheaders.enforcement.collector.Submission;

/**
 * A report classifies the same whether a browser posts it to the collector or a client passes it to
 * {@code track_csp_violation}: both build the tenant's classification context with
 * {@code ReportTenants}. The reports are chosen so that the tenant's knowledge decides their rule
 * (a host its policy allows, a sensitive page), so a path that built the context differently fails.
 */
class ReportClassificationParityTest {
    private static final String PARTNER_HOST = "cdn.partner-parity.example";

    private TestDatabase testDatabase;
    private Database db;
    private Tenant tenant;

    @BeforeEach
    void tenantWithAPolicyAllowingAPartnerCdn() {
        testDatabase = TestDatabases.create(DbKind.H2);
        db = testDatabase.database();
        tenant = TestTenants.create(db);
        TenantScope scope = TenantScope.tenant(tenant.id());
        Actor admin = Actor.of("bob", Role.TENANT_ADMIN);
        TenantSecurityPolicy row = db.policies().insert(scope, new TenantSecurityPolicy.Draft(tenant.id(), "partner",
                PolicyType.CSP, new PolicyConfig(Map.of("script-src", List.of("'self'", "https://" + PARTNER_HOST)),
                        Map.of(), Map.of(), List.of(), Map.of()), PolicyInheritanceMode.EXTEND,
                OverridePermissions.none(), Instant.now().minus(Duration.ofDays(1)), Optional.empty()), admin);
        db.policies().activate(scope, row.id(), admin);
    }

    @AfterEach
    void dropDatabase() {
        testDatabase.close();
    }

    @Test
    void theSameReportGetsTheSameClassificationAndRuleThroughTheCollectorAndTheTool(@TempDir Path wal)
            throws Exception {
        String site = "https://" + tenant.primaryDomain();
        List<String> reports = List.of(
                legacy(site + "/checkout", "script-src-elem", "https://" + PARTNER_HOST + "/lib.js"),
                legacy(site + "/checkout/pay", "connect-src", "https://collect.skimmer-parity.example/c"),
                legacy(site + "/blog", "script-src-elem", "https://cdn.unknown-parity.example/x.js"),
                legacy(site + "/", "script-src-elem", "chrome-extension://abcdefghijklmnop/inject.js"));

        Map<String, String> viaCollector = viaCollector(wal, reports);
        Map<String, String> viaTool = viaTool(reports);

        assertEquals(viaCollector, viaTool);
        assertEquals(reports.size(), viaTool.size());
        // The rules that need the tenant's knowledge: the policy's host is known, /checkout is sensitive.
        assertEquals("suspicious v1.suspicious.unknown-script-host",
                viaTool.get("script-src-elem https://cdn.unknown-parity.example/x.js"));
        assertEquals("malicious v1.malicious.exfiltration",
                viaTool.get("connect-src https://collect.skimmer-parity.example/c"));
        assertEquals("unknown v1.unknown", viaTool.get("script-src-elem https://" + PARTNER_HOST + "/lib.js"),
                "a host the policy allows is neither exfiltration nor an unknown script host");
    }

    /** Directive and blocked URI → classification and rule, of the rows the collector stored. */
    private Map<String, String> viaCollector(Path wal, List<String> reports) throws Exception {
        try (ReportCollector collector = ReportCollector.start(CollectorConfig.builder(wal).build(), db,
                new DatabaseTenantDirectory(db, PlatformPolicy.defaults()))) {
            ReportTenant reportTenant = collector.tenant(tenant.slug()).orElseThrow();
            for (String report : reports) {
                Submission submission = collector.submit(reportTenant, "application/csp-report",
                        report.getBytes(StandardCharsets.UTF_8), ClientInfo.none());
                assertEquals(Submission.Accepted.class, submission.getClass(), submission.toString());
            }
        } // closing stores what is queued
        return verdicts(rows());
    }

    private Map<String, String> viaTool(List<String> reports) {
        List<SecurityViolation> before = rows();
        ViolationIntakeService intake = new ViolationIntakeService(ReportPipeline.builder(Clock.systemUTC()).build(),
                db.violations(), new EffectivePolicyService(PlatformPolicy.defaults(), db.policies(),
                        db.policyVersions(), Clock.systemUTC()), new TenantCatalog(db.tenants()));
        for (String report : reports) {
            intake.track(TenantScope.tenant(tenant.id()), tenant.id(), new ViolationSubmission.RawReport(
                    "application/csp-report", report.getBytes(StandardCharsets.UTF_8)));
        }
        List<SecurityViolation> added = rows();
        added.removeIf(row -> before.stream().anyMatch(old -> old.id() == row.id()));
        return verdicts(added);
    }

    private List<SecurityViolation> rows() {
        return new ArrayList<>(db.violations().query(TenantScope.tenant(tenant.id()), ViolationQuery.all(),
                new PageRequest(0, PageRequest.MAX_LIMIT)).items());
    }

    private static Map<String, String> verdicts(List<SecurityViolation> rows) {
        return rows.stream().collect(Collectors.toMap(
                row -> row.policyDirective() + " " + row.blockedUri().orElse(""),
                row -> row.threatClassification().wireName() + " " + row.classificationRule().orElse("none"),
                (a, b) -> a + " | " + b, TreeMap::new));
    }

    private static String legacy(String document, String directive, String blocked) {
        return """
                {"csp-report": {"document-uri": "%s", "effective-directive": "%s", "disposition": "enforce",
                  "original-policy": "default-src 'self'", "blocked-uri": "%s", "status-code": 200}}"""
                .formatted(document, directive, blocked);
    }
}
