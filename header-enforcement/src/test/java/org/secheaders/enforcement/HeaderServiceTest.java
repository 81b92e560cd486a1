package org.secheaders.enforcement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.secheaders.domain.model.TenantSecurityPolicy;
import org.secheaders.enforcement.source.InMemoryPolicySource;
import org.secheaders.enforcement.source.PolicyChanges;
import org.secheaders.enforcement.source.PolicySource;

class HeaderServiceTest {
    private static final TenantKey ACME = new TenantKey("acme");
    private static final String CSP = "Content-Security-Policy";
    private static final String HSTS = "Strict-Transport-Security";

    private final InMemoryPolicySource source = new InMemoryPolicySource(Map.of(
            ACME, List.of(TestPolicies.extend("images", "img-src", "https://img.acme.example"))));
    private final HeaderService service = HeaderService.builder().source(source).build();

    @AfterEach
    void close() {
        service.close();
    }

    @Test
    void servesTheTenantsResolvedPolicyWithTheResponseNonce() {
        RenderedHeaders rendered = service.headersFor(ACME, RequestInfo.https());
        String csp = rendered.value(CSP).orElseThrow();
        assertTrue(csp.contains("https://img.acme.example"), csp);
        assertTrue(csp.contains("'nonce-" + rendered.nonce().value() + "'"), csp);
        assertTrue(rendered.nonceInHeaders());
        assertEquals(Optional.of(ACME), rendered.tenant());
    }

    @Test
    void unknownTenantsAndUnresolvedRequestsGetThePlatformBaseline() {
        RenderedHeaders unknown = service.headersFor(new TenantKey("nobody"), RequestInfo.https());
        RenderedHeaders platform = service.platformHeadersFor(RequestInfo.https());
        assertEquals(Optional.empty(), unknown.tenant());
        assertFalse(unknown.value(CSP).orElseThrow().contains("img.acme.example"));
        assertEquals(withoutNonce(platform), withoutNonce(unknown));
    }

    @Test
    void strictTransportSecurityOnlyOnSecureRequests() {
        assertTrue(service.headersFor(ACME, RequestInfo.https()).value(HSTS).isPresent());
        assertEquals(Optional.empty(), service.headersFor(ACME, RequestInfo.http()).value(HSTS));
        assertEquals(Optional.empty(), service.platformHeadersFor(RequestInfo.http()).value(HSTS));
        assertTrue(service.headersFor(ACME, RequestInfo.http()).value(CSP).isPresent());
    }

    @Test
    void everyResponseGetsAFreshNonce() {
        RenderedHeaders first = service.headersFor(ACME, RequestInfo.https());
        RenderedHeaders second = service.headersFor(ACME, RequestInfo.https());
        assertNotEquals(first.nonce(), second.nonce());
        assertTrue(second.value(CSP).orElseThrow().contains(second.nonce().value()));
        assertFalse(second.value(CSP).orElseThrow().contains(first.nonce().value()));
    }

    @Test
    void leakingHeadersAreListedCaseInsensitively() {
        Set<String> remove = service.headersFor(ACME, RequestInfo.https()).headersToRemove();
        assertTrue(remove.contains("Server"));
        assertTrue(remove.contains("x-powered-by"));
    }

    @Test
    void devModeChangesOnlyTheInstanceThatEnablesIt() {
        try (HeaderService dev = HeaderService.builder().source(source)
                .devMode(DevMode.enabled(List.of("http://localhost:5173"))).build()) {
            String devCsp = dev.headersFor(ACME, RequestInfo.https()).value(CSP).orElseThrow();
            assertTrue(devCsp.matches(".*script-src [^;]*http://localhost:5173.*"), devCsp);
            assertTrue(devCsp.matches(".*connect-src [^;]*http://localhost:5173 ws://localhost:5173.*"), devCsp);
        }
        String csp = service.headersFor(ACME, RequestInfo.https()).value(CSP).orElseThrow();
        assertFalse(csp.contains("localhost"), csp);
        assertFalse(source.policies(Set.of(ACME)).get(ACME).toString().contains("localhost"));
    }

    @Test
    void aPolicyChangeReachesEveryInstanceWithinOneSecond() throws InterruptedException {
        try (HeaderService instanceA = HeaderService.builder().source(source).build();
             HeaderService instanceB = HeaderService.builder().source(source).build()) {
            assertFalse(csp(instanceA).contains("cdn.acme.example"));

            long changedAt = System.nanoTime();
            source.put(ACME, List.of(TestPolicies.extend("images", "img-src", "https://cdn.acme.example")));
            Duration a = awaitCsp(instanceA, "https://cdn.acme.example", changedAt);
            Duration b = awaitCsp(instanceB, "https://cdn.acme.example", changedAt);

            assertTrue(a.toMillis() < 1000 && b.toMillis() < 1000, "propagation took " + a + " and " + b);
            assertFalse(csp(instanceA).contains("img.acme.example"));
        }
    }

    @Test
    void startsOnTheBaselineWhenTheSourceIsDownAndPicksUpTenantsWhenItRecovers() throws InterruptedException {
        AtomicBoolean down = new AtomicBoolean(true);
        PolicySource flaky = new PolicySource() {
            @Override
            public PolicyChanges changesSince(long watermark) {
                if (down.get()) {
                    throw new IllegalStateException("database unreachable");
                }
                return source.changesSince(watermark);
            }

            @Override
            public Map<TenantKey, List<TenantSecurityPolicy>> policies(Set<TenantKey> tenants) {
                return source.policies(tenants);
            }
        };
        try (HeaderService recovering = HeaderService.builder().source(flaky).pollInterval(Duration.ofMillis(20)).build()) {
            assertEquals(Optional.empty(), recovering.headersFor(ACME, RequestInfo.https()).tenant());
            down.set(false);
            awaitCsp(recovering, "https://img.acme.example", System.nanoTime());
            assertEquals(Optional.of(ACME), recovering.headersFor(ACME, RequestInfo.https()).tenant());
        }
    }

    private static String csp(HeaderService service) {
        return service.headersFor(ACME, RequestInfo.https()).value(CSP).orElseThrow();
    }

    /** Polls like a request thread would, until the CSP carries {@code expected}; the time since {@code since}. */
    private static Duration awaitCsp(HeaderService service, String expected, long since) throws InterruptedException {
        long deadline = since + Duration.ofSeconds(5).toNanos();
        while (!csp(service).contains(expected)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("CSP never carried " + expected + ": " + csp(service));
            }
            Thread.sleep(5);
        }
        return Duration.ofNanos(System.nanoTime() - since);
    }

    private static String withoutNonce(RenderedHeaders rendered) {
        return rendered.headers().toString().replace(rendered.nonce().value(), "NONCE");
    }
}
