package org.secheaders.compliance.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secheaders.compliance.ComplianceServerModule;
import org.secheaders.domain.compliance.run.ComplianceCheckService;
import org.secheaders.domain.compliance.schedule.DueRun;
import org.secheaders.domain.compliance.schedule.ScheduledTarget;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.CheckResult;
import org.secheaders.domain.model.ComplianceEvent;
import org.secheaders.domain.model.ComplianceFramework;
import org.secheaders.domain.model.SecuritySeverity;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.repo.TenantScope;
import org.secheaders.domain.scan.PrivateAddresses;
import org.secheaders.domain.testing.DbKind;
import org.secheaders.domain.testing.SteppedClock;
import org.secheaders.domain.testing.TestDatabase;
import org.secheaders.domain.testing.TestDatabases;
import org.secheaders.domain.testing.TestTenants;
import org.secheaders.platform.config.ComplianceSettings;
import org.secheaders.platform.config.PlatformConfig;
import org.secheaders.platform.config.PlatformConfigLoader;
import org.secheaders.platform.server.RunningServer;
import org.secheaders.platform.server.ServerRuntime;
import org.secheaders.platform.testkit.McpClients;

class ComplianceSchedulingTest {
    private static final String SUPERADMIN = "superadmin-token-compliance-01";
    private static final String ACME_ADMIN = "acme-admin-token-compliance-01";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FRAMEWORKS = ComplianceFramework.values().length;

    @TempDir
    Path dir;

    @Test
    void ticksRunWhatIsDueUnderTheInjectedClock() throws Exception {
        try (TestDatabase test = TestDatabases.create(DbKind.H2)) {
            Database db = test.database();
            SteppedClock clock = new SteppedClock(Instant.parse("2026-03-02T08:00:00Z"));
            Tenant tenant = TestTenants.create(db);
            ComplianceScheduler scheduler = ComplianceScheduler.start(ComplianceScheduling.dueChecks(db,
                    ComplianceCheckService.create(db, clock, PrivateAddresses.DENY.targetPolicy()),
                    new ComplianceSettings(true, Duration.ofDays(1), ScheduledTarget.CONFIGURED, Optional.empty(),
                            PrivateAddresses.DENY), clock), Duration.ofDays(1));
            await(() -> db.complianceSchedule().nextChecks(TenantScope.tenant(tenant.id())).size() == FRAMEWORKS,
                    "the first tick runs when the scheduler starts");
            scheduler.close();
            assertFalse(scheduler.running());

            assertEquals(List.of(), scheduler.tick().outcomes(), "checked a moment ago");
            clock.advance(Duration.ofDays(1));
            DueRun next = scheduler.tick();
            assertEquals(FRAMEWORKS, next.outcomes().size(), "due again after the daily cadence");
            assertTrue(next.outcomes().stream().allMatch(o -> o.error().isEmpty() && o.nextCheckAt()
                    .equals(Optional.of(clock.instant().plus(Duration.ofDays(1))))), next::toString);
        }
    }

    @Test
    void theServerRunsTheSchedulerServesTenantScopedEventsAndStopsItOnShutdown() throws Exception {
        String dataDir = dir.resolve("data").toString();
        Tenant acme;
        Tenant globex;
        PlatformConfig base = PlatformConfigLoader.load(new String[] {"--data-dir", dataDir}, Map.of());
        try (Database db = Database.open(base.databaseConfig())) {
            db.migrations().migrate();
            acme = db.tenants().create(TenantScope.platform(), new Tenant.Draft("acme", "Acme", "acme.example", Map.of()));
            globex = db.tenants().create(TenantScope.platform(), new Tenant.Draft("globex", "Globex", "globex.example", Map.of()));
        }
        PlatformConfig config = PlatformConfigLoader.load(new String[] {"--transport", "http", "--port", "0",
                "--data-dir", dataDir, "--compliance-scheduler-interval", "10s",
                "--token", "superadmin:" + SUPERADMIN, "--token", "tenant_admin@" + acme.id() + ":" + ACME_ADMIN}, Map.of());

        try (Database db = Database.open(config.databaseConfig());
             RunningServer server = ServerRuntime.startHttp(new ComplianceServerModule().factory().create(config), config)) {
            await(() -> db.complianceSchedule().claims(TenantScope.platform()).size() == 2 * FRAMEWORKS,
                    "the server's scheduler checks both never-checked tenants");
            assertTrue(schedulerThreadAlive());
            for (Tenant tenant : List.of(acme, globex)) {
                db.complianceEvents().insert(TenantScope.tenant(tenant.id()), List.of(new ComplianceEvent.Draft(tenant.id(),
                        ComplianceFramework.OWASP, "ASVS-3.4.1", "HSTS", CheckResult.PASS, CheckResult.FAIL,
                        SecuritySeverity.HIGH, "Send Strict-Transport-Security: max-age=31536000", Instant.now())));
            }

            try (McpSyncClient admin = McpClients.streamable(server.baseUri(), SUPERADMIN);
                 McpSyncClient acmeAdmin = McpClients.streamable(server.baseUri(), ACME_ADMIN)) {
                JsonNode all = JSON.readTree(read(admin, "secheaders://compliance/events"));
                assertEquals(Set.of("acme", "globex"), tenants(all));
                assertEquals("pass", all.get("events").get(0).get("before").asText());
                assertEquals("Send Strict-Transport-Security: max-age=31536000",
                        all.get("events").get(0).get("remediation").asText());

                JsonNode own = JSON.readTree(read(acmeAdmin, "secheaders://tenants/acme/compliance/events"));
                assertEquals("acme", own.get("scope").asText());
                assertEquals(Set.of("acme"), tenants(own));
                McpError other = assertThrows(McpError.class,
                        () -> read(acmeAdmin, "secheaders://tenants/globex/compliance/events"));
                assertTrue(other.getMessage().startsWith("access denied"), other.getMessage());
                assertThrows(McpError.class, () -> read(acmeAdmin, "secheaders://compliance/events"));
            }
        }
        await(() -> !schedulerThreadAlive(), "shutdown stops the scheduler");
    }

    private static String read(McpSyncClient client, String uri) {
        return ((McpSchema.TextResourceContents) client.readResource(new McpSchema.ReadResourceRequest(uri))
                .contents().get(0)).text();
    }

    private static Set<String> tenants(JsonNode listing) {
        List<String> slugs = new ArrayList<>();
        listing.get("events").forEach(event -> slugs.add(event.get("tenant").asText()));
        return slugs.stream().collect(Collectors.toSet());
    }

    private static boolean schedulerThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().equals("compliance-scheduler") && thread.isAlive());
    }

    /** Waits up to two minutes (the machine is shared and slow) for what another thread does. */
    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out: " + what);
            Thread.sleep(100);
        }
    }
}
