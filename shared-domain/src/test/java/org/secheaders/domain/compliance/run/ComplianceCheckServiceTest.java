package org.secheaders.domain.compliance.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.secheaders.domain.compliance.AsvsVersion;
import org.secheaders.domain.compliance.ComplianceEvaluation;
import org.secheaders.domain.compliance.EvidenceSource;
import org.secheaders.domain.compliance.HistoryEvidence;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.grading.HeaderField;
import org.secheaders.domain.grading.ResponseHeaders;
import org.secheaders.domain.model.Actor;
import org.secheaders.domain.model.AuditLogEntry;
import org.secheaders.domain.model.CheckResult;
import org.secheaders.domain.model.ComplianceCheck;
import org.secheaders.domain.model.ComplianceFramework;
import org.secheaders.domain.model.ComplianceStatus;
import org.secheaders.domain.model.Role;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.repo.AuditQuery;
import org.secheaders.domain.repo.PageRequest;
import org.secheaders.domain.repo.TenantScope;
import org.secheaders.domain.scan.AddressClass;
import org.secheaders.domain.scan.TargetPolicy;
import org.secheaders.domain.testing.DbKind;
import org.secheaders.domain.testing.TestDatabases;
import org.secheaders.domain.testing.TestTenants;

class ComplianceCheckServiceTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    private static final Actor OFFICER = Actor.of("carol", Role.COMPLIANCE_OFFICER);
    private static final Set<ComplianceFramework> ALL = Set.of(ComplianceFramework.values());
    private static final ResponseHeaders STRONG = ResponseHeaders.of(
            "Strict-Transport-Security", "max-age=63072000; includeSubDomains; preload",
            "Content-Security-Policy", "default-src 'none'; script-src 'nonce-abc' 'strict-dynamic'; object-src 'none'; "
                    + "base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
            "X-Content-Type-Options", "nosniff");
    private static final ResponseHeaders WITHOUT_HSTS = ResponseHeaders.of(
            "Content-Security-Policy", "default-src 'none'; script-src 'nonce-abc' 'strict-dynamic'; object-src 'none'; "
                    + "base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
            "X-Content-Type-Options", "nosniff",
            "Set-Cookie", "SID=" + HeaderSite.SESSION_SECRET + "; Path=/");

    /** Ahead of the database's own clock, so the audit entries a run writes fall inside the next run's window. */
    private static Clock at(Duration later) {
        return Clock.fixed(Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofHours(1)).plus(later),
                ZoneOffset.UTC);
    }

    private static ComplianceCheckService service(Database db, Clock clock) {
        return ComplianceCheckService.create(db, clock, TargetPolicy.anyAddress());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void configuredCheckStoresEveryControlWithEvidenceScheduleAndAnAuditedRun(DbKind kind) {
        Database db = DATABASES.get(kind);
        Tenant tenant = TestTenants.create(db);
        Clock clock = at(Duration.ZERO);

        CheckRun run = service(db, clock).check(new CheckRequest(tenant.id(), ALL, new ComplianceTarget.Configured(), OFFICER));

        assertEquals(55, run.stored().size());
        assertEquals(tenant.slug(), run.tenantSlug());
        assertEquals(EvidenceSource.CONFIGURED, run.evaluation().source());
        assertTrue(run.target().headerLines().stream().anyMatch(line -> line.startsWith("Content-Security-Policy: ")
                && line.contains("'nonce-REPLACED-PER-RESPONSE'")), run.target().headerLines().toString());
        Instant due = clock.instant().plus(CheckCadence.DEFAULT_PERIOD);
        assertEquals(Map.of(ComplianceFramework.OWASP, due, ComplianceFramework.SOC2, due, ComplianceFramework.GDPR, due,
                ComplianceFramework.ISO27001, due, ComplianceFramework.NIST, due), run.nextCheckAt());
        ComplianceCheck hsts = db.complianceChecks()
                .findByKey(TenantScope.tenant(tenant.id()), tenant.id(), ComplianceFramework.OWASP, "ASVS-3.4.1")
                .orElseThrow();
        assertEquals(Optional.of(due), hsts.nextCheckAt());
        assertEquals("configured", hsts.evidenceData().get("source"));
        assertTrue(hsts.evidenceData().get("citation").toString().contains("ASVS"), hsts.evidenceData().toString());
        assertTrue(hsts.evidenceData().get("checks") instanceof List<?> checks && !checks.isEmpty());
        assertEquals("5.0", hsts.metadata().get("asvs_version"));
        assertTrue(db.complianceChecks().findDue(TenantScope.tenant(tenant.id()), due, 100).size() >= 55 - 45);

        List<AuditLogEntry> runs = db.auditLog().query(TenantScope.tenant(tenant.id()),
                AuditQuery.all().withAction(ComplianceAudit.RUN_ACTION), PageRequest.first(10)).items();
        assertEquals(1, runs.size());
        assertEquals("carol", runs.get(0).actor());
        assertEquals("configured", runs.get(0).details().get("target"));
        // The run as stored is read back as a scan, with its failures, by the next run's history.
        HistoryEvidence history = new HistoryReader(db.auditLog(), db.violations())
                .read(TenantScope.tenant(tenant.id()), tenant, at(Duration.ofMinutes(1)).instant());
        assertEquals(2, history.scans().size());
        assertEquals(run.evaluation().controls().stream().filter(c -> c.evaluated() && c.result() == CheckResult.FAIL)
                .count(), history.failures().size());
    }

    @Test
    void equalInputsGiveEqualEvaluations() {
        Database db = DATABASES.get(DbKind.H2);
        Tenant tenant = TestTenants.create(db);
        CheckRequest request = new CheckRequest(tenant.id(), Set.of(ComplianceFramework.OWASP, ComplianceFramework.GDPR),
                new ComplianceTarget.Supplied(STRONG), OFFICER);
        ComplianceEvaluation first = service(db, at(Duration.ZERO)).check(request).evaluation();
        ComplianceEvaluation second = service(db, at(Duration.ofMinutes(5))).check(request).evaluation();
        assertEquals(first.frameworks(), second.frameworks());
        assertEquals(first.observatory(), second.observatory());
    }

    @Test
    void aPassThatBecomesAFailureIsARegressionAndCookieValuesAreNeverStored() {
        Database db = DATABASES.get(DbKind.H2);
        Tenant tenant = TestTenants.create(db);
        Set<ComplianceFramework> owasp = Set.of(ComplianceFramework.OWASP);
        CheckRun first = service(db, at(Duration.ZERO)).check(new CheckRequest(tenant.id(), owasp,
                new ComplianceTarget.Supplied(STRONG), OFFICER));
        assertEquals(List.of(), first.transitions(), "a first run has nothing to compare with");
        assertEquals(CheckResult.PASS, first.evaluation().control("ASVS-3.4.1").orElseThrow().result());

        CheckRun second = service(db, at(Duration.ofHours(1))).check(new CheckRequest(tenant.id(), owasp,
                new ComplianceTarget.Supplied(WITHOUT_HSTS), OFFICER));

        ControlTransition hsts = second.regressions().stream().filter(t -> t.controlId().equals("ASVS-3.4.1"))
                .findFirst().orElseThrow();
        assertEquals(CheckResult.PASS, hsts.before());
        assertEquals(CheckResult.FAIL, hsts.after());
        assertFalse(hsts.remediation().isBlank());
        assertTrue(second.target().headerLines().contains("Set-Cookie: SID=[redacted]; Path=/"),
                second.target().headerLines().toString());
        for (ComplianceCheck row : second.stored()) {
            assertFalse(row.evidenceData().toString().contains(HeaderSite.SESSION_SECRET), row.controlId());
        }
        ComplianceCheck stored = second.stored().stream().filter(r -> r.controlId().equals("ASVS-3.4.1")).findFirst()
                .orElseThrow();
        assertEquals(ComplianceStatus.NON_COMPLIANT, stored.complianceStatus());
        assertFalse(stored.remediationSuggestions().isEmpty());
    }

    @Test
    void aUrlIsScannedFromARealServerWithRedirectCookiesAndDrift() throws Exception {
        Database db = DATABASES.get(DbKind.H2);
        Tenant tenant = TestTenants.create(db);
        ComplianceCheckService service = service(db, at(Duration.ZERO));
        List<HeaderField> configured = service.configuredHeaders(TenantScope.tenant(tenant.id()), tenant.id()).fields()
                .stream().map(f -> new HeaderField(f.name(), f.value().replace("REPLACED-PER-RESPONSE", "n0nce123")))
                .toList();
        try (HeaderSite site = HeaderSite.start()) {
            site.page("/app", configured).page("/weak", List.of(new HeaderField("X-Frame-Options", "DENY")));

            CheckRun matching = service.check(new CheckRequest(tenant.id(), Set.of(ComplianceFramework.OWASP),
                    new ComplianceTarget.Url(URI.create(site.url("/old"))), OFFICER));
            assertEquals(EvidenceSource.OBSERVED, matching.evaluation().source());
            assertEquals(List.of("301 " + site.url("/old"), "200 " + site.url("/app")), matching.target().redirectChain());
            assertTrue(matching.target().headerLines().stream().anyMatch(l -> l.startsWith("set-cookie: SID=[redacted]")),
                    matching.target().headerLines().toString());
            assertTrue(matching.evaluation().drift().orElseThrow().differences().stream().noneMatch(d -> d.critical()),
                    matching.evaluation().drift().toString());

            CheckRun weak = service.check(new CheckRequest(tenant.id(), Set.of(ComplianceFramework.NIST),
                    new ComplianceTarget.Url(URI.create(site.url("/weak"))), OFFICER));
            assertEquals("fail", weak.evaluation().check("drift.none").orElseThrow().outcome());
            assertTrue(weak.stored().stream().noneMatch(r -> r.evidenceData().toString().contains(HeaderSite.SESSION_SECRET)));
        }
    }

    @Test
    void anUnreachableUrlIsNotEvaluatedEvidenceNotACrash() {
        Database db = DATABASES.get(DbKind.H2);
        Tenant tenant = TestTenants.create(db);
        CheckRun run = service(db, at(Duration.ZERO)).check(new CheckRequest(tenant.id(), Set.of(ComplianceFramework.OWASP),
                new ComplianceTarget.Url(URI.create("http://127.0.0.1:1/")), OFFICER));
        assertTrue(run.target().notEvaluated().orElseThrow().startsWith("unreachable: "), run.target().toString());
        assertEquals(ComplianceStatus.PENDING, run.evaluation().framework(ComplianceFramework.OWASP).orElseThrow().status());
        assertTrue(run.stored().stream().anyMatch(r -> r.complianceStatus() == ComplianceStatus.PENDING));
    }

    @Test
    void aRedirectIntoARefusedAddressClassFailsTheCheckBeforeItIsFollowed() throws Exception {
        Database db = DATABASES.get(DbKind.H2);
        Tenant tenant = TestTenants.create(db);
        // Loopback admitted so the site on 127.0.0.1 can be reached at all; private addresses refused.
        ComplianceCheckService service = ComplianceCheckService.create(db, at(Duration.ZERO),
                new TargetPolicy(EnumSet.of(AddressClass.PUBLIC, AddressClass.LOOPBACK)));
        try (HeaderSite site = HeaderSite.start()) {
            site.redirect("/inward", "http://10.255.255.1/admin");
            CheckRequest request = new CheckRequest(tenant.id(), Set.of(ComplianceFramework.OWASP),
                    new ComplianceTarget.Url(URI.create(site.url("/inward"))), OFFICER);

            TargetRefusedException refused = assertThrows(TargetRefusedException.class, () -> service.check(request));
            assertEquals("redirect from " + site.url("/inward") + " to 'http://10.255.255.1/admin': host resolves to a "
                    + "private address, which this deployment does not scan", refused.getMessage());
            assertEquals(1, site.requests(), "the redirect itself was fetched, its target never");
            assertTrue(db.complianceChecks().findByFramework(TenantScope.tenant(tenant.id()), ComplianceFramework.OWASP)
                    .isEmpty(), "a refused check stores nothing");
        }
    }

    @Test
    void tenantSettingsChooseTheOptionsAndARequestOverridesThem() {
        Database db = DATABASES.get(DbKind.H2);
        Tenant tenant = db.tenants().create(TenantScope.platform(), new Tenant.Draft("t-settings-" + System.nanoTime(),
                "Settings", "settings.example", Map.of(TenantCheckSettings.KEY, Map.of("asvs_version", "4.0.3",
                        "asvs_level", 3, "check_every_hours", Map.of("owasp", 6)))));
        Clock clock = at(Duration.ZERO);
        CheckRequest request = new CheckRequest(tenant.id(), Set.of(ComplianceFramework.OWASP),
                new ComplianceTarget.Supplied(STRONG), OFFICER);

        CheckRun run = service(db, clock).check(request);
        assertEquals(AsvsVersion.V4_0_3, run.evaluation().options().asvsVersion());
        assertEquals(3, run.evaluation().options().asvsLevel());
        assertEquals(clock.instant().plus(Duration.ofHours(6)), run.nextCheckAt().get(ComplianceFramework.OWASP));
        assertTrue(run.evaluation().options().tenant().firstPartyHosts().contains("*.settings.example"));

        CheckRun overridden = service(db, clock).check(request.withOverrides(
                OptionOverrides.asvs(Optional.of(AsvsVersion.V5_0), OptionalInt.of(1))));
        assertEquals(AsvsVersion.V5_0, overridden.evaluation().options().asvsVersion());
        assertEquals(1, overridden.evaluation().options().asvsLevel());
    }

    @Test
    void malformedSettingsAndForeignTenantsAreRefused() {
        Database db = DATABASES.get(DbKind.H2);
        Tenant bad = db.tenants().create(TenantScope.platform(), new Tenant.Draft("t-bad-" + System.nanoTime(),
                "Bad", "bad.example", Map.of(TenantCheckSettings.KEY, Map.of("asvs_level", 7))));
        Tenant other = TestTenants.create(db);
        ComplianceCheckService service = service(db, at(Duration.ZERO));
        IllegalArgumentException level = assertThrows(IllegalArgumentException.class, () -> service.check(
                new CheckRequest(bad.id(), ALL, new ComplianceTarget.Configured(), OFFICER)));
        assertTrue(level.getMessage().contains("compliance.asvs_level"), level.getMessage());

        IllegalArgumentException foreign = assertThrows(IllegalArgumentException.class, () -> service.check(
                TenantScope.tenant(bad.id()), new CheckRequest(other.id(), ALL, new ComplianceTarget.Configured(), OFFICER)));
        assertTrue(foreign.getMessage().contains("no tenant"), foreign.getMessage());
        assertEquals(List.of(), db.complianceChecks().findByFramework(TenantScope.tenant(other.id()),
                ComplianceFramework.OWASP));
    }
}
