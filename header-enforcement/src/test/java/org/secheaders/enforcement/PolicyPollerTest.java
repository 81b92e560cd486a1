package org.secheaders.enforcement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.secheaders.domain.csp.CspParser;
import org.secheaders.domain.model.TenantSecurityPolicy;
import org.secheaders.domain.nonce.SecurityNonce;
import org.secheaders.domain.policy.HeaderSet;
import org.secheaders.domain.testing.SteppedClock;
import org.secheaders.enforcement.source.InMemoryPolicySource;
import org.secheaders.enforcement.source.PolicyChanges;
import org.secheaders.enforcement.source.PolicySource;

/**
 * The poller's bookkeeping, with a stand-in compiler that turns the applicable rows' names into an
 * {@code img-src} list, so each test can see which rows a snapshot was built from.
 */
class PolicyPollerTest {
    private static final TenantKey ACME = new TenantKey("acme");
    private static final TenantKey BETA = new TenantKey("beta");
    private static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");

    private final SteppedClock clock = new SteppedClock(T0);
    private final InMemoryPolicySource store = new InMemoryPolicySource();
    private final RecordingSource source = new RecordingSource(store);
    private final ConcurrentHashMap<TenantKey, TenantSnapshot> snapshots = new ConcurrentHashMap<>();
    private final AtomicBoolean compilerBroken = new AtomicBoolean();
    private final PolicyPoller poller = new PolicyPoller(source, this::compile, clock, snapshots);

    @Test
    void firstPollLoadsEveryKnownTenant() {
        store.put(ACME, List.of(TestPolicies.extend("a1", "img-src", "x")));
        store.put(BETA, List.of());
        poller.poll();
        assertEquals("img-src a1", csp(ACME));
        assertEquals("img-src 'none'", csp(BETA));
        assertEquals(List.of(Set.of(ACME, BETA)), source.loads);
    }

    @Test
    void laterPollsLoadOnlyTenantsWhoseVersionChanged() {
        store.put(ACME, List.of(TestPolicies.extend("a1", "img-src", "x")));
        store.put(BETA, List.of(TestPolicies.extend("b1", "img-src", "x")));
        poller.poll();
        TenantSnapshot betaBefore = snapshots.get(BETA);

        store.put(ACME, List.of(TestPolicies.extend("a2", "img-src", "x")));
        poller.poll();
        poller.poll();

        assertEquals("img-src a2", csp(ACME));
        assertSame(betaBefore, snapshots.get(BETA));
        assertEquals(List.of(Set.of(ACME, BETA), Set.of(ACME)), source.loads);
    }

    @Test
    void aFailingSourceKeepsTheLastGoodSnapshots() {
        store.put(ACME, List.of(TestPolicies.extend("a1", "img-src", "x")));
        poller.poll();
        source.down.set(true);
        store.put(ACME, List.of(TestPolicies.extend("a2", "img-src", "x")));
        poller.poll();
        poller.poll();
        assertEquals("img-src a1", csp(ACME));

        source.down.set(false);
        poller.poll();
        assertEquals("img-src a2", csp(ACME));
    }

    @Test
    void aPolicyThatFailsToCompileKeepsThePreviousVersionAndIsNotRetriedUntilItChanges() {
        store.put(ACME, List.of(TestPolicies.extend("a1", "img-src", "x")));
        poller.poll();
        compilerBroken.set(true);
        store.put(ACME, List.of(TestPolicies.extend("bad", "img-src", "x")));
        poller.poll();
        poller.poll();
        assertEquals("img-src a1", csp(ACME));
        assertEquals(2, source.loads.size());

        compilerBroken.set(false);
        store.put(ACME, List.of(TestPolicies.extend("a3", "img-src", "x")));
        poller.poll();
        assertEquals("img-src a3", csp(ACME));
    }

    @Test
    void aFailedLoadKeepsTheWatermarkSoTheSameChangeIsRetried() {
        store.put(ACME, List.of(TestPolicies.extend("a1", "img-src", "x")));
        source.failLoads.set(true);
        poller.poll();
        assertNull(snapshots.get(ACME));
        source.failLoads.set(false);
        poller.poll();
        assertEquals("img-src a1", csp(ACME));
    }

    @Test
    void rowsEnteringOrLeavingTheirWindowRecompileWithoutAVersionChange() {
        TenantSecurityPolicy later = TestPolicies.window(TestPolicies.extend("later", "img-src", "x"),
                T0.plusSeconds(60), Optional.of(T0.plusSeconds(120)));
        store.put(ACME, List.of(TestPolicies.extend("always", "img-src", "x"), later));
        poller.poll();
        assertEquals("img-src always", csp(ACME));

        clock.advance(Duration.ofSeconds(60));
        poller.poll();
        assertEquals("img-src always later", csp(ACME));

        clock.advance(Duration.ofSeconds(60));
        poller.poll();
        assertEquals("img-src always", csp(ACME));
        assertEquals(1, source.loads.size());
        assertFalse(snapshots.get(ACME).recompileAt().isPresent());
    }

    private CompiledHeaders compile(List<TenantSecurityPolicy> policies, Instant now) {
        if (compilerBroken.get()) {
            throw new IllegalArgumentException("broken policy");
        }
        String names = policies.stream().filter(p -> p.appliesAt(now)).map(TenantSecurityPolicy::policyName)
                .collect(Collectors.joining(" "));
        String csp = "img-src " + (names.isEmpty() ? "'none'" : names);
        return CompiledHeaders.of(new HeaderSet(Optional.of(CspParser.parse(csp).policy()), Optional.empty(),
                Set.of(), Map.of(), List.of()));
    }

    private String csp(TenantKey tenant) {
        return snapshots.get(tenant).headers().render(SecurityNonce.generate(), true).get(0).value();
    }

    /** Records which tenants each load asked for, and can be switched off. */
    private static final class RecordingSource implements PolicySource {
        final List<Set<TenantKey>> loads = new ArrayList<>();
        final AtomicBoolean down = new AtomicBoolean();
        final AtomicBoolean failLoads = new AtomicBoolean();
        private final PolicySource delegate;

        RecordingSource(PolicySource delegate) {
            this.delegate = delegate;
        }

        @Override
        public PolicyChanges changesSince(long watermark) {
            if (down.get()) {
                throw new IllegalStateException("connection refused");
            }
            return delegate.changesSince(watermark);
        }

        @Override
        public Map<TenantKey, List<TenantSecurityPolicy>> policies(Set<TenantKey> tenants) {
            if (failLoads.get()) {
                throw new IllegalStateException("connection reset");
            }
            loads.add(Set.copyOf(tenants));
            return delegate.policies(tenants);
        }
    }
}
