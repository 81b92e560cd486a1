package org.secheaders.domain.compliance.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.Actor;
import org.secheaders.domain.model.CheckResult;
import org.secheaders.domain.model.ComplianceEvent;
import org.secheaders.domain.model.ComplianceFramework;
import org.secheaders.domain.model.DeliveryState;
import org.secheaders.domain.model.Role;
import org.secheaders.domain.model.Tenant;
import org.secheaders.domain.model.TenantStatus;
import org.secheaders.domain.repo.TenantScope;
import org.secheaders.domain.testing.DbKind;
import org.secheaders.domain.testing.SteppedClock;
import org.secheaders.domain.testing.TestDatabase;
import org.secheaders.domain.testing.TestDatabases;
import org.secheaders.domain.testing.TestTenants;

class DueChecksTest {
    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    private static final Actor SCHEDULER = Actor.of("scheduler", Role.SUPERADMIN);

    private TestDatabase test;
    private Database db;
    private SteppedClock clock;
    private SuppliedHeadersChecker checker;

    @BeforeEach
    void open() {
        test = TestDatabases.create(DbKind.H2);
        db = test.database();
        clock = new SteppedClock(START);
        checker = new SuppliedHeadersChecker(db, clock);
    }

    @AfterEach
    void close() {
        test.close();
    }

    private DueChecks dueChecks(Database database, Optional<WebhookNotifier> webhook, String owner) {
        return new DueChecks(database, checker, new EventDelivery(database.complianceEvents(), database.tenants(), webhook,
                clock), ScheduledTarget.CONFIGURED, SCHEDULER, owner, clock);
    }

    @Test
    void neverCheckedPairsAreDueThenNotUntilTheirNextCheck() {
        Tenant a = TestTenants.create(db);
        Tenant b = TestTenants.create(db);
        DueChecks due = dueChecks(db, Optional.empty(), "instance-1");

        assertEquals(2 * ComplianceFramework.values().length, due.due(DueFilter.all()).size());
        DueRun first = due.run(DueFilter.all(), DueChecks.Progress.NONE);

        assertEquals(2, checker.calls.size(), "one call per tenant with all its frameworks");
        assertEquals(EnumSet.allOf(ComplianceFramework.class), checker.calls.get(0).frameworks());
        assertEquals(2 * ComplianceFramework.values().length, first.outcomes().size());
        assertTrue(first.outcomes().stream().allMatch(o -> o.status().isPresent() && o.score().isPresent()
                && o.nextCheckAt().equals(Optional.of(START.plus(SuppliedHeadersChecker.PERIOD)))), first::toString);
        assertEquals(List.of(), due.due(DueFilter.all()));

        clock.advance(SuppliedHeadersChecker.PERIOD.minusSeconds(1));
        assertEquals(DueRun.class, due.run(DueFilter.all(), DueChecks.Progress.NONE).getClass());
        assertEquals(2, checker.calls.size(), "nothing is due a second before the next check");

        clock.advance(Duration.ofSeconds(1));
        assertEquals(Set.of(a.slug(), b.slug()), due.due(DueFilter.all()).stream().map(d -> d.tenant().slug())
                .collect(Collectors.toSet()));
        assertEquals(1, due.due(new DueFilter(Optional.of(a.slug()), Set.of(ComplianceFramework.GDPR))).size());
    }

    @Test
    void aPassThatTurnsIntoAFailureIsStoredAsAnEventWithItsRemediationAndPosted() throws Exception {
        Tenant tenant = TestTenants.create(db);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            WebhookNotifier webhook = new WebhookNotifier(new WebhookSettings(receiver.url(), Optional.of("s3cret"),
                    Duration.ofSeconds(5), 1, Duration.ZERO), clock);
            DueChecks due = dueChecks(db, Optional.of(webhook), "instance-1");
            checker.serve(tenant, SuppliedHeadersChecker.STRONG);
            assertEquals(0, due.run(DueFilter.all(), DueChecks.Progress.NONE).regressions(), "a first check has no 'before'");

            checker.serve(tenant, SuppliedHeadersChecker.WITHOUT_HSTS);
            clock.advance(SuppliedHeadersChecker.PERIOD);
            receiver.answer(500);
            DueRun run = due.run(DueFilter.all(), DueChecks.Progress.NONE);

            assertTrue(run.regressions() > 0, "dropping HSTS fails controls that passed");
            assertTrue(run.events().stream().allMatch(e -> e.before() == CheckResult.PASS && e.after() == CheckResult.FAIL
                    && !e.remediation().isBlank() && e.tenantId() == tenant.id() && e.detectedAt().equals(clock.instant())));
            assertEquals(run.regressions(), run.outcomes().stream().mapToInt(FrameworkOutcome::regressions).sum());
            assertEquals(new EventDelivery.Counts(run.regressions() - 1, 1), run.delivery(),
                    "the receiver's 500 fails one delivery; the check run is not affected");
            List<ComplianceEvent> stored = db.complianceEvents().list(TenantScope.tenant(tenant.id()), Optional.empty(), 100);
            assertEquals(1, stored.stream().filter(e -> e.deliveryState() == DeliveryState.FAILED).count());

            DueRun nextTick = due.run(DueFilter.all(), DueChecks.Progress.NONE);
            assertEquals(List.of(), nextTick.outcomes(), "nothing due");
            assertEquals(new EventDelivery.Counts(1, 0), nextTick.delivery(), "the failed event is retried on the next tick");
            assertTrue(db.complianceEvents().list(TenantScope.tenant(tenant.id()), Optional.empty(), 100).stream()
                    .allMatch(e -> e.deliveryState() == DeliveryState.DELIVERED));
            assertEquals(run.regressions() + 1, receiver.posts().size());
            assertTrue(receiver.posts().stream().allMatch(post -> WebhookSignature.verify("s3cret",
                    Long.parseLong(post.timestamp().orElseThrow()), post.body(), post.signature().orElseThrow())));
        }
    }

    @Test
    void aFailingTenantDoesNotStopTheOthersAndIsRetriedLater() {
        Tenant broken = TestTenants.create(db);
        Tenant fine = TestTenants.create(db);
        Tenant suspended = TestTenants.create(db);
        db.tenants().updateStatus(TenantScope.platform(), suspended.id(), TenantStatus.SUSPENDED);
        checker.failing.add(broken.id());
        DueChecks due = dueChecks(db, Optional.empty(), "instance-1");
        List<String> progress = new ArrayList<>();

        DueRun run = due.run(DueFilter.all(), (index, total, slug) -> progress.add(index + "/" + total + " " + slug));

        assertEquals(2, progress.size(), "suspended tenants are not checked: " + progress);
        assertEquals(ComplianceFramework.values().length, run.failures());
        assertTrue(run.outcomes().stream().filter(o -> o.tenant().equals(fine.slug())).allMatch(o -> o.error().isEmpty()));
        FrameworkOutcome failed = run.outcomes().stream().filter(o -> o.tenant().equals(broken.slug())).findFirst().orElseThrow();
        assertTrue(failed.error().orElseThrow().contains("cannot be judged"));
        assertEquals(Optional.of(START.plus(DueChecks.FAILURE_RETRY)), failed.nextCheckAt());

        clock.advance(DueChecks.FAILURE_RETRY.minusSeconds(1));
        due.run(DueFilter.all(), DueChecks.Progress.NONE);
        assertEquals(2, checker.calls.size(), "the broken tenant waits for its retry time");
        checker.failing.clear();
        clock.advance(Duration.ofSeconds(1));
        DueRun retried = due.run(DueFilter.all(), DueChecks.Progress.NONE);
        assertEquals(0, retried.failures());
        assertEquals(Set.of(broken.slug()), retried.outcomes().stream().map(FrameworkOutcome::tenant).collect(Collectors.toSet()));
        assertTrue(db.complianceSchedule().claims(TenantScope.tenant(broken.id())).stream()
                .allMatch(claim -> claim.lastError().isEmpty()), "a successful run clears the error");

        assertThrows(IllegalArgumentException.class, () -> due.due(new DueFilter(Optional.of(suspended.slug()), Set.of())));
        assertThrows(IllegalArgumentException.class, () -> due.due(new DueFilter(Optional.of("no-such-tenant"), Set.of())));
    }

    @Test
    void twoSchedulersOnOneH2FileRunEachDueCheckOnce() throws Exception {
        List<Tenant> tenants = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            tenants.add(TestTenants.create(db));
        }
        try (Database second = Database.open(db.config(), clock)) {
            DueChecks one = dueChecks(db, Optional.empty(), "instance-1");
            DueChecks two = dueChecks(second, Optional.empty(), "instance-2");
            CountDownLatch go = new CountDownLatch(1);
            CompletableFuture<DueRun> first = CompletableFuture.supplyAsync(() -> awaitThen(go, one));
            CompletableFuture<DueRun> other = CompletableFuture.supplyAsync(() -> awaitThen(go, two));
            go.countDown();
            DueRun a = first.get();
            DueRun b = other.get();

            Map<String, Long> checksPerPair = checker.calls.stream()
                    .flatMap(call -> call.frameworks().stream().map(f -> call.tenantId() + "/" + f.wireName()))
                    .collect(Collectors.groupingBy(pair -> pair, Collectors.counting()));
            assertEquals(tenants.size() * ComplianceFramework.values().length, checksPerPair.size());
            assertTrue(checksPerPair.values().stream().allMatch(count -> count == 1), checksPerPair::toString);
            Map<Long, Long> callsPerTenant = checker.calls.stream()
                    .collect(Collectors.groupingBy(call -> call.tenantId(), Collectors.counting()));
            assertTrue(callsPerTenant.values().stream().allMatch(count -> count == 1),
                    "one instance runs a tenant's frameworks together: " + callsPerTenant);
            assertEquals(tenants.size() * ComplianceFramework.values().length, a.outcomes().size() + b.outcomes().size());
        }
    }

    private static DueRun awaitThen(CountDownLatch go, DueChecks dueChecks) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return dueChecks.run(DueFilter.all(), DueChecks.Progress.NONE);
    }
}
